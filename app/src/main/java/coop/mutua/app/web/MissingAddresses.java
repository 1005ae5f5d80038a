package coop.mutua.app.web;

import coop.mutua.app.problems.FilterProblems;
import coop.mutua.kernel.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
    private final ApiErrors problems;

    MissingAddresses(LayoutAdvice layout, ApiErrors problems) {
        this.layout = layout;
        this.problems = problems;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object missing(NoResourceFoundException e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        String accept = request.getHeader("Accept");
        boolean page = !FilterProblems.isApi(request) && accept != null && accept.contains("text/html");
        if (!page) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problems.problem(HttpStatus.NOT_FOUND, new DomainException("path.unknown",
                            request.getRequestURI()), locale));
        }
        return layout.errorPage(HttpServletResponse.SC_NOT_FOUND, null, request, response);
    }
}
