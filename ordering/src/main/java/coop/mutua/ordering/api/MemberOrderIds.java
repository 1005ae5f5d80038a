package coop.mutua.ordering.api;

import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.RoundId;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** One order per (round, member): its id is derived from both, so every submission addresses the same order. */
public final class MemberOrderIds {

    private MemberOrderIds() {
    }

    public static String of(RoundId roundId, MemberId memberId) {
        String key = "member-order/" + roundId.value() + "/" + memberId.value();
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
