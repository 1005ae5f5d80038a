package coop.mutua.app.web;

import coop.mutua.app.problems.FilterProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Query and form parameters with a NUL or another control character (but line breaks and tabs, which text areas send), or
 * named with an index no form has ({@code tiers[99999999].from}, {@code labels[-1]}), are refused with 400 before any
 * controller: PostgreSQL cannot even compare the first, and the second made a form's list grow to that size (issue 15).
 * The API answers a problem naming the parameter; pages the error page.
 */
class ParameterCharactersFilter extends OncePerRequestFilter {

    private final FilterProblems problems;

    ParameterCharactersFilter(FilterProblems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refused;
        try {
            refused = refusedParameter(request);
        } catch (RuntimeException unreadable) {
            // Tomcat could not read the parameters (a malformed multipart body, a broken encoding): nobody could.
            problems.refuse(request, response, 400, "request.unreadable", null);
            return;
        }
        if (refused == null) {
            chain.doFilter(request, response);
        } else {
            problems.refuse(request, response, 400, "field.characters", refused, refused);
        }
    }

    /** An index no form has: negative, or 1000 and more (forms bind lists by index, and a list grows to the index given). */
    private static final Pattern FAR_INDEX = Pattern.compile("\\[(-\\d+|\\d{4,})\\]");

    private static String refusedParameter(HttpServletRequest request) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (controls(parameter.getKey())) {
                return "?";
            }
            if (FAR_INDEX.matcher(parameter.getKey()).find()) {
                // tiers[99999999].from made the form's list grow to a hundred million rows: minutes of CPU, then no memory.
                return parameter.getKey().length() > 100 ? parameter.getKey().substring(0, 100) : parameter.getKey();
            }
            for (String value : parameter.getValue()) {
                if (value != null && controls(value)) {
                    return parameter.getKey();
                }
            }
        }
        return null;
    }

    private static boolean controls(String text) {
        return text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7f);
    }
}
