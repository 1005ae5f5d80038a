package coop.mutua.kernel;

import java.util.UUID;

/** Identifier of a purchase round. */
public record RoundId(String value) {

    public RoundId {
        Ids.requireWellFormed(value, "RoundId");
    }

    public static RoundId random() {
        return new RoundId(UUID.randomUUID().toString());
    }

    public static RoundId of(String value) {
        return new RoundId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
