package coop.mutua.app.account.web;

import coop.mutua.app.account.Account;
import coop.mutua.app.account.Groupements.Registration;
import coop.mutua.app.account.Groupements;
import coop.mutua.app.account.Invitations.Invitation;
import coop.mutua.app.account.Invitations;
import coop.mutua.app.security.CurrentActor;
import coop.mutua.catalog.api.VatRegime;
import coop.mutua.kernel.Decimals;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.InvalidFieldException;
import coop.mutua.kernel.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The operator's pages: the groupements of the platform, a new one with its first coordinator invited. */
@Controller
@PreAuthorize("hasRole('OPERATOR')")
class OperatorPagesController {

    /** The new groupement form, kept on a refusal. */
    public static class GroupementForm {
        public String name = "";
        public String siret = "";
        public String email = "";
        public VatRegime vatRegime = VatRegime.NOT_REGISTERED;
        public String vatNumber = "";
        public String street = "";
        public String postalCode = "";
        public String city = "";
        /** As typed: "44,84" (French) or "44.84". */
        public String hubLatitude;
        public String hubLongitude;
        public String coordinatorName = "";
        public String coordinatorEmail = "";
        public String language = "fr";
    }

    private final Groupements groupements;
    private final MessageSource messages;

    OperatorPagesController(Groupements groupements, MessageSource messages) {
        this.groupements = groupements;
        this.messages = messages;
    }

    @InitBinder("form")
    void publicFields(WebDataBinder binder) {
        binder.initDirectFieldAccess();
    }

    @GetMapping("/operator")
    String list(Model model) {
        model.addAttribute("groupements", groupements.list());
        model.addAttribute("vatRegimes", VatRegime.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new GroupementForm());
        }
        return "account/operator";
    }

    @PostMapping("/operator/groupements")
    String register(@ModelAttribute("form") GroupementForm form, HttpServletRequest request, HttpServletResponse response,
                    Model model, RedirectAttributes redirect, Locale locale) {
        try {
            Invitation invitation = groupements.register(new Registration(form.name, form.siret, form.email, form.vatRegime,
                    form.vatNumber, form.street, form.postalCode, form.city, coordinate(form.hubLatitude, "hubLatitude"),
                    coordinate(form.hubLongitude, "hubLongitude")), form.coordinatorName, form.coordinatorEmail,
                    Invitations.language(form.language), operator(), request.getRemoteAddr());
            redirect.addFlashAttribute("created", form.name);
            redirect.addFlashAttribute("invitation", invitation);
            return "redirect:/operator";
        } catch (DomainException refused) {
            model.addAttribute("error", messages.getMessage(refused.code(), refused.arguments(), refused.getMessage(), locale));
            response.setStatus(422);
            return list(model);
        }
    }

    /** A latitude or longitude as typed, with a decimal comma or point; empty: none. */
    private static Double coordinate(String typed, String field) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            double value = Double.parseDouble(typed.strip().replace(',', '.'));
            if (!Double.isFinite(value)) {
                throw new NumberFormatException(typed);
            }
            return value;
        } catch (NumberFormatException unreadable) {
            throw new InvalidFieldException(field, "location.coordinate", Decimals.shown(typed));
        }
    }

    @PostMapping("/operator/groupements/{id}/coordinators")
    String inviteCoordinator(@PathVariable("id") String id, @RequestParam(name = "name", defaultValue = "") String name,
                             @RequestParam(name = "email", defaultValue = "") String email,
                             @RequestParam(name = "language", defaultValue = "fr") String language,
                             HttpServletRequest request, RedirectAttributes redirect, Locale locale) {
        GroupementId groupementId = NotFoundException.unlessReadable("groupement", id, GroupementId::of);
        try {
            redirect.addFlashAttribute("invitation", groupements.inviteCoordinator(groupementId, name, email,
                    Invitations.language(language), operator(), request.getRemoteAddr()));
        } catch (NotFoundException missing) {
            throw missing;
        } catch (DomainException refused) {
            redirect.addFlashAttribute("error", messages.getMessage(refused.code(), refused.arguments(), refused.getMessage(), locale));
        }
        return "redirect:/operator";
    }

    private static Account operator() {
        return CurrentActor.account().orElseThrow();
    }
}
