package coop.mutua.ordering.web;

import coop.mutua.kernel.Actor;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.Paging;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.Require;
import coop.mutua.kernel.Role;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierOrderId;
import coop.mutua.ordering.api.FindSupplierOrdersQuery;
import coop.mutua.ordering.api.SupplierChange;
import coop.mutua.ordering.api.SupplierOrderView;
import coop.mutua.ordering.application.HandlingSupplierOrders;
import coop.mutua.ordering.application.RoundVisibility;
import coop.mutua.ordering.documents.PurchaseOrder;
import coop.mutua.ordering.documents.PurchaseOrderDocuments;
import coop.mutua.ordering.documents.PurchaseOrders;
import coop.mutua.ordering.query.RoundQueries;
import coop.mutua.ordering.query.SupplierOrderQueries;
import coop.mutua.platform.web.Downloads;
import coop.mutua.platform.web.PagedLists;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Supplier orders", description = "Grouped orders written by the pooling at close, with each member's share")
class SupplierOrdersApiController {

    private final SupplierOrderQueries supplierOrders;
    private final RoundQueries rounds;
    private final PurchaseOrders purchaseOrders;
    private final HandlingSupplierOrders actions;

    SupplierOrdersApiController(SupplierOrderQueries supplierOrders, RoundQueries rounds, PurchaseOrders purchaseOrders,
                                HandlingSupplierOrders actions) {
        this.purchaseOrders = purchaseOrders;
        this.actions = actions;
        this.supplierOrders = supplierOrders;
        this.rounds = rounds;
    }

