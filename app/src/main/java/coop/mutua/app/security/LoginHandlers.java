package coop.mutua.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/** What the login form does after the password check: the second step if one is due, or a clear refusal. */
final class LoginHandlers {

    static final SecurityContextRepository CONTEXTS = new HttpSessionSecurityContextRepository();

    private LoginHandlers() {
    }

    /** A right password: complete, or waiting for the TOTP code (or the set-up a coordinator owes). */
    static AuthenticationSuccessHandler success() {
        SavedRequestAwareAuthenticationSuccessHandler complete = new SavedRequestAwareAuthenticationSuccessHandler();
        complete.setDefaultTargetUrl("/");
        return (request, response, authentication) -> {
            if (authentication.getPrincipal() instanceof MutuaUser user && user.secondFactorDue()) {
                PendingLogin pending = new PendingLogin(user, !user.account().totpEnabled());
                replace(request, response, pending);
                response.sendRedirect(request.getContextPath() + (pending.enrolment() ? "/account/two-factor" : "/login/code"));
                return;
            }
            complete.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /** Every refusal reads the same, except a throttled login, which says until when it must wait. */
    static AuthenticationFailureHandler failure() {
        return (request, response, exception) -> {
            if (exception instanceof LoginThrottledException throttled) {
                request.getSession().setAttribute(LoginMessages.RETRY_AT, throttled.retryAt());
                response.sendRedirect(request.getContextPath() + "/login?locked");
                return;
            }
            response.sendRedirect(request.getContextPath() + "/login?error");
        };
    }

    /** Puts an authentication in the session in place of the current one, under a new session id. */
    static void replace(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        CONTEXTS.saveContext(context, request, response);
    }

    /** Where a login waiting for its second factor is sent when it asks for anything else. */
    static void redirectPending(HttpServletRequest request, HttpServletResponse response, PendingLogin pending) throws IOException {
        response.sendRedirect(request.getContextPath() + (pending.enrolment() ? "/account/two-factor" : "/login/code"));
    }

}
