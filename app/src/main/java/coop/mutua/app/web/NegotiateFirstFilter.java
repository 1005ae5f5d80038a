package coop.mutua.app.web;

import coop.mutua.app.problems.FilterProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Content negotiation before any change: an API request that changes something answers JSON, so when its Accept header
 * admits no JSON it is refused with 406 before the controller runs; and any API request whose body's Content-Type is a
 * wildcard or unreadable is refused with 415. Spring negotiates only once the handler has returned,
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
        return !FilterProblems.isApi(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // A body's type must be one type: "*/*" or a malformed one made Spring fail while reading it (a 500). Without a
        // body, such a header says nothing and is dropped.
        String bodyType = request.getContentType();
        if (bodyType != null && !bodyType.isBlank() && !readable(bodyType)) {
            boolean body = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
            if (body) {
                problems.write(request, response, 415, "request.media-type-not-supported", "Content-Type", "");
                return;
            }
            request = withoutContentType(request);
        }
        String accept = request.getHeader("Accept");
        if (!READS.contains(request.getMethod()) && accept != null && !accept.isBlank()) {
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

    private static boolean readable(String type) {
        try {
            MediaType parsed = MediaType.parseMediaType(type);
            return !parsed.isWildcardType() && !parsed.isWildcardSubtype();
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }

    private static HttpServletRequest withoutContentType(HttpServletRequest request) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getContentType() {
                return null;
            }

            @Override
            public String getHeader(String name) {
                return "Content-Type".equalsIgnoreCase(name) ? null : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return "Content-Type".equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
            }

            @Override
            public Enumeration<String> getHeaderNames() {
                return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                        .filter(header -> !"Content-Type".equalsIgnoreCase(header)).toList());
            }
        };
    }

    private static String shown(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}
