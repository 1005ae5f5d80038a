package coop.mutua.billing.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.RoundId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The coordinator's decision on a supplier invoice with differences: ACCEPTED or DISPUTED, and its note. */
@Revision("1")
public record SupplierInvoiceResolvedEvent(String supplierInvoiceId, GroupementId groupementId, RoundId roundId,
                                           SupplierInvoiceStatus status, String note, Instant resolvedAt) {
}
