package coop.mutua.ordering.web;

import coop.mutua.catalog.api.FindSuppliersQuery;
import coop.mutua.catalog.api.SupplierSummary;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.Role;
import coop.mutua.kernel.SupplierId;
import coop.mutua.ordering.api.AllocationPolicy;
import coop.mutua.ordering.api.FeeSplitPolicy;
import coop.mutua.ordering.api.FindMemberOrderQuery;
import coop.mutua.ordering.api.FindMemberSharesQuery;
import coop.mutua.ordering.api.FindPoolingPreviewQuery;
import coop.mutua.ordering.api.FindRoundOfferQuery;
import coop.mutua.ordering.api.FindSupplierOrdersQuery;
import coop.mutua.ordering.api.OfferedProduct;
import coop.mutua.ordering.api.OrderLine;
import coop.mutua.ordering.api.PoolingPreview;
import coop.mutua.ordering.api.PurchaseRoundSummary;
import coop.mutua.ordering.api.RoundStatus;
import coop.mutua.ordering.api.SupplierOrderIds;
import coop.mutua.ordering.application.HandlingSupplierOrders;
import coop.mutua.ordering.application.PlacingOrders;
import coop.mutua.ordering.application.RoundVisibility;
import coop.mutua.ordering.application.RunningRounds;
import coop.mutua.ordering.query.PoolingPreviews;
import coop.mutua.ordering.query.RoundQueries;
import coop.mutua.ordering.query.SupplierOrderQueries;
import coop.mutua.platform.web.PageOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.i18n.LocaleContextHolder;
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

/** A round's page (terms, opening, cancelling, offer, pooled preview) and a member's order page. */
@Controller
@PreAuthorize("hasAnyRole('COORDINATOR', 'MEMBER')")
class RoundPagesController {

    private final RoundQueries rounds;
    private final RunningRounds runningRounds;
    private final PlacingOrders placingOrders;
    private final PoolingPreviews previews;
    private final QueryGateway queries;
    private final SupplierOrderQueries supplierOrders;
    private final HandlingSupplierOrders supplierOrderActions;

    RoundPagesController(RoundQueries rounds, RunningRounds runningRounds, PlacingOrders placingOrders,
                         PoolingPreviews previews, QueryGateway queries, SupplierOrderQueries supplierOrders,
                         HandlingSupplierOrders supplierOrderActions) {
        this.supplierOrders = supplierOrders;
        this.supplierOrderActions = supplierOrderActions;
        this.rounds = rounds;
        this.runningRounds = runningRounds;
        this.placingOrders = placingOrders;
        this.previews = previews;
        this.queries = queries;
    }

    @InitBinder("orderForm")
    void publicFields(WebDataBinder binder) {
        binder.initDirectFieldAccess();
        binder.setAutoGrowNestedPaths(true);
    }

