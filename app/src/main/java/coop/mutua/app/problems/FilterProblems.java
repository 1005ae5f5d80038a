package coop.mutua.app.problems;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refusals from servlet filters and the firewall, which answer before any controller runs: a problem document (as ApiErrors
 * writes them) for the API, the error page for pages.
 */
@Component
public class FilterProblems {

    /** Where every problem type of the API is named (RFC 9457 "type"), followed by its code. */
    public static final String TYPE_BASE = "https://mutua.coop/problems/";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MessageSource messages;

    FilterProblems(MessageSource messages) {
        this.messages = messages;
    }

    /** Whether the request is the API's (answered with problem documents) rather than a page's. */
    public static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    /** Refuses the request: a problem document naming {@code field} for the API, the error page of that status for a page. */
    public void refuse(HttpServletRequest request, HttpServletResponse response, int status, String code, String field,
                       Object... arguments) throws IOException {
        if (isApi(request)) {
            write(request, response, status, code, field, arguments);
        } else {
            response.sendError(status);
        }
    }

    public void write(HttpServletRequest request, HttpServletResponse response, int status, String code, String field, Object... arguments)
            throws IOException {
        write(request, response, status, code, field, Map.of(), arguments);
    }

    /**
     * Writes a problem document, in the reader's language, with {@code extra} properties (a throttled login's retryAt), for
     * the filters that answer before any controller: authentication, the firewall, the actuator.
     */
    public void write(HttpServletRequest request, HttpServletResponse response, int status, String code, String field,
                      Map<String, ?> extra, Object... arguments) throws IOException {
        // As the rest of the API: French unless Accept-Language prefers English (the servlet's default is the server's).
        String asked = request.getHeader("Accept-Language");
        Locale locale = asked != null && !asked.isBlank() && "en".equals(request.getLocale().getLanguage()) ? Locale.ENGLISH : Locale.FRENCH;
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE_BASE + code);
        problem.put("title", HttpStatus.valueOf(status).getReasonPhrase());
        problem.put("status", status);
        problem.put("detail", messages.getMessage(code, arguments, code, locale));
        problem.put("instance", request.getRequestURI());
        problem.put("code", code);
        if (field != null) {
            problem.put("field", field);
        }
        problem.putAll(extra);
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    }
}
