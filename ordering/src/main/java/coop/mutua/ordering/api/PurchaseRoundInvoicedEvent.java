package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.RoundId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Every member of the round has its invoice. */
@Revision("1")
public record PurchaseRoundInvoicedEvent(RoundId roundId, GroupementId groupementId, int invoices, Instant invoicedAt) {
}
