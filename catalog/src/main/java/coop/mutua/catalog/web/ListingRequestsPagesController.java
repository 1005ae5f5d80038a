package coop.mutua.catalog.web;

import coop.mutua.catalog.api.EssFamily;
import coop.mutua.catalog.api.FindGroupementsQuery;
import coop.mutua.catalog.api.ListingRequestStatus;
import coop.mutua.catalog.api.ListingRequestView;
import coop.mutua.catalog.api.Sector;
import coop.mutua.catalog.api.SupplierLabel;
import coop.mutua.catalog.application.ListingRequests;
import coop.mutua.catalog.api.ResponsibleProfile;
import coop.mutua.catalog.query.DirectoryQueries;
import coop.mutua.catalog.query.Gazetteer;
import coop.mutua.catalog.query.ListingRequestQueries;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.ListingRequestId;
import coop.mutua.kernel.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Listing requests (ADR 22): the public form a supplier fills in (no login), the page its private link opens (where it
 * stands, and the form again when the coordinator asked for changes), and the coordinators' list and review page.
 */
@Controller
class ListingRequestsPagesController {

    private final ListingRequests requests;
    private final ListingRequestQueries queries;
    private final DirectoryQueries directory;
    private final Gazetteer gazetteer;
    private final NetworkTexts texts;
    private final Clock clock;

    ListingRequestsPagesController(ListingRequests requests, ListingRequestQueries queries, DirectoryQueries directory,
                                   Gazetteer gazetteer, NetworkTexts texts, Clock clock) {
        this.requests = requests;
        this.queries = queries;
        this.directory = directory;
        this.gazetteer = gazetteer;
        this.texts = texts;
        this.clock = clock;
    }

    @InitBinder("requestForm")
    void publicFields(WebDataBinder binder) {
        binder.initDirectFieldAccess();
    }

    @ModelAttribute("sectors")
    Sector[] sectors() {
        return Sector.values();
    }

    @ModelAttribute("essFamilies")
    EssFamily[] essFamilies() {
        return EssFamily.values();
    }

    @ModelAttribute("supplierLabels")
    SupplierLabel[] supplierLabels() {
        return SupplierLabel.values();
    }

    @GetMapping("/network/request")
    String form(Model model) {
        model.addAttribute("requestForm", ListingRequestForm.blank());
        return formPage(model);
    }

    @PostMapping("/network/request")
    String submit(@ModelAttribute("requestForm") ListingRequestForm form, BindingResult errors, Model model, HttpServletRequest request) {
        if (form.trapped()) {
            model.addAttribute("trapped", true);
            return "catalog/request-received";
        }
        try {
            ListingRequests.Submitted submitted = requests.submit(groupement(form.groupementId), form.toDetails(true), request.getRemoteAddr(),
                    LocaleContextHolder.getLocale());
            model.addAttribute("link", submitted.link());
            model.addAttribute("mailed", submitted.mailed());
            model.addAttribute("request", requests.withKey(submitted.id(), submitted.key()).orElseThrow());
            return "catalog/request-received";
        } catch (DomainException refused) {
            FormErrors.reject(errors, form.onPage(refused));
            return formPage(model);
        }
    }

    @GetMapping("/network/request/{id}")
    String status(@PathVariable("id") ListingRequestId id, @RequestParam(name = "key", required = false) String key, Model model) {
        ListingRequestView request = requests.withKey(id, key).orElseThrow(() -> new NotFoundException("listing-request", id));
        model.addAttribute("request", request);
        model.addAttribute("key", key);
        if (request.status() == ListingRequestStatus.CHANGES_REQUESTED) {
            ListingRequestForm form = ListingRequestForm.of(request.details());
            form.municipality = gazetteer.byCode(form.municipality).map(Gazetteer.Commune::label).orElse(form.municipality);
            model.addAttribute("requestForm", form);
        }
        return "catalog/request-status";
    }

