package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.SupplierOrderId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The supplier reported, before delivery, that a line of its grouped order will change: a product missing, a quantity
 * reduced or replaced ({@code newQuantity}, null when missing), with its note for the coordinator and the members.
 */
@Revision("1")
public record SupplierChangeReportedEvent(SupplierOrderId supplierOrderId, GroupementId groupementId, RoundId roundId, SupplierId supplierId,
                                          ProductId productId, SupplierChange change, Quantity newQuantity, String note,
                                          Instant reportedAt) {
}
