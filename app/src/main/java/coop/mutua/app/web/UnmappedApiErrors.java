package coop.mutua.app.web;

import coop.mutua.app.problems.FilterProblems;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * An API request that no operation takes (a method, a content type or an Accept no mapping matches) fails before any
 * controller is chosen, so ApiErrors (advice for REST controllers) does not see it, and Spring's own problem lacked our
 * {@code code}. Here it gets the same problem; a page's is left to the error page.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class UnmappedApiErrors {

    private final ApiErrors api;

    UnmappedApiErrors(ApiErrors api) {
        this.api = api;
    }

    @ExceptionHandler({HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class,
            HttpMediaTypeNotAcceptableException.class})
    ProblemDetail unmapped(Exception e, HttpServletRequest request, Locale locale) throws Exception {
        if (!FilterProblems.isApi(request)) {
            throw e;
        }
        return api.frameworkProblem(e, locale);
    }
}
