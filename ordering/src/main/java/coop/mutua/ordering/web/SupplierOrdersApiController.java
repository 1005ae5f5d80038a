package coop.mutua.ordering.web;

import coop.mutua.kernel.Actor;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.Role;
import coop.mutua.ordering.api.FindSupplierOrdersQuery;
import coop.mutua.ordering.api.SupplierOrderView;
import coop.mutua.ordering.query.RoundQueries;
import coop.mutua.ordering.query.SupplierOrderQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Supplier orders", description = "Grouped orders written by the pooling at close, with each member's share")
class SupplierOrdersApiController {

    private final SupplierOrderQueries supplierOrders;
    private final RoundQueries rounds;

    SupplierOrdersApiController(SupplierOrderQueries supplierOrders, RoundQueries rounds) {
        this.supplierOrders = supplierOrders;
        this.rounds = rounds;
    }

    @GetMapping("/api/rounds/{id}/supplier-orders")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "The supplier orders of a pooled round (empty until the pooling at close has run)")
    List<SupplierOrderView> ofRound(@Parameter(hidden = true) Actor actor, @PathVariable("id") String id) {
        return supplierOrders.handle(new FindSupplierOrdersQuery(actor.groupementId(),
                RoundVisibility.visibleRound(rounds, actor, id).roundId(), null, null, false));
    }

    @GetMapping("/api/supplier-orders")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'SUPPLIER')")
    @Operation(summary = "Grouped orders: a supplier's own, or every one of the groupement for a coordinator")
    List<SupplierOrderView> list(@Parameter(hidden = true) Actor actor) {
        return supplierOrders.handle(new FindSupplierOrdersQuery(actor.groupementId(), null,
                actor.is(Role.SUPPLIER) ? actor.supplierId() : null, null, false));
    }

    @GetMapping("/api/supplier-orders/{id}")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'SUPPLIER')")
    @Operation(summary = "One grouped order with every member's share of each line (the packing list)")
    SupplierOrderView one(@Parameter(hidden = true) Actor actor, @PathVariable("id") String id) {
        return supplierOrders.handle(new FindSupplierOrdersQuery(actor.groupementId(), null,
                        actor.is(Role.SUPPLIER) ? actor.supplierId() : null, id, true)).stream()
                .findFirst().orElseThrow(() -> new NotFoundException("supplier-order", id));
    }
}
