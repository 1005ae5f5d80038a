package coop.mutua.kernel;

import java.util.UUID;

/** Identifier of the tenant: a regional ESS network that runs pooled buying. */
public record GroupementId(String value) {

    public GroupementId {
        Ids.requireWellFormed(value, "GroupementId");
    }

    public static GroupementId random() {
        return new GroupementId(UUID.randomUUID().toString());
    }

    public static GroupementId of(String value) {
        return new GroupementId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
