package coop.mutua.app.security;

import coop.mutua.app.account.Account;
import coop.mutua.app.account.ApiTokens;
import coop.mutua.app.account.LoginAttempts;
import coop.mutua.app.account.LoginThrottle.Decision;
import coop.mutua.app.problems.FilterProblems;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The one way in, for the login form and HTTP Basic alike. On the API, credentials verified within the last minutes
 * pass at once (they were right); everything else is first refused while its login or address is slowed or locked,
 * then checked (a remembered password without a new hash), and the result is counted and recorded. Every refusal of a password is the same {@link BadCredentialsException}, whether the login
 * exists, is disabled or the password is wrong; a login that does not exist costs a hash like one that does. On the
 * API, a personal API token is accepted in place of the password.
 */
class GuardedAuthenticationProvider implements AuthenticationProvider {

    private final CachingAuthenticationProvider passwords;
    private final LoginAttempts attempts;
    private final ApiTokens tokens;

    GuardedAuthenticationProvider(CachingAuthenticationProvider passwords, LoginAttempts attempts, ApiTokens tokens) {
        this.passwords = passwords;
        this.attempts = attempts;
        this.tokens = tokens;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        boolean api = api();
        if (api) {
            // An API client sends its credentials with every request: verified ones pass at once (they were right, and
            // an attacker hammering the login cannot lock out a working integration). The login form always goes
            // through the throttle, and each of its logins is recorded.
            Authentication known = passwords.remembered(authentication);
            if (known != null) {
                return known;
            }
        }
        String login = authentication.getName();
        String address = address(authentication);
        Decision decision = attempts.check(login, address);
        if (!decision.allowed()) {
            throw new LoginThrottledException(decision.retryAt(), decision.locked());
        }
        if (api && authentication.getCredentials() != null && ApiTokens.looksLikeToken(authentication.getCredentials().toString())) {
            // A personal API token: made while logged in with every factor, so no second factor is due. API only: a
            // token typed into the login form is checked as a password (and fails), never opening a page session.
            Optional<Account> account = tokens.authenticate(login, authentication.getCredentials().toString());
            if (account.isPresent()) {
                MutuaUser user = new MutuaUser(account.get(), false);
                return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
            }
        }
        Authentication result;
        try {
            result = passwords.authenticate(authentication);
        } catch (AuthenticationException refused) {
            attempts.failed(login, address);
            throw new BadCredentialsException("bad credentials");
        }
        // With a second factor due, the login is not done yet: the failures stay counted (so that codes cannot be
        // guessed between right passwords), and the code page records the login once the code is right.
        if (result.getPrincipal() instanceof MutuaUser user && !user.secondFactorDue()) {
            attempts.succeeded(user.account(), login, address, api ? "API" : "web");
        }
        return result;
    }

    void forget(String username) {
        passwords.forget(username);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }

    private static boolean api() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && FilterProblems.isApi(attributes.getRequest());
    }
}
