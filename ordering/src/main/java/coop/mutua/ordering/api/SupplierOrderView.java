package coop.mutua.ordering.api;

import coop.mutua.kernel.Money;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.SupplierOrderId;
import coop.mutua.kernel.UnitPrice;
import coop.mutua.kernel.VatRate;
import java.time.Instant;
import java.util.List;

/**
 * A grouped order to one supplier: its lines (cases, quantities, the tier price reached, amounts excluding VAT), totals,
 * the supplier's minimum and delivery fee, and, when asked for, every member's share of each line (the packing list);
 * {@code receivedBy}: the id of the user who stated what arrived.
 */
public record SupplierOrderView(SupplierOrderId id, RoundId roundId, SupplierId supplierId, SupplierOrderStatus status, Money totalExclVat,
                                Money deliveryFee, Money minimumOrder, boolean belowMinimum, Instant pooledAt,
                                int version, int confirmedVersion, Instant confirmedAt, Instant receivedAt, String receivedBy,
                                List<Line> lines) {

    /**
     * One product of the order: what was ordered of it (whole cases, the quantity, the tier price reached and the list
     * price, the amount), what the members asked and how it was shared, the supplier's report on it and what arrived.
     *
     * @param reported  the supplier's latest report on the line; {@code null} while it has reported nothing
     * @param reception what arrived; {@code null} before reception
     */
    public record Line(OrderedProduct product, long cases, Quantity quantity, UnitPrice unitPrice, UnitPrice listPrice,
                       Money amountExclVat, Demand demand, SupplierReport reported, Reception reception) {

        /** What arrived, or what was ordered while nothing is recorded yet (what a supplier invoice should bill). */
        public Quantity arrived() {
            return reception != null ? reception.delivered() : quantity;
        }
    }

    /** The product as it was ordered (its catalog entry at pooling). */
    public record OrderedProduct(ProductId id, String reference, String name, String saleUnit, VatRate vatRate, Quantity caseSize) {
    }

    /**
     * What the members asked of a product, and how the pooled quantity was shared among them.
     *
     * @param tolerance   the sum of the members' tolerances (what they accept more or less)
     * @param unallocated what of the ordered quantity no member took (rounding up to a case)
     */
    public record Demand(Quantity asked, Quantity tolerance, Quantity unallocated, List<MemberShare> shares) {
    }

    /** The supplier's latest report on a line: the change, the quantity it can deliver instead if any, its note if any. */
    public record SupplierReport(SupplierChange change, Quantity quantity, String note) {
    }

    /** What arrived of a line, and what of it no member could take. */
    public record Reception(Quantity delivered, Quantity unallocated) {
    }
}
