package coop.mutua.kernel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Identifier of a listing in the network directory: one per legal entity, derived from its SIRET (ADR 22), so that two
 * groupements listing the same supplier meet on one listing without looking it up. A bare string in events and JSON.
 */
public record ListingId(@JsonValue String value) {

    public ListingId {
        Ids.requireWellFormed(value, "ListingId");
    }

    @JsonCreator
    public static ListingId of(String value) {
        return new ListingId(value);
    }

    /** The listing of the entity with this SIRET (checked). */
    public static ListingId ofSiret(Siret siret) {
        return new ListingId(UUID.nameUUIDFromBytes(("mutua-listing:" + siret.value()).getBytes(StandardCharsets.UTF_8)).toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
