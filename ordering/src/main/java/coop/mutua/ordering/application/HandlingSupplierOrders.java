package coop.mutua.ordering.application;

import coop.mutua.kernel.Actor;
import coop.mutua.kernel.ConflictException;
import coop.mutua.kernel.InvalidFieldException;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.Page;
import coop.mutua.kernel.Paging;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.ProjectionCatchUp;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.Role;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.SupplierOrderId;
import coop.mutua.ordering.api.ConfirmSupplierOrderCommand;
import coop.mutua.ordering.api.DecideBelowMinimumCommand;
import coop.mutua.ordering.api.FindSupplierOrdersQuery;
import coop.mutua.ordering.api.OrderingReadModels;
import coop.mutua.ordering.api.RecordReceptionCommand;
import coop.mutua.ordering.api.ReportSupplierChangeCommand;
import coop.mutua.ordering.api.SupplierChange;
import coop.mutua.ordering.api.SupplierOrderStatus;
import coop.mutua.ordering.api.SupplierOrderView;
import coop.mutua.ordering.query.SupplierOrderQueries;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/** A supplier (or the coordinator for it) acting on a grouped order: reading it, confirming it, reporting changes. */
@Component
public class HandlingSupplierOrders {

    private final SupplierOrderQueries supplierOrders;
    private final CommandGateway commands;
    private final ProjectionCatchUp catchUp;

    HandlingSupplierOrders(SupplierOrderQueries supplierOrders, CommandGateway commands, ProjectionCatchUp catchUp) {
        this.supplierOrders = supplierOrders;
        this.commands = commands;
        this.catchUp = catchUp;
    }

    /**
     * The orders the actor may see (a supplier its own, a coordinator every one of the groupement), with every member's
     * share when asked (the API gives them, the list page does not show them).
     */
    public List<SupplierOrderView> visible(Actor actor, boolean withShares) {
        return supplierOrders.handle(new FindSupplierOrdersQuery(actor.groupementId(), null, supplierOnly(actor), null, withShares));
    }

    /** One page of the same, newest first. */
    public Page<SupplierOrderView> visible(Actor actor, boolean withShares, Paging paging) {
        return supplierOrders.page(new FindSupplierOrdersQuery(actor.groupementId(), null, supplierOnly(actor), null, withShares), paging);
    }

    /** One page of the caller's orders without their lines, newest first (the list page). */
    public Page<SupplierOrderView> summaries(Actor actor, Paging paging) {
        return supplierOrders.pageWithoutLines(new FindSupplierOrdersQuery(actor.groupementId(), null, supplierOnly(actor), null, false), paging);
    }

    public SupplierOrderView one(Actor actor, SupplierOrderId id) {
        return supplierOrders.handle(new FindSupplierOrdersQuery(actor.groupementId(), null, supplierOnly(actor), id, true)).stream()
                .findFirst().orElseThrow(() -> new NotFoundException("supplier-order", id));
    }

    /** The coordinator's decision on an order below its supplier's minimum: confirm it (fee paid) or cancel its lines. */
    public SupplierOrderView decideBelowMinimum(Actor actor, SupplierOrderId id, boolean confirm) {
        SupplierOrderView order = one(actor, id);
        if (order.status() != SupplierOrderStatus.BELOW_MINIMUM) {
            throw new ConflictException("supplier-order.no-decision-pending", order.supplierId());
        }
        commands.sendAndWait(new DecideBelowMinimumCommand(order.id(), actor.groupementId(),
                order.roundId(), order.supplierId(), confirm));
        catchUp.await(OrderingReadModels.SUPPLIER_ORDERS, order.id());
        return one(actor, id);
    }

    public SupplierOrderView confirm(Actor actor, SupplierOrderId id) {
        SupplierOrderView order = one(actor, id);
        commands.sendAndWait(new ConfirmSupplierOrderCommand(order.id(), actor.groupementId(), order.roundId(), order.supplierId(),
                order.version()));
        catchUp.await(OrderingReadModels.SUPPLIER_ORDERS, order.id());
        return one(actor, id);
    }

    public SupplierOrderView report(Actor actor, SupplierOrderId id, ProductId productId, SupplierChange change, Quantity newQuantity, String note) {
        SupplierOrderView order = one(actor, id);
        SupplierOrderView.Line line = order.lines().stream().filter(candidate -> candidate.product().id().equals(productId)).findFirst()
                .orElseThrow(() -> new NotFoundException("product", productId));
        if (change == SupplierChange.NEW_QUANTITY && newQuantity != null) {
            wholeUnits(line, newQuantity, "newQuantity");
        }
        commands.sendAndWait(new ReportSupplierChangeCommand(order.id(), actor.groupementId(), order.roundId(), order.supplierId(),
                productId, change, newQuantity, note));
        catchUp.await(OrderingReadModels.SUPPLIER_ORDERS, order.id());
        return one(actor, id);
    }

    /** Records what arrived (lines not given: as ordered); members' shares are re-allocated by the round's policy. */
    public SupplierOrderView receive(Actor actor, SupplierOrderId id, Map<ProductId, Quantity> delivered,
                              Function<ProductId, String> fieldOf) {
        SupplierOrderView order = one(actor, id);
        for (Map.Entry<ProductId, Quantity> arrived : delivered.entrySet()) {
            SupplierOrderView.Line line = order.lines().stream().filter(candidate -> candidate.product().id().equals(arrived.getKey()))
                    .findFirst().orElseThrow(() -> new NotFoundException("product", arrived.getKey()));
            wholeUnits(line, arrived.getValue(), fieldOf.apply(arrived.getKey()));
        }
        commands.sendAndWait(new RecordReceptionCommand(order.id(), actor.groupementId(), order.roundId(),
                order.supplierId(), delivered));
        catchUp.await(OrderingReadModels.SUPPLIER_ORDERS, order.id());
        return one(actor, id);
    }

    /**
     * Goods sold by the piece or the pack arrive, and are changed, in whole units, as they are ordered: 2.5 bottles would
     * be shared as 1.786 and 0.714 bottles and invoiced so. {@code field} names the field as the request does.
     */
    private static void wholeUnits(SupplierOrderView.Line line, Quantity quantity, String field) {
        boolean counted = "PIECE".equals(line.product().saleUnit()) || "PACK".equals(line.product().saleUnit());
        if (counted && quantity != null && quantity.value().stripTrailingZeros().scale() > 0) {
            throw new InvalidFieldException(field, "supplier-order.whole-units", line.product().name(), quantity.value());
        }
    }

    private static SupplierId supplierOnly(Actor actor) {
        return actor.is(Role.SUPPLIER) ? actor.supplierId() : null;
    }
}
