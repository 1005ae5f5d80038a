package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.SupplierOrderId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The supplier (or the coordinator on its behalf) confirmed this version of its grouped order: a later change of the
 * order asks for a new confirmation.
 */
@Revision("1")
public record SupplierOrderConfirmedEvent(SupplierOrderId supplierOrderId, GroupementId groupementId, RoundId roundId, SupplierId supplierId,
                                          int version, Instant confirmedAt) {
}
