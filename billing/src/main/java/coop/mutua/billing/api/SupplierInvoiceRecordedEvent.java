package coop.mutua.billing.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.SupplierOrderId;
import coop.mutua.kernel.VatRate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.Revision;

/**
 * A supplier invoice (or credit note) was recorded against a grouped order, with its lines, charges and VAT per rate, and
 * the outcome of the three-way match against what was ordered and received: MATCHED, or the differences to decide on.
 */
@Revision("1")
public record SupplierInvoiceRecordedEvent(String supplierInvoiceId, GroupementId groupementId, RoundId roundId,
                                           SupplierOrderId supplierOrderId, SupplierId supplierId, String number, LocalDate issueDate,
                                           LocalDate dueDate, boolean creditNote, List<SupplierInvoiceLine> lines,
                                           List<SupplierInvoiceCharge> charges, Map<VatRate, Money> vat,
                                           List<InvoiceDifference> differences, SupplierInvoiceStatus status, Instant recordedAt) {
}
