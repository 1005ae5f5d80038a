package coop.mutua.kernel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Identifier of a member invoice or credit note. Written as a bare string in events and JSON, as it was
 * when it was a String: stored events keep loading without an upcaster.
 */
public record MemberInvoiceId(@JsonValue String value) {

    public MemberInvoiceId {
        Ids.requireWellFormed(value, "MemberInvoiceId");
    }

    @JsonCreator
    public static MemberInvoiceId of(String value) {
        return new MemberInvoiceId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
