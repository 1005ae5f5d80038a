package coop.mutua.app.security;

import coop.mutua.app.account.Account;
import coop.mutua.kernel.Actor;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A logged-in account: Spring Security's view of it, carrying the {@link Actor} the contexts work with (none for the
 * operator), the credentials epoch it logged in under, and whether a second factor is due before it may do anything.
 */
public final class MutuaUser implements UserDetails {

    /** Held by every completed login (password, and second factor where due); pages require it. */
    public static final String LOGIN_COMPLETE = "LOGIN_COMPLETE";

    private final Account account;
    private final boolean secondFactorDue;

    MutuaUser(Account account, boolean secondFactorDue) {
        this.account = account;
        this.secondFactorDue = secondFactorDue;
    }

    public Account account() {
        return account;
    }

    /** The actor of a groupement's user; null for the operator. */
    public Actor actor() {
        return account.isOperator() ? null : account.actor();
    }

    public int epoch() {
        return account.credentialsEpoch();
    }

    /** The password was right, but a TOTP code (or enrolment) is due before the login is complete. */
    public boolean secondFactorDue() {
        return secondFactorDue;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + account.role().name()), new SimpleGrantedAuthority(LOGIN_COMPLETE));
    }

    @Override
    public String getPassword() {
        return account.passwordHash();
    }

    @Override
    public String getUsername() {
        return account.username();
    }

    @Override
    public boolean isEnabled() {
        return account.active();
    }
}