    @GetMapping("/rounds/{id}")
    String round(Actor actor, @PathVariable("id") String id, Model model) {
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
    String terms(Actor actor, @PathVariable("id") String id,
                 @RequestParam(name = "suppliers", required = false) List<String> suppliers,
                 @RequestParam("allocationPolicy") AllocationPolicy allocation, @RequestParam("feeSplitPolicy") FeeSplitPolicy feeSplit,
                 @RequestParam(name = "groupementFeePercent", defaultValue = "0") String fee, RedirectAttributes redirect) {
        PurchaseRoundSummary round = visibleRound(actor, id);
        PageOutcome.attempt(redirect, "rounds.terms-saved", () -> {
            Set<SupplierId> chosen = suppliers == null ? Set.of()
                    : suppliers.stream().map(RoundPagesController::supplierId).collect(Collectors.toSet());
            runningRounds.setTerms(actor, round.roundId(), chosen, allocation, feeSplit, RunningRounds.percent(fee.replace("%", "")));
        });
        return "redirect:/rounds/" + round.roundId();
    }

    @PostMapping("/rounds/{id}/open")
    @PreAuthorize("hasRole('COORDINATOR')")
    String open(Actor actor, @PathVariable("id") String id, RedirectAttributes redirect) {
        PurchaseRoundSummary round = visibleRound(actor, id);
        PageOutcome.attempt(redirect, "rounds.opened", () -> runningRounds.open(actor, round.roundId()));
        return "redirect:/rounds/" + round.roundId();
    }

    @PostMapping("/rounds/{id}/close")
    @PreAuthorize("hasRole('COORDINATOR')")
    String close(Actor actor, @PathVariable("id") String id, RedirectAttributes redirect) {
        PurchaseRoundSummary round = visibleRound(actor, id);
        PageOutcome.attempt(redirect, "rounds.closed", () -> runningRounds.close(actor, round.roundId()));
        return "redirect:/rounds/" + round.roundId();
    }

    /** The coordinator's decision on a supplier order below the supplier's minimum: confirm it or cancel its lines. */
    @PostMapping("/rounds/{id}/supplier-orders/{supplierId}/decision")
    @PreAuthorize("hasRole('COORDINATOR')")
    String decideBelowMinimum(Actor actor, @PathVariable("id") String id, @PathVariable("supplierId") String supplierId,
                              @RequestParam("confirm") boolean confirm, RedirectAttributes redirect) {
        PurchaseRoundSummary round = visibleRound(actor, id);
        PageOutcome.attempt(redirect, confirm ? "pooling.confirmed" : "pooling.cancelled", () -> supplierOrderActions
                .decideBelowMinimum(actor, SupplierOrderIds.of(round.roundId(), supplierId(supplierId)), confirm));
        return "redirect:/rounds/" + round.roundId();
    }

    /** The coordinator starts a failed pooling again, once its cause is fixed. */
    @PostMapping("/rounds/{id}/retry")
    @PreAuthorize("hasRole('COORDINATOR')")
    String retry(Actor actor, @PathVariable("id") String id, RedirectAttributes redirect) {
        PurchaseRoundSummary round = visibleRound(actor, id);
        PageOutcome.attempt(redirect, "rounds.retried", () -> runningRounds.retryPooling(actor, round.roundId()));
        return "redirect:/rounds/" + round.roundId();
    }

    @PostMapping("/rounds/{id}/cancel")
    @PreAuthorize("hasRole('COORDINATOR')")
    String cancel(Actor actor, @PathVariable("id") String id, @RequestParam(name = "reason", required = false) String reason,
                  RedirectAttributes redirect) {
        PurchaseRoundSummary round = visibleRound(actor, id);
        PageOutcome.attempt(redirect, "rounds.cancelled", () -> runningRounds.cancel(actor, round.roundId(), reason));
        return "redirect:/rounds/" + round.roundId();
    }

    @GetMapping("/rounds/{id}/order")
    @PreAuthorize("hasRole('MEMBER')")
    String order(Actor actor, @PathVariable("id") String id, Model model) {
        PurchaseRoundSummary round = visibleRound(actor, id);
        fillOrderPage(actor, round, null, model);
        return "ordering/order";
    }

    /**
     * The whole order at once (works without JavaScript). Each row is checked on its own: the valid ones are saved,
     * a refused one keeps its typed value and shows its reason at the line.
     */
    @PostMapping("/rounds/{id}/order")
    @PreAuthorize("hasRole('MEMBER')")
    String submit(Actor actor, @PathVariable("id") String id, @ModelAttribute("orderForm") OrderForm form, Model model,
                  RedirectAttributes redirect) {
        PurchaseRoundSummary round = visibleRound(actor, id);
        Map<ProductId, DomainException> lineErrors;
        try {
            lineErrors = saveValidLines(actor, round, form);
        } catch (DomainException refused) {
            fillOrderPage(actor, round, form, model);
            model.addAttribute("refused", refused);
            return "ordering/order";
        }
        if (!lineErrors.isEmpty()) {
            fillOrderPage(actor, round, form, model);
            model.addAttribute("lineErrors", lineErrors);
            return "ordering/order";
        }
        redirect.addFlashAttribute("saved", "orders.saved");
        return "redirect:/rounds/" + round.roundId() + "/order";
    }

    /**
     * A line changed on the page (htmx): the valid lines are saved, and the summary comes back with every line's
     * outlook and each refused line's reason as out-of-band swaps.
     */
    @PostMapping("/rounds/{id}/order/live")
    @PreAuthorize("hasRole('MEMBER')")
    String live(Actor actor, @PathVariable("id") String id, @ModelAttribute("orderForm") OrderForm form, Model model) {
        PurchaseRoundSummary round = visibleRound(actor, id);
        Map<ProductId, DomainException> lineErrors = Map.of();
        try {
            lineErrors = saveValidLines(actor, round, form);
            model.addAttribute("lineSaved", true);
        } catch (DomainException refused) {
            model.addAttribute("refused", refused);
            model.addAttribute("lineSaved", false);
        }
        fillSummary(actor, round, lineErrors, model);
        return "ordering/preview :: summary";
    }

    /** The order page's summary and lines, polled while the page is open (others' orders change what one gets). */
    @GetMapping("/rounds/{id}/order/summary")
    @PreAuthorize("hasRole('MEMBER')")
    String summary(Actor actor, @PathVariable("id") String id, Model model) {
        PurchaseRoundSummary round = visibleRound(actor, id);
        model.addAttribute("lineSaved", false);
        fillSummary(actor, round, null, model);
        return "ordering/preview :: summary";
    }

    @GetMapping("/rounds/{id}/preview")
    String preview(Actor actor, @PathVariable("id") String id, Model model) {
        PurchaseRoundSummary round = visibleRound(actor, id);
        model.addAttribute("round", round);
        model.addAttribute("preview", previews.handle(new FindPoolingPreviewQuery(actor.groupementId(), round.roundId(),
                actor.is(Role.MEMBER) ? actor.memberId() : null)));
        return "ordering/preview :: preview";
    }

    /** Saves the rows that pass their product's rules and answers the others' refusals, by product. */
    private Map<ProductId, DomainException> saveValidLines(Actor actor, PurchaseRoundSummary round, OrderForm form) {
        Map<ProductId, Quantity> steps = rounds.handle(new FindRoundOfferQuery(actor.groupementId(), round.roundId()))
                .stream().collect(Collectors.toMap(OfferedProduct::productId, product -> product.details().step()));
        OrderForm.Checked checked = form.check(steps, currentLines(actor, round));
        placingOrders.submit(actor, round.roundId(), actor.memberId(), checked.lines(), null);
        return checked.refused();
    }

    private void fillSummary(Actor actor, PurchaseRoundSummary round, Map<ProductId, DomainException> lineErrors, Model model) {
        model.addAttribute("round", round);
        model.addAttribute("preview", previews.handle(new FindPoolingPreviewQuery(actor.groupementId(), round.roundId(), actor.memberId())));
        model.addAttribute("lineErrors", lineErrors);
        model.addAttribute("oob", true);
    }

    private void fillOrderPage(Actor actor, PurchaseRoundSummary round, OrderForm typed, Model model) {
        List<OfferedProduct> offer = rounds.handle(new FindRoundOfferQuery(actor.groupementId(), round.roundId()));
        Map<SupplierId, List<OfferedProduct>> bySupplier = offer.stream()
                .collect(Collectors.groupingBy(OfferedProduct::supplierId, LinkedHashMap::new, Collectors.toList()));
        Map<ProductId, Integer> rowOf = new LinkedHashMap<>();
        for (int i = 0; i < offer.size(); i++) {
            rowOf.put(offer.get(i).productId(), i);
        }
        PoolingPreview preview = previews.handle(new FindPoolingPreviewQuery(actor.groupementId(), round.roundId(), actor.memberId()));
        model.addAttribute("round", round);
        model.addAttribute("bySupplier", bySupplier);
        model.addAttribute("rowOf", rowOf);
        model.addAttribute("supplierNames", queries.query(new FindSuppliersQuery(actor.groupementId()),
                        ResponseTypes.multipleInstancesOf(SupplierSummary.class)).join().stream()
                .collect(Collectors.toMap(SupplierSummary::id, SupplierSummary::name)));
        model.addAttribute("orderForm", typed != null ? typed : OrderForm.of(offer, currentLines(actor, round), LocaleContextHolder.getLocale()));
        model.addAttribute("preview", preview);
        model.addAttribute("poolsByProduct", preview.suppliers().stream().flatMap(pool -> pool.products().stream())
                .collect(Collectors.toMap(PoolingPreview.ProductPool::productId, Function.identity())));
        model.addAttribute("lineErrors", Map.of());
        model.addAttribute("lineSaved", false);
        model.addAttribute("oob", false);
    }

    private Map<ProductId, OrderLine> currentLines(Actor actor, PurchaseRoundSummary round) {
        return previews.handle(new FindMemberOrderQuery(actor.groupementId(), round.roundId(), actor.memberId())).stream()
                .collect(Collectors.toMap(OrderLine::productId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    private PurchaseRoundSummary visibleRound(Actor actor, String id) {
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
