package coop.mutua.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Content negotiation before any change: an API request that changes something answers JSON, so when its Accept header
 * admits no JSON it is refused with 406 before the controller runs. Spring negotiates only once the handler has returned,
 * which answered 406 for a change already made, and a client retrying applied it twice (issue 15).
 */
class NegotiateFirstFilter extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final List<MediaType> ANSWERS = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);

    private final FilterProblems problems;

    NegotiateFirstFilter(FilterProblems problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return READS.contains(request.getMethod()) || !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String accept = request.getHeader("Accept");
        if (accept != null && !accept.isBlank()) {
            List<MediaType> accepted;
            try {
                accepted = MediaType.parseMediaTypes(accept);
            } catch (InvalidMediaTypeException unreadable) {
                problems.write(request, response, 400, "request.field-unreadable", "Accept", "Accept", shown(accept), "application/json");
                return;
            }
            boolean json = accepted.stream().anyMatch(type -> ANSWERS.stream().anyMatch(type::isCompatibleWith));
            if (!json) {
                problems.write(request, response, 406, "request.not-acceptable", null, "");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static String shown(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}
