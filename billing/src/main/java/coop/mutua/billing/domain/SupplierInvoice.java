package coop.mutua.billing.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import coop.mutua.billing.api.RecordSupplierInvoiceCommand;
import coop.mutua.billing.api.ResolveSupplierInvoiceCommand;
import coop.mutua.billing.api.SupplierInvoiceLine;
import coop.mutua.billing.api.SupplierInvoiceRecordedEvent;
import coop.mutua.billing.api.SupplierInvoiceResolvedEvent;
import coop.mutua.billing.api.SupplierInvoiceStatus;
import coop.mutua.kernel.ConflictException;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Require;
import coop.mutua.kernel.RoundId;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A supplier's invoice or credit note for a grouped order, as recorded by the coordinator (or the supplier), and the
 * coordinator's decision on its differences. Without differences it is MATCHED at once; with some it waits
 * (TO_REVIEW) until accepted or disputed. Recorded again (a corrected invoice under the same number) it starts over.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class SupplierInvoice {

    @AggregateIdentifier
    private String supplierInvoiceId;
    private GroupementId groupementId;
    private RoundId roundId;
    private SupplierInvoiceStatus status;

    protected SupplierInvoice() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordSupplierInvoiceCommand command, Clock clock) {
        if (supplierInvoiceId != null && !groupementId.equals(command.groupementId())) {
            throw new NotFoundException("supplier-invoice", command.supplierInvoiceId());
        }
        Require.present(command.roundId(), "roundId");
        Require.present(command.supplierOrderId(), "supplierOrderId");
        Require.text(command.number(), "number", 100);
        Require.date(Require.present(command.issueDate(), "issueDate"), "issueDate");
        Require.date(command.dueDate(), "dueDate");
        List<SupplierInvoiceLine> lines = command.lines() == null ? List.of() : command.lines();
        if (lines.isEmpty() && (command.charges() == null || command.charges().isEmpty())) {
            throw new DomainException("supplier-invoice.empty");
        }
        Set<ProductId> products = new HashSet<>();
        for (SupplierInvoiceLine line : lines) {
            Require.present(line.productId(), "productId");
            Require.present(line.quantity(), "quantity");
            Require.present(line.unitPrice(), "unitPrice");
            Require.present(line.vatRate(), "vatRate");
            Require.present(line.amountExclVat(), "amount");
            if (!products.add(line.productId())) {
                throw new DomainException("billing.duplicate-line", line.label() == null ? line.productId() : line.label());
            }
            if (line.amountExclVat().isNegative()) {
                throw new DomainException("supplier-invoice.negative-line", line.label() == null ? line.productId() : line.label());
            }
        }
        if (command.dueDate() != null && command.dueDate().isBefore(command.issueDate())) {
            throw new DomainException("supplier-invoice.due-before-issue");
        }
        SupplierInvoiceStatus recorded = command.differences() == null || command.differences().isEmpty()
                ? SupplierInvoiceStatus.MATCHED : SupplierInvoiceStatus.TO_REVIEW;
        apply(new SupplierInvoiceRecordedEvent(command.supplierInvoiceId(), command.groupementId(), command.roundId(),
                command.supplierOrderId(), command.supplierId(), command.number().strip(), command.issueDate(), command.dueDate(),
                command.creditNote(), List.copyOf(lines), command.charges() == null ? List.of() : List.copyOf(command.charges()),
                command.vat() == null ? Map.of() : Map.copyOf(command.vat()),
                command.differences() == null ? List.of() : List.copyOf(command.differences()), recorded, clock.instant()));
    }

    @CommandHandler
    public void handle(ResolveSupplierInvoiceCommand command, Clock clock) {
        if (!groupementId.equals(command.groupementId())) {
            throw new NotFoundException("supplier-invoice", command.supplierInvoiceId());
        }
        if (status == SupplierInvoiceStatus.MATCHED) {
            throw new ConflictException("supplier-invoice.nothing-to-resolve");
        }
        String note = command.note() == null || command.note().isBlank() ? null : Require.paragraphs(command.note(), "note", 1000);
        if (!command.accept() && note == null) {
            throw new DomainException("field.required", "note");
        }
        apply(new SupplierInvoiceResolvedEvent(supplierInvoiceId, groupementId, roundId,
                command.accept() ? SupplierInvoiceStatus.ACCEPTED : SupplierInvoiceStatus.DISPUTED, note, clock.instant()));
    }

    @EventSourcingHandler
    void on(SupplierInvoiceRecordedEvent event) {
        supplierInvoiceId = event.supplierInvoiceId();
        groupementId = event.groupementId();
        roundId = event.roundId();
        status = event.status();
    }

    @EventSourcingHandler
    void on(SupplierInvoiceResolvedEvent event) {
        status = event.status();
    }
}
