package coop.mutua.ordering.api;

import coop.mutua.kernel.Money;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.UnitPrice;
import java.util.List;

/** "3 kg more fills the case and unlocks 2.10 EUR/kg": where the pool of a round stands, supplier by supplier. */
public record PoolingPreview(RoundId roundId, List<SupplierPool> suppliers, MyOrder myOrder) {

    /**
     * The viewing member's own order if the round closed now (null for a coordinator): what it would receive at the
     * prices the pool reaches, excluding VAT and including it, and what the pool's volume tiers save on it. Delivery
     * fees and the groupement's fee are shared at close and not included.
     */
    public record MyOrder(int lines, Money totalExclVat, Money totalInclVat, Money savings) {
    }

    /** The viewing member's line if the round closed now: the outcome, what it would receive and what it would not. */
    public record MyLine(LineOutcome outcome, Quantity expected, Quantity shortfall) {
    }

    /** One supplier's pooled order so far, and its progress towards the minimum and free shipping. */
    public record SupplierPool(SupplierId supplierId, String supplierName, Money orderedAmount, Money minimumOrder,
                               Money freeShippingThreshold, boolean minimumReached, boolean freeShipping,
                               List<ProductPool> products) {
    }

    /** One product: what members asked and accept, what would be ordered, and what would unlock more. */
    public record ProductPool(ProductId productId, String reference, String name, String saleUnit, Quantity caseSize,
                              Quantity pooledQuantity, Quantity pooledTolerance, long cases, Quantity orderedQuantity,
                              Quantity missingToNextCase, UnitPrice unitPrice, UnitPrice nextTierPrice,
                              Quantity quantityToNextTier, Quantity myQuantity, Quantity myTolerance, MyLine myLine) {
    }
}
