package coop.mutua.billing.query;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Invoice parts stored as JSON columns, in the same form as in the events. */
final class InvoiceJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private InvoiceJson() {
    }

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    static <T> T read(String json, TypeReference<T> type) {
        return MAPPER.readValue(json, type);
    }

    static <T> T read(String json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }
}
