package coop.mutua.kernel;

import java.util.UUID;

/** Identifier of a product of a supplier's catalog. */
public record ProductId(String value) {

    public ProductId {
        Ids.requireWellFormed(value, "ProductId");
    }

    public static ProductId random() {
        return new ProductId(UUID.randomUUID().toString());
    }

    public static ProductId of(String value) {
        return new ProductId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
