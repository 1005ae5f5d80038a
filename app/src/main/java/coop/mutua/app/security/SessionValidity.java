package coop.mutua.app.security;

import coop.mutua.app.account.Account;
import coop.mutua.app.account.Accounts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session lives only as long as the account it logged in: disabled, or its password changed or reset (the
 * credentials epoch went up), and the session ends at its next request. One primary-key read per page request;
 * pages are not the hot path (the API's remembered logins are checked by CachingAuthenticationProvider).
 */
class SessionValidity extends OncePerRequestFilter {

    private final Accounts accounts;
    /** How the chain answers an ended session: the API's and the actuator's 401 problem; null for pages (to the login). */
    private final AuthenticationEntryPoint entryPoint;

    SessionValidity(Accounts accounts, AuthenticationEntryPoint entryPoint) {
        this.accounts = accounts;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/css/") || path.startsWith("/webjars/") || path.equals("/favicon.ico")) {
            chain.doFilter(request, response);
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        MutuaUser user = authentication instanceof PendingLogin pending ? pending.user()
                : authentication != null && authentication.getPrincipal() instanceof MutuaUser complete ? complete : null;
        if (user != null) {
            Optional<Account> now = accounts.findById(user.account().id());
            if (now.isEmpty() || !now.get().active() || now.get().credentialsEpoch() != user.epoch()) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
                if (entryPoint != null) {
                    entryPoint.commence(request, response,
                            new CredentialsExpiredException("session ended"));
                } else if ("true".equals(request.getHeader("HX-Request"))) {
                    response.setHeader("HX-Redirect", request.getContextPath() + "/login?expired");
                    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                } else {
                    response.sendRedirect(request.getContextPath() + "/login?expired");
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
