package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.UnitPrice;
import coop.mutua.kernel.VatRate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A product entered a supplier's catalog, with its list price and volume tiers. */
@Revision("1")
public record ProductAddedEvent(ProductId productId, GroupementId groupementId, SupplierId supplierId,
                                String reference, String name, String category, SaleUnit saleUnit, Quantity step,
                                Quantity caseSize, Quantity minimumOrderQuantity, UnitPrice unitPrice, VatRate vatRate,
                                List<PriceTier> tiers, String origin, boolean organic) {
}
