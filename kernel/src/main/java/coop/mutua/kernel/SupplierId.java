package coop.mutua.kernel;

import java.util.UUID;

/** Identifier of a supplier of a groupement. */
public record SupplierId(String value) {

    public SupplierId {
        Ids.requireWellFormed(value, "SupplierId");
    }

    public static SupplierId random() {
        return new SupplierId(UUID.randomUUID().toString());
    }

    public static SupplierId of(String value) {
        return new SupplierId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
