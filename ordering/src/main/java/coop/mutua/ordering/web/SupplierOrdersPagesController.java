package coop.mutua.ordering.web;

import coop.mutua.catalog.api.FindMembersQuery;
import coop.mutua.catalog.api.FindSuppliersQuery;
import coop.mutua.catalog.api.MemberSummary;
import coop.mutua.catalog.api.SupplierSummary;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.Page;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.SupplierOrderId;
import coop.mutua.ordering.api.FindPurchaseRoundQuery;
import coop.mutua.ordering.api.FindPurchaseRoundsQuery;
import coop.mutua.ordering.api.PurchaseRoundSummary;
import coop.mutua.ordering.api.RoundStatus;
import coop.mutua.ordering.api.SupplierChange;
import coop.mutua.ordering.api.SupplierOrderIds;
import coop.mutua.ordering.api.SupplierOrderView;
import coop.mutua.ordering.application.HandlingSupplierOrders;
import coop.mutua.ordering.application.RoundVisibility;
import coop.mutua.ordering.query.RoundQueries;
import coop.mutua.platform.web.PageOutcome;
import coop.mutua.platform.web.PagedLists;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The supplier's space for grouped orders (coordinators see every supplier's): list, detail, confirm, report changes. */
@Controller
@PreAuthorize("hasAnyRole('COORDINATOR', 'SUPPLIER')")
class SupplierOrdersPagesController {

    private final HandlingSupplierOrders actions;
    private final RoundQueries rounds;
    private final QueryGateway queries;

    SupplierOrdersPagesController(HandlingSupplierOrders actions, RoundQueries rounds, QueryGateway queries) {
        this.actions = actions;
        this.rounds = rounds;
        this.queries = queries;
    }

    @GetMapping("/supplier-orders")
    String list(Actor actor, @RequestParam(name = "page", required = false) String page, Model model) {
        Page<SupplierOrderView> orders = PagedLists.orLast(PagedLists.lenient(page, PAGE_SIZE), paging -> actions.summaries(actor, paging));
        model.addAttribute("orders", orders.items());
        model.addAttribute("pager", PagedLists.pager(orders));
        model.addAttribute("supplierNames", supplierNames(actor));
        model.addAttribute("roundTitles", rounds.handle(new FindPurchaseRoundsQuery(actor.groupementId(),
                        EnumSet.allOf(RoundStatus.class))).stream()
                .collect(Collectors.toMap(round -> round.roundId(), round -> round.title())));
        return "ordering/supplier-orders";
    }

    /** Orders per page of the list (newest first). */
    static final int PAGE_SIZE = 50;

    @GetMapping("/supplier-orders/{id}")
    String one(Actor actor, @PathVariable("id") SupplierOrderId id, Model model) {
        SupplierOrderView order = actions.one(actor, id);
        model.addAttribute("order", order);
        model.addAttribute("round", rounds.handle(new FindPurchaseRoundQuery(actor.groupementId(),
                order.roundId())).orElseThrow());
        model.addAttribute("supplierName", supplierNames(actor).get(order.supplierId()));
        model.addAttribute("memberNames", queries.query(new FindMembersQuery(actor.groupementId()),
                        ResponseTypes.multipleInstancesOf(MemberSummary.class)).join().stream()
                .collect(Collectors.toMap(MemberSummary::id, MemberSummary::name)));
        model.addAttribute("changes", SupplierChange.values());
        return "ordering/supplier-order";
    }

    @PostMapping("/supplier-orders/{id}/confirm")
    String confirm(Actor actor, @PathVariable("id") SupplierOrderId id, RedirectAttributes redirect) {
        PageOutcome.attempt(redirect, "supplier-order.confirmed", () -> actions.confirm(actor, id));
        return "redirect:/supplier-orders/" + id;
    }

    @PostMapping("/supplier-orders/{id}/changes")
    @PreAuthorize("hasRole('SUPPLIER')")
    String report(Actor actor, @PathVariable("id") SupplierOrderId id, @RequestParam("productId") String productId,
                  @RequestParam("change") SupplierChange change,
                  @RequestParam(name = "newQuantity", required = false) String newQuantity,
                  @RequestParam(name = "note", required = false) String note, RedirectAttributes redirect) {
        PageOutcome.attempt(redirect, "supplier-order.change-reported", () -> {
            Quantity quantity = newQuantity == null || newQuantity.isBlank() ? null : typedQuantity(newQuantity);
            ProductId product;
            try {
                product = ProductId.of(productId);
            } catch (IllegalArgumentException malformed) {
                throw new DomainException("supplier-order.bad-quantity", newQuantity);
            }
            actions.report(actor, id, product, change, quantity, note);
        });
        return "redirect:/supplier-orders/" + id;
    }

    /**
     * What arrived, line by line ("delivered.{productId}" fields; a line left empty arrived as ordered). An order the actor
     * cannot see is the 404 page before the form is read.
     */
    @PostMapping("/supplier-orders/{id}/reception")
    @PreAuthorize("hasRole('COORDINATOR')")
    String receive(Actor actor, @PathVariable("id") SupplierOrderId id, @RequestParam Map<String, String> fields, RedirectAttributes redirect) {
        actions.one(actor, id);
        PageOutcome.attempt(redirect, "supplier-order.received", () -> {
            Map<ProductId, Quantity> delivered = new LinkedHashMap<>();
            for (Map.Entry<String, String> field : fields.entrySet()) {
                if (field.getKey().startsWith("delivered.") && field.getValue() != null && !field.getValue().isBlank()) {
                    Quantity quantity = typedQuantity(field.getValue());
                    try {
                        delivered.put(ProductId.of(field.getKey().substring("delivered.".length())), quantity);
                    } catch (IllegalArgumentException malformed) {
                        throw new DomainException("supplier-order.bad-quantity", field.getValue());
                    }
                }
            }
            if (delivered.isEmpty()) {
                throw new DomainException("field.required", "delivered");
            }
            actions.receive(actor, id, delivered, product -> "delivered." + product.value());
        });
        return "redirect:/supplier-orders/" + id;
    }

    /** A quantity typed in a form, with a decimal comma or point; unreadable: refused with the text as typed. */
    private static Quantity typedQuantity(String typed) {
        try {
            return Quantity.of(typed.strip().replace(',', '.'));
        } catch (IllegalArgumentException malformed) {
            throw new DomainException("supplier-order.bad-quantity", typed);
        }
    }

    private Map<SupplierId, String> supplierNames(Actor actor) {
        return queries.query(new FindSuppliersQuery(actor.groupementId()), ResponseTypes.multipleInstancesOf(SupplierSummary.class))
                .join().stream().collect(Collectors.toMap(SupplierSummary::id, SupplierSummary::name));
    }

    /** The coordinator's decision on a supplier order below the supplier's minimum: confirm it or cancel its lines. */
    @PostMapping("/rounds/{id}/supplier-orders/{supplierId}/decision")
    @PreAuthorize("hasRole('COORDINATOR')")
    String decideBelowMinimum(Actor actor, @PathVariable("id") RoundId id, @PathVariable("supplierId") SupplierId supplierId,
                              @RequestParam("confirm") boolean confirm, RedirectAttributes redirect) {
        PurchaseRoundSummary round = RoundVisibility.visibleRound(rounds, actor, id);
        PageOutcome.attempt(redirect, confirm ? "pooling.confirmed" : "pooling.cancelled", () -> actions
                .decideBelowMinimum(actor, SupplierOrderIds.of(round.roundId(), supplierId), confirm));
        return "redirect:/rounds/" + round.roundId();
    }
}
