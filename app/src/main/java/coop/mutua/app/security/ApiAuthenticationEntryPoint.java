package coop.mutua.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 with a problem document and a Basic challenge, so API clients know how to authenticate; 429 with Retry-After
 * when the login or the address has failed too often (the same for a login that exists and one that does not).
 */
class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException authException)
            throws IOException {
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (authException instanceof LoginThrottledException throttled) {
            long seconds = Math.max(1, Duration.between(Instant.now(), throttled.retryAt()).toSeconds() + 1);
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(seconds));
            response.getWriter().write("""
                    {"type":"https://mutua.coop/problems/login-throttled","title":"Too Many Requests","status":429,\
                    "code":"login-throttled","detail":"Too many failed logins for this login or address: try again in %d s",\
                    "retryAt":"%s"}""".formatted(seconds, throttled.retryAt()));
            return;
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Basic realm=\"Mutua\", charset=\"UTF-8\"");
        response.getWriter().write("""
                {"type":"https://mutua.coop/problems/unauthenticated","title":"Unauthorized","status":401,\
                "code":"unauthenticated","detail":"Authentication required (HTTP Basic)"}""");
    }
}
