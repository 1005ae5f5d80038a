package coop.mutua.ordering.web;

import coop.mutua.catalog.api.FindSuppliersQuery;
import coop.mutua.catalog.api.SupplierSummary;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.Page;
import coop.mutua.kernel.Paging;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Role;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.ordering.api.AllocationPolicy;
import coop.mutua.ordering.api.FeeSplitPolicy;
import coop.mutua.ordering.api.FindMemberSharesQuery;
import coop.mutua.ordering.api.FindPoolingPreviewQuery;
import coop.mutua.ordering.api.FindPurchaseRoundsQuery;
import coop.mutua.ordering.api.FindRoundOfferQuery;
import coop.mutua.ordering.api.FindSupplierOrdersQuery;
import coop.mutua.ordering.api.OfferedProduct;
import coop.mutua.ordering.api.PurchaseRoundSummary;
import coop.mutua.ordering.api.RoundStatus;
import coop.mutua.ordering.application.CreatingRounds;
import coop.mutua.ordering.application.RoundVisibility;
import coop.mutua.ordering.application.RunningRounds;
import coop.mutua.ordering.query.PoolingPreviews;
import coop.mutua.ordering.query.RoundQueries;
import coop.mutua.ordering.query.SupplierOrderQueries;
import coop.mutua.platform.web.PageOutcome;
import coop.mutua.platform.web.PagedLists;
import jakarta.validation.Valid;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The purchase rounds' pages: the list (filtered as a coordinator looks for work during a season), the creation form,
 * and a round's page with the coordinator's acts on it (terms, opening, closing, retrying, cancelling) and the live pool.
 */
@Controller
@PreAuthorize("hasAnyRole('COORDINATOR', 'MEMBER')")
class RoundsPagesController {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final RoundQueries rounds;
    private final RunningRounds runningRounds;
    private final PoolingPreviews previews;
    private final QueryGateway queries;
    private final SupplierOrderQueries supplierOrders;
    private final CreatingRounds creatingRounds;

