package coop.mutua.catalog.api;

import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.SupplierId;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * The supplier reference is a product's key: its id is derived from (supplier, reference), so that forms, the API
 * and imports always address the same product, and a re-import updates instead of duplicating.
 */
public final class ProductIds {

    private ProductIds() {
    }

    public static ProductId of(SupplierId supplierId, String reference) {
        String key = "product/" + supplierId.value() + "/" + reference.strip().toUpperCase(Locale.ROOT);
        return ProductId.of(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString());
    }
}
