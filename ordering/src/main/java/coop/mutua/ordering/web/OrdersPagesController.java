package coop.mutua.ordering.web;

import coop.mutua.catalog.api.FindSuppliersQuery;
import coop.mutua.catalog.api.ProfileInWords;
import coop.mutua.catalog.api.ResponsibleProfiles;
import coop.mutua.catalog.api.SupplierSummary;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.ordering.api.FindMemberOrderQuery;
import coop.mutua.ordering.api.FindPoolingPreviewQuery;
import coop.mutua.ordering.api.FindRoundOfferQuery;
import coop.mutua.ordering.api.OfferedProduct;
import coop.mutua.ordering.api.OrderLine;
import coop.mutua.ordering.api.PoolingPreview;
import coop.mutua.ordering.api.PurchaseRoundSummary;
import coop.mutua.ordering.api.RoundStatus;
import coop.mutua.ordering.application.PlacingOrders;
import coop.mutua.ordering.application.RoundVisibility;
import coop.mutua.ordering.query.PoolingPreviews;
import coop.mutua.ordering.query.RoundQueries;
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

/** A member's order page: the round's offer by supplier, each line's outlook in the pool, saved line by line as typed. */
@Controller
@PreAuthorize("hasRole('MEMBER')")
class OrdersPagesController {

    private final RoundQueries rounds;
    private final PlacingOrders placingOrders;
    private final PoolingPreviews previews;
    private final QueryGateway queries;
    private final ResponsibleProfiles profiles;

    OrdersPagesController(RoundQueries rounds, PlacingOrders placingOrders, PoolingPreviews previews, QueryGateway queries,
                          ResponsibleProfiles profiles) {
        this.profiles = profiles;
        this.rounds = rounds;
        this.placingOrders = placingOrders;
        this.previews = previews;
        this.queries = queries;
    }

    @InitBinder("orderForm")
    void publicFields(WebDataBinder binder) {
        binder.initDirectFieldAccess();
        binder.setAutoGrowNestedPaths(true);
    }

    /**
     * The order form, while the round takes orders; before or after that, the round's own page (its shares, its status).
     * {@code local} and {@code ess} show only the products whose local or social dimension is met (ADR 22): the others
     * are hidden, not left out, so that saving the form keeps what was ordered of them.
     */
    @GetMapping("/rounds/{id}/order")
    String order(Actor actor, @PathVariable("id") RoundId id, @RequestParam(name = "local", defaultValue = "false") boolean local,
                 @RequestParam(name = "ess", defaultValue = "false") boolean ess, Model model) {
        PurchaseRoundSummary round = visibleRound(actor, id);
        if (round.status() != RoundStatus.OPEN) {
            return "redirect:/rounds/" + round.roundId();
        }
        fillOrderPage(actor, round, null, model);
        model.addAttribute("onlyLocal", local);
        model.addAttribute("onlyEss", ess);
        if (local || ess) {
            // A supplier none of whose products is shown is hidden as a whole (its fields stay in the form).
            @SuppressWarnings("unchecked")
            Map<ProductId, ProfileInWords> shown = (Map<ProductId, ProfileInWords>) model.getAttribute("profiles");
            @SuppressWarnings("unchecked")
            Map<SupplierId, List<OfferedProduct>> bySupplier = (Map<SupplierId, List<OfferedProduct>>) model.getAttribute("bySupplier");
            model.addAttribute("hiddenSuppliers", bySupplier.entrySet().stream()
                    .filter(entry -> entry.getValue().stream().noneMatch(product -> {
                        ProfileInWords profile = shown.get(product.productId());
                        return profile != null && (!local || profile.local().met()) && (!ess || profile.social().met());
                    }))
                    .map(Map.Entry::getKey).collect(Collectors.toSet()));
        }
        return "ordering/order";
    }

    /**
     * The whole order at once (works without JavaScript). Each row is checked on its own: the valid ones are saved,
     * a refused one keeps its typed value and shows its reason at the line.
     */
    @PostMapping("/rounds/{id}/order")
    String submit(Actor actor, @PathVariable("id") RoundId id, @ModelAttribute("orderForm") OrderForm form, Model model,
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
    String live(Actor actor, @PathVariable("id") RoundId id, @ModelAttribute("orderForm") OrderForm form, Model model) {
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
    String summary(Actor actor, @PathVariable("id") RoundId id, Model model) {
        PurchaseRoundSummary round = visibleRound(actor, id);
        model.addAttribute("lineSaved", false);
        fillSummary(actor, round, null, model);
        return "ordering/preview :: summary";
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
        model.addAttribute("profiles", profiles.of(actor.groupementId(), offer.stream().map(product -> new ResponsibleProfiles.OfferedItem(
                product.productId(), product.supplierId(), product.details().labels(), product.details().origin())).toList(),
                LocaleContextHolder.getLocale()));
        model.addAttribute("onlyLocal", false);
        model.addAttribute("onlyEss", false);
        model.addAttribute("hiddenSuppliers", Set.of());
    }

    private Map<ProductId, OrderLine> currentLines(Actor actor, PurchaseRoundSummary round) {
        return previews.handle(new FindMemberOrderQuery(actor.groupementId(), round.roundId(), actor.memberId())).stream()
                .collect(Collectors.toMap(OrderLine::productId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    private PurchaseRoundSummary visibleRound(Actor actor, RoundId id) {
        return RoundVisibility.visibleRound(rounds, actor, id);
    }
}
