package coop.mutua.catalog.query;

import coop.mutua.catalog.api.PriceTier;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.UnitPrice;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Price tiers as stored in the product table's JSONB column: [{"from":"12","price":"2.10"}, ...]. */
final class TierJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final TypeReference<List<Row>> ROWS = new TypeReference<>() {
    };

    private record Row(String from, String price) {
    }

    private TierJson() {
    }

    static String write(List<PriceTier> tiers) {
        return MAPPER.writeValueAsString(tiers.stream()
                .map(tier -> new Row(tier.fromQuantity().toString(), tier.unitPrice().toString()))
                .toList());
    }

    static List<PriceTier> read(String json) {
        return MAPPER.readValue(json, ROWS).stream()
                .map(row -> new PriceTier(Quantity.of(row.from()), UnitPrice.of(row.price())))
                .toList();
    }
}
