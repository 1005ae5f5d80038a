package coop.mutua.platform.web;

import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.NotFoundException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A page's form action whose outcome is shown, after the redirect, as a flash message: "saved" with the given message,
 * or "refused" with the refusal (its code and arguments, shown in the reader's language). An unknown object is the 404
 * page instead: another groupement's (or supplier's) object, or none, never a message about it.
 */
public final class PageOutcome {

    private PageOutcome() {
    }

    public static void attempt(RedirectAttributes redirect, String savedMessage, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("saved", savedMessage);
        } catch (NotFoundException unknown) {
            throw unknown;
        } catch (DomainException refused) {
            redirect.addFlashAttribute("refused", refused);
        }
    }
}