    @GetMapping("/api/rounds/{id}/supplier-orders")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "The supplier orders of a pooled round, each line with every member's share, as GET "
            + "/api/supplier-orders/{id} gives them (empty until the pooling at close has run)")
    List<SupplierOrderView> ofRound(@Parameter(hidden = true) Actor actor, @PathVariable("id") RoundId id) {
        return supplierOrders.handle(new FindSupplierOrdersQuery(actor.groupementId(),
                RoundVisibility.visibleRound(rounds, actor, id).roundId(), null, null, true));
    }

    @GetMapping("/api/supplier-orders")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'SUPPLIER')")
    @Operation(summary = "Grouped orders, newest first: a supplier's own, or every one of the groupement for a coordinator; one page at a "
            + "time (X-Total-Count: how many in all; Link: the first, previous, next and last pages)")
    ResponseEntity<List<SupplierOrderView>> list(@Parameter(hidden = true) Actor actor,
                                                 @Parameter(description = "Page number, from 1",
                                                         schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "1000000", defaultValue = "1"))
                                                 @RequestParam(name = "page", required = false) Long page,
                                                 @Parameter(description = "Orders per page, 1 to 1000 (default 20: each order carries its lines "
                                                         + "and every member's share)",
                                                         schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "1000", defaultValue = "20"))
                                                 @RequestParam(name = "size", required = false) Long size) {
        return PagedLists.of(actions.visible(actor, true, Paging.of(page, size, 20)));
    }

    @PostMapping("/api/supplier-orders/{id}/confirm")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'SUPPLIER')")
    @Operation(summary = "The supplier (or the coordinator, for a supplier who confirmed by phone) confirms its grouped order"
            + " (its current version)")
    SupplierOrderView confirm(@Parameter(hidden = true) Actor actor, @PathVariable("id") SupplierOrderId id) {
        return actions.confirm(actor, id);
    }

    record ChangeJson(String productId, SupplierChange change, String newQuantity, String note) {
    }

    @PostMapping("/api/supplier-orders/{id}/changes")
    @PreAuthorize("hasRole('SUPPLIER')")
    @Operation(summary = "The supplier reports a change on a line before delivery: OUT_OF_STOCK, SUBSTITUTE (note), NEW_QUANTITY")
    SupplierOrderView report(@Parameter(hidden = true) Actor actor, @PathVariable("id") SupplierOrderId id, @RequestBody ChangeJson body) {
        if (body.productId() == null || body.productId().isBlank()) {
            throw new DomainException("field.required", "productId");
        }
        if (body.change() == null) {
            throw new DomainException("field.required", "change");
        }
        ProductId product = productId(body.productId());
        Quantity quantity = body.newQuantity() == null || body.newQuantity().isBlank() ? null
                : Require.named("newQuantity", () -> Quantity.of(body.newQuantity()));
        return actions.report(actor, id, product, body.change(), quantity, body.note());
    }

    record ReceptionJson(List<DeliveredJson> lines) {
        record DeliveredJson(String productId, String delivered) {
        }
    }

    @PostMapping("/api/supplier-orders/{id}/reception")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Record what arrived per product (weighed goods: the actual weight); lines not given arrived as ordered",
            description = "Members' shares are re-allocated by the round's policy: a shortage shared, a surplus into tolerances "
                    + "left, what nobody can take shown as unallocated. Recording again corrects the figures.")
    SupplierOrderView reception(@Parameter(hidden = true) Actor actor, @PathVariable("id") SupplierOrderId id, @RequestBody ReceptionJson body) {
        Map<ProductId, Quantity> delivered = new LinkedHashMap<>();
        Map<ProductId, String> fields = new HashMap<>();
        List<ReceptionJson.DeliveredJson> lines = body.lines() == null ? List.of() : body.lines();
        for (int i = 0; i < lines.size(); i++) {
            ReceptionJson.DeliveredJson line = lines.get(i);
            String at = "lines[" + i + "]";
            if (line == null) {
                throw new DomainException("field.required", at);
            }
            if (line.productId() == null || line.delivered() == null || line.delivered().isBlank()) {
                throw new DomainException("field.required", at + (line.productId() == null ? ".productId" : ".delivered"));
            }
            ProductId product = productId(line.productId());
            if (delivered.put(product, Require.named(at + ".delivered", () -> Quantity.of(line.delivered()))) != null) {
                throw new DomainException("reception.duplicate-line", line.productId());
            }
            fields.put(product, at + ".delivered");
        }
        return actions.receive(actor, id, delivered, fields::get);
    }

    @PostMapping("/api/supplier-orders/{id}/accept-below-minimum")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Confirm a supplier order below the supplier's minimum amount (the delivery fee is paid)")
    SupplierOrderView acceptBelowMinimum(@Parameter(hidden = true) Actor actor, @PathVariable("id") SupplierOrderId id) {
        return decide(actor, id, true);
    }

    @PostMapping("/api/supplier-orders/{id}/cancel")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Cancel a supplier order below the supplier's minimum amount: members get none of its lines")
    SupplierOrderView cancel(@Parameter(hidden = true) Actor actor, @PathVariable("id") SupplierOrderId id) {
        return decide(actor, id, false);
    }

    private SupplierOrderView decide(Actor actor, SupplierOrderId id, boolean confirm) {
        return actions.decideBelowMinimum(actor, id, confirm);
    }

    @GetMapping(value = {"/api/supplier-orders/{id}/pdf", "/api/supplier-orders/{id}"}, produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("hasAnyRole('COORDINATOR', 'SUPPLIER')")
    @Operation(summary = "One grouped order: JSON with every member's share of each line (the packing list), or with Accept: "
            + "application/pdf (and at .../pdf) the purchase order as a PDF")
    ResponseEntity<byte[]> pdf(@Parameter(hidden = true) Actor actor, @PathVariable("id") SupplierOrderId id) {
        PurchaseOrder order = purchaseOrders.of(actor.groupementId(), id, actor.is(Role.SUPPLIER) ? actor.supplierId() : null);
        return Downloads.file(PurchaseOrderDocuments.pdf(order), MediaType.APPLICATION_PDF, "bon-de-commande-" + order.number() + ".pdf");
    }

    @GetMapping("/api/supplier-orders/{id}/csv")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'SUPPLIER')")
    @Operation(summary = "The grouped purchase order's lines as CSV (semicolon, decimal comma, UTF-8)")
    ResponseEntity<byte[]> csv(@Parameter(hidden = true) Actor actor, @PathVariable("id") SupplierOrderId id) {
        PurchaseOrder order = purchaseOrders.of(actor.groupementId(), id, actor.is(Role.SUPPLIER) ? actor.supplierId() : null);
        return Downloads.file(PurchaseOrderDocuments.csv(order), Downloads.CSV,
                "bon-de-commande-" + order.number() + ".csv");
    }

    /** A product id from the request; a malformed one names no product of the order. */
    private static ProductId productId(String id) {
        try {
            return ProductId.of(id);
        } catch (IllegalArgumentException malformed) {
            throw new NotFoundException("product", id);
        }
    }

    @GetMapping("/api/supplier-orders/{id}")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'SUPPLIER')")
    @Operation(summary = "One grouped order: JSON with every member's share of each line (the packing list), or with Accept: "
            + "application/pdf (and at .../pdf) the purchase order as a PDF")
    SupplierOrderView one(@Parameter(hidden = true) Actor actor, @PathVariable("id") SupplierOrderId id) {
        return actions.one(actor, id);
    }
}
