package coop.mutua.ordering.web;

import coop.mutua.kernel.DomainException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A page's form action whose outcome is shown, after the redirect, as a flash message: saved, or the refusal's reason; an
 * unknown object is the 404 page instead.
 */
final class PageOutcome {

    private PageOutcome() {
    }

    static void attempt(RedirectAttributes redirect, String savedMessage, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("saved", savedMessage);
        } catch (coop.mutua.kernel.NotFoundException unknown) {
            // Another groupement's (or supplier's) object, or none: the 404 page, as for a page, never a message about it.
            throw unknown;
        } catch (DomainException refused) {
            redirect.addFlashAttribute("refused", refused);
        }
    }
}
