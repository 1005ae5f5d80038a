package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.SupplierOrderId;
import java.time.Instant;
import java.util.Map;
import org.axonframework.serialization.Revision;

/** Delivered quantities of a supplier order's lines; the members' shares follow them by the round's policy. */
@Revision("1")
public record ReceptionRecordedEvent(SupplierOrderId supplierOrderId, GroupementId groupementId, RoundId roundId, SupplierId supplierId,
                                     Map<ProductId, Quantity> delivered, Instant receivedAt) {
}
