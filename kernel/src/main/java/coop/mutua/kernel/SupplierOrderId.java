package coop.mutua.kernel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Identifier of a supplier order (one per round and supplier). Written as a bare string in events and JSON, as it was
 * when it was a String: stored events keep loading without an upcaster.
 */
public record SupplierOrderId(@JsonValue String value) {

    public SupplierOrderId {
        Ids.requireWellFormed(value, "SupplierOrderId");
    }

    @JsonCreator
    public static SupplierOrderId of(String value) {
        return new SupplierOrderId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
