package coop.mutua.ordering.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.Require;
import coop.mutua.ordering.api.ConfirmSupplierOrderCommand;
import coop.mutua.ordering.api.ReceptionRecordedEvent;
import coop.mutua.ordering.api.RecordReceptionCommand;
import coop.mutua.ordering.api.ReportSupplierChangeCommand;
import coop.mutua.ordering.api.SupplierChange;
import coop.mutua.ordering.api.SupplierChangeReportedEvent;
import coop.mutua.ordering.api.SupplierOrderConfirmedEvent;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * What happens to a grouped supplier order after pooling (its lines and shares are the pooling job's rows): the
 * supplier's confirmation of a version and the changes it reports. Its id is the supplier order's.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class SupplierOrder {

    @AggregateIdentifier
    private String supplierOrderId;
    private GroupementId groupementId;
    private int confirmedVersion;

    protected SupplierOrder() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ConfirmSupplierOrderCommand command, Clock clock) {
        requireSameGroupement(command.supplierOrderId(), command.groupementId());
        if (command.version() <= confirmedVersion) {
            throw new DomainException("supplier-order.already-confirmed", command.version());
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

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordReceptionCommand command, Clock clock) {
        requireSameGroupement(command.supplierOrderId(), command.groupementId());
        java.util.Map<coop.mutua.kernel.ProductId, coop.mutua.kernel.Quantity> delivered =
                command.delivered() == null ? java.util.Map.of() : java.util.Map.copyOf(command.delivered());
        if (delivered.isEmpty()) {
            throw new DomainException("field.required", "lines");
        }
        delivered.forEach((product, quantity) -> {
            if (quantity == null || quantity.value().signum() < 0) {
                throw new DomainException("reception.quantity", product);
            }
        });
        apply(new ReceptionRecordedEvent(command.supplierOrderId(), command.groupementId(), command.roundId(), command.supplierId(),
                delivered, clock.instant()));
    }

    private void requireSameGroupement(String id, GroupementId caller) {
        if (groupementId != null && !groupementId.equals(caller)) {
            throw new NotFoundException("supplier-order", id);
        }
    }

    @EventSourcingHandler
    void on(SupplierOrderConfirmedEvent event) {
        this.supplierOrderId = event.supplierOrderId();
        this.groupementId = event.groupementId();
        this.confirmedVersion = event.version();
    }

    @EventSourcingHandler
    void on(ReceptionRecordedEvent event) {
        this.supplierOrderId = event.supplierOrderId();
        this.groupementId = event.groupementId();
    }

    @EventSourcingHandler
    void on(SupplierChangeReportedEvent event) {
        this.supplierOrderId = event.supplierOrderId();
        this.groupementId = event.groupementId();
    }
}
