package coop.mutua.kernel;

import java.util.UUID;

/** Identifier of a request to be listed in the network directory, made by a supplier through the public form. */
public record ListingRequestId(String value) {

    public ListingRequestId {
        Ids.requireWellFormed(value, "ListingRequestId");
    }

    public static ListingRequestId random() {
        return new ListingRequestId(UUID.randomUUID().toString());
    }

    public static ListingRequestId of(String value) {
        return new ListingRequestId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
