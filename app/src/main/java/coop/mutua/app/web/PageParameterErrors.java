package coop.mutua.app.web;

import coop.mutua.platform.web.TypedIdConverters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A page's path or query parameter that cannot be converted: an id that cannot even be read is the "page not found"
 * page, as an unknown one; any other value (an unknown status in a filter) the 400 page. Ordered before Spring Boot's
 * problem-details handler, which would otherwise answer a browser with JSON; the API's are ApiErrors' (ordered first).
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class PageParameterErrors {

    private final PageErrors pages;

    PageParameterErrors(PageErrors pages) {
        this.pages = pages;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    Object parameter(MethodArgumentTypeMismatchException e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        return TypedIdConverters.notFound(e).isPresent() ? pages.notFound(request, response)
                : pages.unreadable(request, response, locale);
    }
}
