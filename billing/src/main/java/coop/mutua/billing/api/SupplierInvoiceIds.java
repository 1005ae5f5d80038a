package coop.mutua.billing.api;

import coop.mutua.kernel.SupplierOrderId;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/** A supplier invoice's id follows from its order and the supplier's number: recording it again replaces it. */
public final class SupplierInvoiceIds {

    private SupplierInvoiceIds() {
    }

    public static String of(SupplierOrderId supplierOrderId, String number) {
        return UUID.nameUUIDFromBytes(("supplier-invoice:" + supplierOrderId + ":" + number.strip().toUpperCase(Locale.ROOT))
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
