package coop.mutua.kernel;

import java.util.UUID;

/** Identifier of a user account (coordinator, member user or supplier user). */
public record UserId(String value) {

    public UserId {
        Ids.requireWellFormed(value, "UserId");
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID().toString());
    }

    public static UserId of(String value) {
        return new UserId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
