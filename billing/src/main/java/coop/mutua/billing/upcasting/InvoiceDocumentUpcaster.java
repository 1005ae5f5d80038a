package coop.mutua.billing.upcasting;

import coop.mutua.billing.api.CreditNoteIssuedEvent;
import coop.mutua.billing.api.InvoiceDocument;
import coop.mutua.billing.api.MemberInvoiceIssuedEvent;
import java.util.Set;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Revision 1 of {@link MemberInvoiceIssuedEvent} and {@link CreditNoteIssuedEvent} carried an {@link InvoiceDocument} of
 * fifteen positional fields; revision 2 groups them in {@code parties}, {@code sale}, {@code payment} and, on a credit
 * note, {@code cancels} (the {@code creditNote} flag becomes its presence). Stored events of revision 1 are read as
 * revision 2, field for field. The read model's copies were moved the same way by the billing migration of 2026-12-05.
 */
@Component
public class InvoiceDocumentUpcaster extends SingleEventUpcaster {

    private static final Set<String> TYPES = Set.of(MemberInvoiceIssuedEvent.class.getName(), CreditNoteIssuedEvent.class.getName());

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return TYPES.contains(representation.getType().getName()) && "1".equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(representation.getType().getName(), "2"), ObjectNode.class,
                event -> {
                    event.set("document", group((ObjectNode) event.get("document")));
                    return event;
                });
    }

    /** A revision 1 document as revision 2 writes it. */
    static ObjectNode group(ObjectNode flat) {
        ObjectNode grouped = flat.objectNode();
        grouped.set("number", flat.get("number"));
        grouped.set("issueDate", flat.get("issueDate"));
        ObjectNode parties = grouped.putObject("parties");
        copy(flat, parties, "seller", "seller");
        copy(flat, parties, "sellerRegime", "sellerRegime");
        copy(flat, parties, "buyer", "buyer");
        ObjectNode sale = grouped.putObject("sale");
        copy(flat, sale, "roundId", "roundId");
        copy(flat, sale, "roundTitle", "roundTitle");
        copy(flat, sale, "deliveryDate", "deliveryDate");
        grouped.set("draft", flat.get("draft"));
        ObjectNode payment = grouped.putObject("payment");
        copy(flat, payment, "dueDate", "dueDate");
        copy(flat, payment, "latePaymentTerms", "latePaymentTerms");
        JsonNode creditNote = flat.get("creditNote");
        if (creditNote != null && creditNote.asBoolean()) {
            ObjectNode cancels = grouped.putObject("cancels");
            copy(flat, cancels, "originalNumber", "originalNumber");
            copy(flat, cancels, "originalDate", "originalDate");
            copy(flat, cancels, "creditReason", "reason");
        } else {
            grouped.putNull("cancels");
        }
        return grouped;
    }

    private static void copy(ObjectNode from, ObjectNode to, String field, String as) {
        JsonNode value = from.get(field);
        if (value == null) {
            to.putNull(as);
        } else {
            to.set(as, value);
        }
    }
}
