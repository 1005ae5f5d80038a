package coop.mutua.billing.api;

import coop.mutua.kernel.Money;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.SupplierOrderId;
import coop.mutua.kernel.VatRate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A recorded supplier invoice or credit note, its totals, the differences found and where it stands. */
public record SupplierInvoiceView(String id, RoundId roundId, SupplierOrderId supplierOrderId, SupplierId supplierId, String number,
                                  LocalDate issueDate, LocalDate dueDate, boolean creditNote, SupplierInvoiceStatus status,
                                  String note, Money totalExclVat, Money vatTotal, Money totalInclVat,
                                  List<SupplierInvoiceLine> lines, List<SupplierInvoiceCharge> charges, Map<VatRate, Money> vat,
                                  List<InvoiceDifference> differences, Instant recordedAt) {
}
