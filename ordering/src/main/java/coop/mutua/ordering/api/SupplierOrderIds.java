package coop.mutua.ordering.api;

import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.SupplierOrderId;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A supplier order's id follows from its round and supplier: pooling again finds the same order, never a second one. */
public final class SupplierOrderIds {

    private SupplierOrderIds() {
    }

    public static SupplierOrderId of(RoundId roundId, SupplierId supplierId) {
        return SupplierOrderId.of(UUID.nameUUIDFromBytes(("supplier-order:" + roundId.value() + ":" + supplierId.value()).getBytes(StandardCharsets.UTF_8))
                .toString());
    }
}
