package coop.mutua.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.billing.api.MemberInvoicePaidEvent;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.MemberInvoiceId;
import coop.mutua.kernel.SupplierOrderId;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Supplier order and member invoice ids were Strings in the events stored before they were typed: they are still
 * written as bare strings, and events written with Strings read into the typed ids.
 */
class TypedIdsJsonTest {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void typedIdsAreBareStringsAsBefore() {
        assertThat(mapper.writeValueAsString(SupplierOrderId.of("3f1c"))).isEqualTo("\"3f1c\"");
        assertThat(mapper.writeValueAsString(MemberInvoiceId.of("9a2b"))).isEqualTo("\"9a2b\"");
        MemberInvoicePaidEvent paid = new MemberInvoicePaidEvent(MemberInvoiceId.of("9a2b"), GroupementId.of("g-1"), LocalDate.of(2026, 12, 2));
        assertThat(mapper.writeValueAsString(paid)).contains("\"invoiceId\":\"9a2b\"");
    }

    @Test
    void eventsWrittenWithStringIdsStillRead() {
        MemberInvoicePaidEvent paid = mapper.readValue(
                "{\"invoiceId\":\"9a2b\",\"groupementId\":{\"value\":\"g-1\"},\"paidOn\":\"2026-12-02\"}", MemberInvoicePaidEvent.class);
        assertThat(paid.invoiceId()).isEqualTo(MemberInvoiceId.of("9a2b"));
        SupplierOrderId order = mapper.readValue("\"3f1c\"", SupplierOrderId.class);
        assertThat(order).isEqualTo(SupplierOrderId.of("3f1c"));
    }
}
