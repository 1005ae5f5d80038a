package coop.mutua.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic carries no second factor: an account with two-factor on (or owing it) cannot use the API with its
 * password. It gets a 401 saying so, after a right password only (a wrong one reads like any wrong one).
 */
class ApiSecondFactor extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof MutuaUser user && user.secondFactorDue()) {
            SecurityContextHolder.clearContext();
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("""
                    {"type":"https://mutua.coop/problems/second-factor-required","title":"Unauthorized","status":401,\
                    "code":"second-factor-required","detail":"Two-factor authentication is on for this account: \
                    HTTP Basic with its password is refused; use a personal API token (created in Mon compte) as the password."}""");
            return;
        }
        chain.doFilter(request, response);
    }
}
