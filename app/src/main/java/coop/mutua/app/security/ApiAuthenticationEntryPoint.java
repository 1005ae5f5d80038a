package coop.mutua.app.security;

import coop.mutua.app.problems.FilterProblems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 with a problem document and a Basic challenge, so API clients know how to authenticate; 429 with Retry-After
 * when the login or the address has failed too often (the same for a login that exists and one that does not). In the
 * reader's language, as every problem document.
 */
class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final FilterProblems problems;

    ApiAuthenticationEntryPoint(FilterProblems problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException authException)
            throws IOException {
        if (authException instanceof LoginThrottledException throttled) {
            long seconds = Math.max(1, Duration.between(Instant.now(), throttled.retryAt()).toSeconds() + 1);
            response.setHeader("Retry-After", Long.toString(seconds));
            problems.write(request, response, 429, "login-throttled", null, Map.of("retryAt", throttled.retryAt().toString()), seconds);
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"Mutua\", charset=\"UTF-8\"");
        problems.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "unauthenticated", null, Map.of());
    }

    /** A caller authenticated but without the role (the actuator's metrics for a member): a problem document too. */
    static AccessDeniedHandler forbidden(FilterProblems problems) {
        return (request, response, denied) -> problems.write(request, response, HttpServletResponse.SC_FORBIDDEN, "forbidden", null, Map.of());
    }
}
