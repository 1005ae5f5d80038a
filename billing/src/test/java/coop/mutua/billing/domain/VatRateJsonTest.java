package coop.mutua.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.billing.api.SupplierInvoiceCharge;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.VatRate;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A VAT rate is its percentage in JSON, as a value and as a map key; the names of events stored before ADR 12 still read. */
class VatRateJsonTest {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void ratesAreWrittenAsTheirPercentageEverywhere() {
        Map<VatRate, Money> vat = new EnumMap<>(VatRate.class);
        for (VatRate rate : VatRate.values()) {
            vat.put(rate, Money.parse("1.00"));
        }
        String json = mapper.writeValueAsString(vat);
        assertThat(json).contains("\"20\"", "\"10\"", "\"5.5\"", "\"2.1\"").doesNotContain("STANDARD", "INTERMEDIATE");
        assertThat(mapper.readValue(json, new TypeReference<Map<VatRate, Money>>() { })).isEqualTo(vat);
        String charge = mapper.writeValueAsString(new SupplierInvoiceCharge("Livraison", VatRate.INTERMEDIATE, Money.parse("3.00")));
        assertThat(charge).contains("\"vatRate\":\"10\"");
        assertThat(mapper.readValue(charge, SupplierInvoiceCharge.class).vatRate()).isEqualTo(VatRate.INTERMEDIATE);
    }

    @Test
    void namesWrittenBeforeStillRead() {
        String money = mapper.writeValueAsString(Money.parse("1.00"));
        Map<VatRate, Money> legacy = mapper.readValue("{\"INTERMEDIATE\":" + money + ",\"SPECIAL\":" + money + "}",
                new TypeReference<Map<VatRate, Money>>() { });
        assertThat(legacy).containsOnlyKeys(VatRate.INTERMEDIATE, VatRate.SPECIAL);
        assertThat(mapper.readValue("{\"reason\":\"x\",\"vatRate\":\"REDUCED\",\"amountExclVat\":" + money + "}", SupplierInvoiceCharge.class)
                .vatRate()).isEqualTo(VatRate.REDUCED);
    }
}
