package coop.mutua.ordering.query;

import coop.mutua.ordering.api.OfferedProduct;
import tools.jackson.databind.json.JsonMapper;

/** A frozen offered product as stored in round_offer.offered (the same JSON form as in the event). */
public final class OfferJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private OfferJson() {
    }

    static String write(OfferedProduct product) {
        return MAPPER.writeValueAsString(product);
    }

    public static OfferedProduct read(String json) {
        return MAPPER.readValue(json, OfferedProduct.class);
    }
}
