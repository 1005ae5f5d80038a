package coop.mutua.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An address nothing answers (no page, no file): the "page not found" page for a browser, a problem document for the
 * API and for clients that do not ask for HTML. Controllers' own 404s are PageErrors' and ApiErrors'.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class MissingAddresses {

    private final LayoutAdvice layout;
    private final org.springframework.context.MessageSource messages;

    MissingAddresses(LayoutAdvice layout, org.springframework.context.MessageSource messages) {
        this.layout = layout;
        this.messages = messages;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object missing(NoResourceFoundException e, HttpServletRequest request, HttpServletResponse response, java.util.Locale locale) {
        String accept = request.getHeader("Accept");
        boolean page = !FilterProblems.isApi(request) && accept != null && accept.contains("text/html");
        if (!page) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    messages.getMessage("path.unknown", new Object[] {request.getRequestURI()}, "path.unknown", locale));
            problem.setType(java.net.URI.create(ApiErrors.TYPE_BASE + "path.unknown"));
            problem.setProperty("code", "path.unknown");
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return layout.errorPage(HttpServletResponse.SC_NOT_FOUND, null, request, response);
    }
}