    RoundsPagesController(RoundQueries rounds, RunningRounds runningRounds, CreatingRounds creatingRounds, PoolingPreviews previews,
                          QueryGateway queries, SupplierOrderQueries supplierOrders) {
        this.supplierOrders = supplierOrders;
        this.creatingRounds = creatingRounds;
        this.rounds = rounds;
        this.runningRounds = runningRounds;
        this.previews = previews;
        this.queries = queries;
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
    String list(Actor actor, @RequestParam(name = "filter", defaultValue = "ALL") String filterName,
                @RequestParam(name = "page", required = false) String page, Model model) {
        Filter filter = Arrays.stream(Filter.values()).filter(f -> f.name().equals(filterName)).findFirst().orElse(Filter.ALL);
        Set<RoundStatus> statuses = EnumSet.noneOf(RoundStatus.class);
        statuses.addAll(RoundVisibility.visibleTo(actor));
        statuses.retainAll(filter.statuses);
        Paging paging = PagedLists.lenient(page, PAGE_SIZE);
        Page<PurchaseRoundSummary> shown = statuses.isEmpty() ? new Page<>(List.of(), 0, paging)
                : PagedLists.orLast(paging, asked -> rounds.page(new FindPurchaseRoundsQuery(actor.groupementId(), statuses), asked));
        model.addAttribute("rounds", shown.items());
        model.addAttribute("pager", PagedLists.pager(shown));
        model.addAttribute("filters", Filter.values());
        model.addAttribute("filter", filter);
        return "ordering/rounds";
    }

    /** Rounds per page of the list (the latest deadline first). */
    static final int PAGE_SIZE = 50;

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

    @GetMapping("/rounds/{id}")
    String round(Actor actor, @PathVariable("id") RoundId id, Model model) {
        PurchaseRoundSummary round = visibleRound(actor, id);
        model.addAttribute("round", round);
        model.addAttribute("terms", runningRounds.terms(actor, round.roundId()));
        model.addAttribute("allocationPolicies", AllocationPolicy.values());
        model.addAttribute("feeSplitPolicies", FeeSplitPolicy.values());
        if (actor.is(Role.COORDINATOR) && round.status() == RoundStatus.DRAFT) {
            model.addAttribute("suppliers", queries.query(new FindSuppliersQuery(actor.groupementId()),
                    ResponseTypes.multipleInstancesOf(SupplierSummary.class)).join().stream()
                    .filter(SupplierSummary::active).toList());
        }
        if (round.status() == RoundStatus.OPEN) {
            model.addAttribute("preview", previews.handle(new FindPoolingPreviewQuery(actor.groupementId(), round.roundId(),
                    actor.is(Role.MEMBER) ? actor.memberId() : null)));
        }
        if (round.pooledAt() != null && actor.is(Role.COORDINATOR)) {
            model.addAttribute("supplierOrders", supplierOrders.handle(new FindSupplierOrdersQuery(actor.groupementId(),
                    round.roundId(), null, null, false)));
            model.addAttribute("supplierNames", queries.query(new FindSuppliersQuery(actor.groupementId()),
                            ResponseTypes.multipleInstancesOf(SupplierSummary.class)).join().stream()
                    .collect(Collectors.toMap(SupplierSummary::id, SupplierSummary::name)));
        }
        if (round.pooledAt() != null && actor.is(Role.MEMBER)) {
            Map<ProductId, String> names = rounds.handle(new FindRoundOfferQuery(actor.groupementId(), round.roundId())).stream()
                    .collect(Collectors.toMap(OfferedProduct::productId, product -> product.details().name()));
            model.addAttribute("productNames", names);
            model.addAttribute("shares", supplierOrders.handle(new FindMemberSharesQuery(actor.groupementId(), round.roundId(),
                    actor.memberId())));
        }
        return "ordering/round";
    }

    @PostMapping("/rounds/{id}/terms")
    @PreAuthorize("hasRole('COORDINATOR')")
    String terms(Actor actor, @PathVariable("id") RoundId id,
                 @RequestParam(name = "suppliers", required = false) List<String> suppliers,
                 @RequestParam("allocationPolicy") AllocationPolicy allocation, @RequestParam("feeSplitPolicy") FeeSplitPolicy feeSplit,
                 @RequestParam(name = "groupementFeePercent", defaultValue = "0") String fee, RedirectAttributes redirect) {
        PurchaseRoundSummary round = visibleRound(actor, id);
        PageOutcome.attempt(redirect, "rounds.terms-saved", () -> {
            Set<SupplierId> chosen = suppliers == null ? Set.of()
                    : suppliers.stream().map(RoundsPagesController::supplierId).collect(Collectors.toSet());
            runningRounds.setTerms(actor, round.roundId(), chosen, allocation, feeSplit, RunningRounds.percent(fee.replace("%", "")));
        });
        return "redirect:/rounds/" + round.roundId();
    }

    @PostMapping("/rounds/{id}/open")
    @PreAuthorize("hasRole('COORDINATOR')")
    String open(Actor actor, @PathVariable("id") RoundId id, RedirectAttributes redirect) {
        return act(actor, id, redirect, "rounds.opened", runningRounds::open);
    }

    @PostMapping("/rounds/{id}/close")
    @PreAuthorize("hasRole('COORDINATOR')")
    String close(Actor actor, @PathVariable("id") RoundId id, RedirectAttributes redirect) {
        return act(actor, id, redirect, "rounds.closed", runningRounds::close);
    }

    /** The coordinator starts a failed pooling again, once its cause is fixed. */
    @PostMapping("/rounds/{id}/retry")
    @PreAuthorize("hasRole('COORDINATOR')")
    String retry(Actor actor, @PathVariable("id") RoundId id, RedirectAttributes redirect) {
        return act(actor, id, redirect, "rounds.retried", runningRounds::retryPooling);
    }

    @PostMapping("/rounds/{id}/cancel")
    @PreAuthorize("hasRole('COORDINATOR')")
    String cancel(Actor actor, @PathVariable("id") RoundId id, @RequestParam(name = "reason", required = false) String reason,
                  RedirectAttributes redirect) {
        return act(actor, id, redirect, "rounds.cancelled", (coordinator, roundId) -> runningRounds.cancel(coordinator, roundId, reason));
    }

    @GetMapping("/rounds/{id}/preview")
    String preview(Actor actor, @PathVariable("id") RoundId id, Model model) {
        PurchaseRoundSummary round = visibleRound(actor, id);
        model.addAttribute("round", round);
        model.addAttribute("preview", previews.handle(new FindPoolingPreviewQuery(actor.groupementId(), round.roundId(),
                actor.is(Role.MEMBER) ? actor.memberId() : null)));
        return "ordering/preview :: preview";
    }

    /** A coordinator's action on a round it can see, its outcome told on the round's page. */
    private String act(Actor actor, RoundId id, RedirectAttributes redirect, String done, BiConsumer<Actor, RoundId> action) {
        PurchaseRoundSummary round = visibleRound(actor, id);
        PageOutcome.attempt(redirect, done, () -> action.accept(actor, round.roundId()));
        return "redirect:/rounds/" + round.roundId();
    }

    private PurchaseRoundSummary visibleRound(Actor actor, RoundId id) {
        return RoundVisibility.visibleRound(rounds, actor, id);
    }

    private static SupplierId supplierId(String id) {
        try {
            return SupplierId.of(id);
        } catch (IllegalArgumentException malformed) {
            throw new DomainException("round.unknown-supplier", id);
        }
    }

}
