package coop.mutua.app.web;

import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Pages: what does not exist (or is another groupement's) is a 404 page, another role's page or action a 403 page, a
 * refusal nobody caught a 422 page.
 */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

    private final MessageSource messages;
    private final LayoutAdvice layout;

    PageErrors(MessageSource messages, LayoutAdvice layout) {
        this.messages = messages;
        this.layout = layout;
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(HttpServletRequest request, HttpServletResponse response) {
        return layout.errorPage(HttpServletResponse.SC_NOT_FOUND, null, request, response);
    }

    /** A page or an action of another role: a 403 page (never a JSON body), whatever the page showed. */
    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView forbidden(HttpServletRequest request, HttpServletResponse response) {
        return layout.errorPage(HttpServletResponse.SC_FORBIDDEN, null, request, response);
    }

    /**
     * A form or a query the page's binding cannot read (an index such as {@code labels[999999]} or {@code tiers[-1]}, a value
     * of the wrong type, a parameter missing, a file field sent without a file or in a form that is not multipart): a 400
     * page, not a 500.
     */
    @ExceptionHandler({InvalidPropertyException.class, BindException.class,
            MissingServletRequestParameterException.class,
            MultipartException.class,
            MethodArgumentNotValidException.class,
            MissingServletRequestPartException.class})
    ModelAndView unreadable(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        return layout.errorPage(HttpServletResponse.SC_BAD_REQUEST, messages.getMessage("request.unreadable", null, locale), request, response);
    }

    @ExceptionHandler(DomainException.class)
    ModelAndView refused(DomainException e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        return layout.errorPage(422, messages.getMessage(e.code(), e.arguments(), e.getMessage(), locale), request, response);
    }
}
