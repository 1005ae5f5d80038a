package coop.mutua.ordering.web;

import coop.mutua.kernel.Actor;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.RoundId;
import coop.mutua.ordering.api.FindPurchaseRoundsQuery;
import coop.mutua.ordering.api.PurchaseRoundSummary;
import coop.mutua.ordering.api.RoundStatus;
import coop.mutua.ordering.application.CreatingRounds;
import coop.mutua.ordering.application.RoundVisibility;
import coop.mutua.ordering.query.RoundQueries;
import jakarta.validation.Valid;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

    /** What a coordinator looks for during a season: the rounds to receive, to invoice, to get paid for, that failed. */
    enum Filter {
        ALL(EnumSet.allOf(RoundStatus.class)),
        TO_RECEIVE(EnumSet.of(RoundStatus.POOLED)),
        TO_INVOICE(EnumSet.of(RoundStatus.RECEIVED)),
        TO_SETTLE(EnumSet.of(RoundStatus.INVOICED)),
        FAILED(EnumSet.of(RoundStatus.POOLING_FAILED, RoundStatus.INVOICING_FAILED));

        final Set<RoundStatus> statuses;

        Filter(Set<RoundStatus> statuses) {
            this.statuses = statuses;
        }
    }

    @GetMapping("/rounds")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'MEMBER')")
    String list(Actor actor, @RequestParam(name = "filter", defaultValue = "ALL") String filterName, Model model) {
        Filter filter = Arrays.stream(Filter.values()).filter(f -> f.name().equals(filterName)).findFirst().orElse(Filter.ALL);
        Set<RoundStatus> statuses = EnumSet.noneOf(RoundStatus.class);
        statuses.addAll(RoundVisibility.visibleTo(actor));
        statuses.retainAll(filter.statuses);
        model.addAttribute("rounds", statuses.isEmpty() ? List.of()
                : rounds.handle(new FindPurchaseRoundsQuery(actor.groupementId(), statuses)));
        model.addAttribute("filters", Filter.values());
        model.addAttribute("filter", filter);
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
            return "redirect:/rounds/" + round.roundId();
        } catch (DomainException refused) {
            // At its field when the refusal names one of the form's (the opening after the deadline: at "opensAt").
            String field = refused.field().filter(name -> Set.of("title", "opensAt", "closesAt", "deliveryDate",
                    "deliveryPlace").contains(name)).orElse(null);
            if (field != null) {
                errors.rejectValue(field, refused.code(), refused.arguments(), refused.getMessage());
            } else {
                errors.reject(refused.code(), refused.arguments(), refused.getMessage());
            }
            return "ordering/round-form";
        }
    }
}
