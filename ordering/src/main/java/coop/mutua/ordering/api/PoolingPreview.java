package coop.mutua.ordering.api;

import coop.mutua.kernel.Money;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.UnitPrice;
import java.util.List;

/** "3 kg more fills the case and unlocks 2.10 EUR/kg": where the pool of a round stands, supplier by supplier. */
public record PoolingPreview(RoundId roundId, List<SupplierPool> suppliers) {

    /** One supplier's pooled order so far, and its progress towards the minimum and free shipping. */
    public record SupplierPool(SupplierId supplierId, String supplierName, Money orderedAmount, Money minimumOrder,
                               Money freeShippingThreshold, boolean minimumReached, boolean freeShipping,
                               List<ProductPool> products) {
    }

    /** One product: what members asked and accept, what would be ordered, and what would unlock more. */
    public record ProductPool(ProductId productId, String reference, String name, String saleUnit, Quantity caseSize,
                              Quantity pooledQuantity, Quantity pooledTolerance, long cases, Quantity orderedQuantity,
                              Quantity missingToNextCase, UnitPrice unitPrice, UnitPrice nextTierPrice,
                              Quantity quantityToNextTier, Quantity myQuantity, Quantity myTolerance) {
    }
}
