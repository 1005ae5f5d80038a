package coop.mutua.ordering.api;

import coop.mutua.kernel.Money;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.UnitPrice;
import coop.mutua.kernel.VatRate;
import java.time.Instant;
import java.util.List;

/**
 * A grouped order to one supplier: its lines (cases, quantities, the tier price reached, amounts excluding VAT), totals,
 * the supplier's minimum and delivery fee, and, when asked for, every member's share of each line (the packing list);
 * {@code receivedBy}: the id of the user who stated what arrived.
 */
public record SupplierOrderView(String id, RoundId roundId, SupplierId supplierId, SupplierOrderStatus status, Money totalExclVat,
                                Money deliveryFee, Money minimumOrder, boolean belowMinimum, Instant pooledAt,
                                int version, int confirmedVersion, Instant confirmedAt, Instant receivedAt, String receivedBy,
                                List<Line> lines) {

    /**
     * {@code reportedChange} and what goes with it: the supplier's latest report on the line, if any; {@code delivered}:
     * what arrived (null before reception), and what of it no member could take.
     */
    public record Line(ProductId productId, String reference, String name, String saleUnit, VatRate vatRate, Quantity caseSize,
                       long cases, Quantity quantity, UnitPrice unitPrice, UnitPrice listPrice, Money amountExclVat,
                       Quantity asked, Quantity tolerance, Quantity unallocated, List<MemberShare> shares,
                       SupplierChange reportedChange, Quantity reportedQuantity, String reportedNote, Quantity delivered,
                       Quantity deliveredUnallocated) {

        /** What arrived, or what was ordered while nothing is recorded yet (what a supplier invoice should bill). */
        public Quantity arrived() {
            return delivered != null ? delivered : quantity;
        }
    }
}
