package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.SupplierOrderId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The supplier's invoice of a received order was recorded: what arrived is final. */
@Revision("1")
public record SupplierOrderInvoicedEvent(SupplierOrderId supplierOrderId, GroupementId groupementId, RoundId roundId, SupplierId supplierId,
                                         String supplierInvoiceId, Instant invoicedAt) {
}
