package coop.mutua.app.web;

import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Pages: what does not exist (or is another groupement's) is a 404 page; a refusal nobody caught is a 422 page. */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

    private final MessageSource messages;

    PageErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("status", 404);
        return "error";
    }

    @ExceptionHandler(DomainException.class)
    String refused(DomainException e, HttpServletResponse response, Model model, Locale locale) {
        response.setStatus(422);
        model.addAttribute("status", 422);
        model.addAttribute("reason", messages.getMessage(e.code(), e.arguments(), e.getMessage(), locale));
        return "error";
    }
}
