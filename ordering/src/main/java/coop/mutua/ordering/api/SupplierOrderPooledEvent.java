package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.SupplierOrderId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A supplier order was made by the pooling, in the status it starts in (BELOW_MINIMUM, SENT or CANCELLED). */
@Revision("1")
public record SupplierOrderPooledEvent(SupplierOrderId supplierOrderId, GroupementId groupementId, RoundId roundId, SupplierId supplierId,
                                       SupplierOrderStatus status, Instant pooledAt) {
}
