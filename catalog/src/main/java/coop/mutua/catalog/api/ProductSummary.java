package coop.mutua.catalog.api;

import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.UnitPrice;
import coop.mutua.kernel.VatRate;
import java.util.List;

/** A product as catalog pages and other contexts see it. */
public record ProductSummary(ProductId id, SupplierId supplierId, String reference, String name, String category,
                             SaleUnit saleUnit, Quantity step, Quantity caseSize, Quantity minimumOrderQuantity,
                             UnitPrice unitPrice, VatRate vatRate, List<PriceTier> tiers, String origin,
                             boolean organic, boolean available) {
}
