package coop.mutua.app.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A login whose password was right but whose second factor is still due: the session holds this instead of the
 * account's authentication, with one authority that opens only the code page (or, for a coordinator who must set up
 * two-factor first, the set-up page). The account's authentication replaces it once the code is right.
 */
public final class PendingLogin extends AbstractAuthenticationToken {

    public static final String CODE_DUE = "SECOND_FACTOR_DUE";
    public static final String ENROLMENT_DUE = "SECOND_FACTOR_ENROLMENT_DUE";

    private final MutuaUser user;

    PendingLogin(MutuaUser user, boolean enrolment) {
        super(List.of(new SimpleGrantedAuthority(enrolment ? ENROLMENT_DUE : CODE_DUE)));
        this.user = user;
        setAuthenticated(true);
    }

    /** The account waiting for its second factor (not the principal: nothing may take this login for a complete one). */
    public MutuaUser user() {
        return user;
    }

    public boolean enrolment() {
        return getAuthorities().stream().anyMatch(authority -> ENROLMENT_DUE.equals(authority.getAuthority()));
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return user.getUsername();
    }
}
