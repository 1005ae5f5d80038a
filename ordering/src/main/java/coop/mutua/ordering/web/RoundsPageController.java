package coop.mutua.ordering.web;

import coop.mutua.kernel.Actor;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.RoundId;
import coop.mutua.ordering.api.FindPurchaseRoundsQuery;
import coop.mutua.ordering.api.PurchaseRoundSummary;
import coop.mutua.ordering.query.RoundQueries;
import jakarta.validation.Valid;
import java.time.ZoneId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The purchase rounds pages: list for everyone who may see rounds, creation form for coordinators. */
@Controller
class RoundsPageController {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final RoundQueries rounds;
    private final CreatingRounds creatingRounds;

    RoundsPageController(RoundQueries rounds, CreatingRounds creatingRounds) {
        this.rounds = rounds;
        this.creatingRounds = creatingRounds;
    }

    @GetMapping("/rounds")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'MEMBER')")
    String list(Actor actor, Model model) {
        model.addAttribute("rounds", rounds.handle(new FindPurchaseRoundsQuery(actor.groupementId(), RoundVisibility.visibleTo(actor))));
        return "ordering/rounds";
    }

    @GetMapping("/rounds/new")
    @PreAuthorize("hasRole('COORDINATOR')")
    String newRound(Model model) {
        RoundForm form = new RoundForm();
        form.setRequestId(RoundId.random().value());
        model.addAttribute("roundForm", form);
        return "ordering/round-form";
    }

    @PostMapping("/rounds")
    @PreAuthorize("hasRole('COORDINATOR')")
    String create(Actor actor, @Valid @ModelAttribute("roundForm") RoundForm form, BindingResult errors,
                  RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return "ordering/round-form";
        }
        try {
            PurchaseRoundSummary round = creatingRounds.create(actor, RoundId.of(form.getRequestId()), form.getTitle(),
                    form.getClosesAt().atZone(PARIS).toInstant(), form.getDeliveryDate(), form.getDeliveryPlace(),
                    form.getOpensAt() == null ? null : form.getOpensAt().atZone(PARIS).toInstant());
            redirect.addFlashAttribute("created", round.title());
            return "redirect:/rounds";
        } catch (DomainException refused) {
            errors.reject(refused.code(), refused.arguments(), refused.getMessage());
            return "ordering/round-form";
        }
    }
}
