package coop.mutua.catalog.upcasting;

import coop.mutua.catalog.api.SupplierRegisteredEvent;
import coop.mutua.catalog.api.SupplierUpdatedEvent;
import java.util.List;
import java.util.Set;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Revision 1 of {@link SupplierRegisteredEvent} and {@link SupplierUpdatedEvent} had the supplier's details as fourteen
 * fields of the event; revision 2 groups them in {@code details} (the terms in {@code details.terms}). Stored events of
 * revision 1 are read as revision 2, field for field; nothing else changes.
 */
@Component
public class SupplierDetailsUpcaster extends SingleEventUpcaster {

    private static final Set<String> TYPES = Set.of(SupplierRegisteredEvent.class.getName(), SupplierUpdatedEvent.class.getName());
    private static final List<String> DETAILS = List.of("name", "siret", "vatNumber", "essFamily", "labels", "address", "location",
            "orderEmail");
    private static final List<String> TERMS = List.of("minimumOrder", "freeShippingThreshold", "deliveryFee");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return TYPES.contains(representation.getType().getName()) && "1".equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(representation.getType().getName(), "2"), ObjectNode.class,
                SupplierDetailsUpcaster::nest);
    }

    static ObjectNode nest(ObjectNode event) {
        ObjectNode details = event.objectNode();
        DETAILS.forEach(field -> move(event, details, field));
        ObjectNode terms = details.putObject("terms");
        TERMS.forEach(field -> move(event, terms, field));
        move(event, details, "description");
        event.set("details", details);
        return event;
    }

    private static void move(ObjectNode from, ObjectNode to, String field) {
        JsonNode value = from.remove(field);
        if (value == null) {
            to.putNull(field);
        } else {
            to.set(field, value);
        }
    }
}
