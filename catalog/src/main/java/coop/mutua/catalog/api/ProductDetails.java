package coop.mutua.catalog.api;

import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.VatRate;
import java.util.Set;

/**
 * What a product is and how it is ordered: sold by {@code saleUnit}, in multiples of {@code step}, delivered in cases
 * of {@code caseSize} units, at least {@code minimumOrderQuantity} per pooled order (0: no minimum).
 */
public record ProductDetails(String name, String category, SaleUnit saleUnit, Quantity step, Quantity caseSize,
                             Quantity minimumOrderQuantity, VatRate vatRate, Set<ProductLabel> labels, String origin) {

    public ProductDetails {
        labels = labels == null ? Set.of() : Set.copyOf(labels);
    }
}
