package coop.mutua.kernel;

import java.util.UUID;

/** Identifier of a member structure (association, cooperative, insertion enterprise...) of a groupement. */
public record MemberId(String value) {

    public MemberId {
        Ids.requireWellFormed(value, "MemberId");
    }

    public static MemberId random() {
        return new MemberId(UUID.randomUUID().toString());
    }

    public static MemberId of(String value) {
        return new MemberId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
