package coop.mutua.ordering.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import coop.mutua.kernel.ConflictException;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.Require;
import coop.mutua.kernel.SupplierOrderId;
import coop.mutua.ordering.api.BelowMinimumDecidedEvent;
import coop.mutua.ordering.api.ConfirmSupplierOrderCommand;
import coop.mutua.ordering.api.DecideBelowMinimumCommand;
import coop.mutua.ordering.api.ReceptionRecordedEvent;
import coop.mutua.ordering.api.RecordReceptionCommand;
import coop.mutua.ordering.api.RecordSupplierOrderInvoicedCommand;
import coop.mutua.ordering.api.RecordSupplierOrderPooledCommand;
import coop.mutua.ordering.api.ReportSupplierChangeCommand;
import coop.mutua.ordering.api.SupplierChange;
import coop.mutua.ordering.api.SupplierChangeReportedEvent;
import coop.mutua.ordering.api.SupplierOrderConfirmedEvent;
import coop.mutua.ordering.api.SupplierOrderInvoicedEvent;
import coop.mutua.ordering.api.SupplierOrderPooledEvent;
import coop.mutua.ordering.api.SupplierOrderStatus;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A grouped supplier order's lifecycle after pooling (its lines and shares are the pooling job's rows): BELOW_MINIMUM
 * until the coordinator decides, SENT, CONFIRMED by the supplier, RECEIVED, INVOICED; or CANCELLED. Each stage locks
 * the earlier ones: no confirmation before the coordinator's decision, no change report or confirmation once
 * delivered, no reception once invoiced. Its id is the supplier order's.
 * <p>Orders pooled before the order recorded its own pooling have no status here ({@code null}); they keep the rules
 * they had (none of these locks).
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class SupplierOrder {

    private static final Set<SupplierOrderStatus> BEFORE_DELIVERY = EnumSet.of(SupplierOrderStatus.SENT, SupplierOrderStatus.CONFIRMED);
    private static final Set<SupplierOrderStatus> RECEIVABLE = EnumSet.of(SupplierOrderStatus.SENT, SupplierOrderStatus.CONFIRMED,
            SupplierOrderStatus.RECEIVED);
    private static final Set<SupplierOrderStatus> INVOICEABLE = EnumSet.of(SupplierOrderStatus.RECEIVED, SupplierOrderStatus.INVOICED);

    @AggregateIdentifier
    private SupplierOrderId supplierOrderId;
    private GroupementId groupementId;
    private SupplierOrderStatus status;
    private int confirmedVersion;

    protected SupplierOrder() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordSupplierOrderPooledCommand command, Clock clock) {
        requireSameGroupement(command.supplierOrderId(), command.groupementId());
        if (status != null) {
            return;
        }
        SupplierOrderStatus initial = Require.present(command.status(), "status");
        if (initial != SupplierOrderStatus.BELOW_MINIMUM && initial != SupplierOrderStatus.SENT && initial != SupplierOrderStatus.CANCELLED) {
            throw new DomainException("supplier-order.initial-status", initial);
        }
        apply(new SupplierOrderPooledEvent(command.supplierOrderId(), command.groupementId(), command.roundId(), command.supplierId(),
                initial, clock.instant()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DecideBelowMinimumCommand command, Clock clock) {
        requireSameGroupement(command.supplierOrderId(), command.groupementId());
        if (status != null && status != SupplierOrderStatus.BELOW_MINIMUM) {
            throw new ConflictException("supplier-order.no-decision-pending", command.supplierId());
        }
        apply(new BelowMinimumDecidedEvent(command.roundId(), command.groupementId(), command.supplierId(), command.confirm(),
                clock.instant()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ConfirmSupplierOrderCommand command, Clock clock) {
        requireSameGroupement(command.supplierOrderId(), command.groupementId());
        requireOneOf(BEFORE_DELIVERY);
        if (command.version() <= confirmedVersion) {
            throw new ConflictException("supplier-order.already-confirmed", command.version());
        }
        apply(new SupplierOrderConfirmedEvent(command.supplierOrderId(), command.groupementId(), command.roundId(),
                command.supplierId(), command.version(), clock.instant()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ReportSupplierChangeCommand command, Clock clock) {
        requireSameGroupement(command.supplierOrderId(), command.groupementId());
        Require.present(command.productId(), "productId");
        SupplierChange change = Require.present(command.change(), "change");
        requireOneOf(BEFORE_DELIVERY);
        String note = command.note() == null || command.note().isBlank() ? null : command.note().strip();
        if (change == SupplierChange.SUBSTITUTE && note == null) {
            throw new DomainException("supplier-order.substitute-needs-note");
        }
        if (change == SupplierChange.NEW_QUANTITY && command.newQuantity() == null) {
            throw new DomainException("field.required", "newQuantity");
        }
        if (note != null && note.length() > 500) {
            throw new DomainException("field.too-long", "note", 500);
        }
        apply(new SupplierChangeReportedEvent(command.supplierOrderId(), command.groupementId(), command.roundId(),
                command.supplierId(), command.productId(), change,
                change == SupplierChange.NEW_QUANTITY ? command.newQuantity() : null, note, clock.instant()));
    }

    /** What arrived; no line at all means everything arrived as ordered (each line not given arrived as ordered). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordReceptionCommand command, Clock clock) {
        requireSameGroupement(command.supplierOrderId(), command.groupementId());
        requireOneOf(RECEIVABLE);
        Map<ProductId, Quantity> delivered = command.delivered() == null ? Map.of() : Map.copyOf(command.delivered());
        delivered.forEach((product, quantity) -> {
            if (quantity == null || quantity.value().signum() < 0) {
                throw new DomainException("reception.quantity", product);
            }
        });
        apply(new ReceptionRecordedEvent(command.supplierOrderId(), command.groupementId(), command.roundId(), command.supplierId(),
                delivered, clock.instant()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordSupplierOrderInvoicedCommand command, Clock clock) {
        requireSameGroupement(command.supplierOrderId(), command.groupementId());
        if (status != null && !INVOICEABLE.contains(status)) {
            throw new ConflictException("supplier-order.not-received", status);
        }
        apply(new SupplierOrderInvoicedEvent(command.supplierOrderId(), command.groupementId(), command.roundId(),
                command.supplierId(), command.supplierInvoiceId(), clock.instant()));
    }

    private void requireSameGroupement(SupplierOrderId id, GroupementId caller) {
        if (groupementId != null && !groupementId.equals(caller)) {
            throw new NotFoundException("supplier-order", id);
        }
    }

    /** A later stage locks the earlier ones (orders pooled before statuses were recorded are not checked). */
    private void requireOneOf(Set<SupplierOrderStatus> allowed) {
        if (status == SupplierOrderStatus.BELOW_MINIMUM) {
            throw new ConflictException("supplier-order.awaiting-decision");
        }
        if (status != null && !allowed.contains(status)) {
            throw new ConflictException("supplier-order.locked", status);
        }
    }

    @EventSourcingHandler
    void on(SupplierOrderPooledEvent event) {
        this.supplierOrderId = event.supplierOrderId();
        this.groupementId = event.groupementId();
        this.status = event.status();
    }

    @EventSourcingHandler
    void on(BelowMinimumDecidedEvent event) {
        this.status = event.confirmed() ? SupplierOrderStatus.SENT : SupplierOrderStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(SupplierOrderConfirmedEvent event) {
        this.supplierOrderId = event.supplierOrderId();
        this.groupementId = event.groupementId();
        this.confirmedVersion = event.version();
        if (status != null) {
            this.status = SupplierOrderStatus.CONFIRMED;
        }
    }

    @EventSourcingHandler
    void on(ReceptionRecordedEvent event) {
        this.supplierOrderId = event.supplierOrderId();
        this.groupementId = event.groupementId();
        if (status != null) {
            this.status = SupplierOrderStatus.RECEIVED;
        }
    }

    @EventSourcingHandler
    void on(SupplierOrderInvoicedEvent event) {
        this.supplierOrderId = event.supplierOrderId();
        this.groupementId = event.groupementId();
        this.status = SupplierOrderStatus.INVOICED;
    }

    @EventSourcingHandler
    void on(SupplierChangeReportedEvent event) {
        this.supplierOrderId = event.supplierOrderId();
        this.groupementId = event.groupementId();
    }
}
