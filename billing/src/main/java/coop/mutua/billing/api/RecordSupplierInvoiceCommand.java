package coop.mutua.billing.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.SupplierOrderId;
import coop.mutua.kernel.VatRate;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records the supplier's invoice (or credit note) of a grouped order, with the differences the three-way match found.
 * Recording the same supplier number again replaces it, until the round's member invoices are issued. Amounts are as
 * printed on the document (positive, also on a credit note).
 */
public record RecordSupplierInvoiceCommand(@TargetAggregateIdentifier String supplierInvoiceId, GroupementId groupementId,
                                           RoundId roundId, SupplierOrderId supplierOrderId, SupplierId supplierId, String number,
                                           LocalDate issueDate, LocalDate dueDate, boolean creditNote,
                                           List<SupplierInvoiceLine> lines, List<SupplierInvoiceCharge> charges,
                                           Map<VatRate, Money> vat, List<InvoiceDifference> differences) implements GroupementScoped {
}
