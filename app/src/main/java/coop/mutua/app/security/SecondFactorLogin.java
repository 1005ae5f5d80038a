package coop.mutua.app.security;

import coop.mutua.app.account.Account;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/** The second step of a login, for the pages that take the code or the two-factor set-up. */
public final class SecondFactorLogin {

    private SecondFactorLogin() {
    }

    /** The account whose password was right and whose second factor is due, if that is where this session stands. */
    public static Optional<Account> pending() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof PendingLogin pending
                ? Optional.of(pending.user().account()) : Optional.empty();
    }

    /**
     * The second factor was given: the session now holds the complete login (under a new id). Returns where to go:
     * the page first asked for, or home.
     */
    public static String complete(HttpServletRequest request, HttpServletResponse response, Account account) {
        MutuaUser user = new MutuaUser(account, false);
        LoginHandlers.replace(request, response,
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        SavedRequest saved = cache.getRequest(request, response);
        cache.removeRequest(request, response);
        return saved == null ? "/" : saved.getRedirectUrl();
    }

    /** After a password change the session's own login goes on under the new credentials epoch (others end). */
    public static void refresh(HttpServletRequest request, HttpServletResponse response, Account account) {
        MutuaUser user = new MutuaUser(account, false);
        LoginHandlers.replace(request, response,
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }
}