    @PostMapping("/network/request/{id}")
    String amend(@PathVariable("id") ListingRequestId id, @RequestParam(name = "key", required = false) String key,
                 @ModelAttribute("requestForm") ListingRequestForm form, BindingResult errors, Model model) {
        ListingRequestView request = requests.withKey(id, key).orElseThrow(() -> new NotFoundException("listing-request", id));
        try {
            model.addAttribute("request", requests.amend(id, key, form.toDetails(true)));
            model.addAttribute("amended", true);
        } catch (DomainException refused) {
            FormErrors.reject(errors, form.onPage(refused));
            model.addAttribute("request", request);
        }
        model.addAttribute("key", key);
        return "catalog/request-status";
    }

    @GetMapping("/network/requests")
    @PreAuthorize("hasRole('COORDINATOR')")
    String list(Actor actor, Model model) {
        model.addAttribute("requests", queries.of(actor.groupementId()));
        return "catalog/requests";
    }

    @GetMapping("/network/requests/{id}")
    @PreAuthorize("hasRole('COORDINATOR')")
    String review(Actor actor, @PathVariable("id") ListingRequestId id, Model model) {
        return reviewPage(requests.find(actor, id), model);
    }

    @PostMapping("/network/requests/{id}/changes")
    @PreAuthorize("hasRole('COORDINATOR')")
    String askChanges(Actor actor, @PathVariable("id") ListingRequestId id, @RequestParam(name = "question", required = false) String question,
                      Model model, RedirectAttributes redirect) {
        try {
            ListingRequests.Asked asked = requests.askChanges(actor, id, question, LocaleContextHolder.getLocale());
            redirect.addFlashAttribute("privateLink", asked.unmailedLink());
        } catch (DomainException refused) {
            model.addAttribute("decisionError", refused);
            model.addAttribute("question", question);
            return reviewPage(requests.find(actor, id), model);
        }
        redirect.addFlashAttribute("done", "changes");
        return "redirect:/network/requests/" + id;
    }

    @PostMapping("/network/requests/{id}/accept")
    @PreAuthorize("hasRole('COORDINATOR')")
    String accept(Actor actor, @PathVariable("id") ListingRequestId id, Model model, RedirectAttributes redirect) {
        try {
            ListingRequests.Accepted accepted = requests.accept(actor, id, LocaleContextHolder.getLocale());
            redirect.addFlashAttribute("done", "accepted");
            redirect.addFlashAttribute("invitationLink", accepted.invitationLink());
        } catch (DomainException refused) {
            model.addAttribute("decisionError", refused);
            return reviewPage(requests.find(actor, id), model);
        }
        return "redirect:/network/requests/" + id;
    }

    @PostMapping("/network/requests/{id}/refuse")
    @PreAuthorize("hasRole('COORDINATOR')")
    String refuse(Actor actor, @PathVariable("id") ListingRequestId id, @RequestParam(name = "reason", required = false) String reason,
                  Model model, RedirectAttributes redirect) {
        try {
            requests.refuse(actor, id, reason, LocaleContextHolder.getLocale());
        } catch (DomainException refused) {
            model.addAttribute("decisionError", refused);
            model.addAttribute("reason", reason);
            return reviewPage(requests.find(actor, id), model);
        }
        redirect.addFlashAttribute("done", "refused");
        return "redirect:/network/requests/" + id;
    }

    private String reviewPage(ListingRequestView request, Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("request", request);
        model.addAttribute("commune", gazetteer.byCode(request.details().municipality()).map(Gazetteer.Commune::label)
                .orElse(request.details().municipality()));
        ResponsibleProfile profile = ResponsibleProfile.of(new ResponsibleProfile.Facts(request.details().essFamily(),
                request.details().labels(), null, null, request.details().location(), null), null, today);
        model.addAttribute("profile", texts.profile(profile, LocaleContextHolder.getLocale()));
        model.addAttribute("today", today);
        return "catalog/request";
    }

    private String formPage(Model model) {
        model.addAttribute("groupements", directory.handle(new FindGroupementsQuery()));
        return "catalog/request-form";
    }

    private GroupementId groupement(String id) {
        try {
            return id == null || id.isBlank() ? null : GroupementId.of(id.strip());
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
