package coop.mutua.billing.api;

import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.MemberInvoiceId;
import coop.mutua.kernel.RoundId;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** One invoice per member per round: its id follows from both, so issuing it twice is refused by the event store. */
public final class MemberInvoiceIds {

    private MemberInvoiceIds() {
    }

    public static MemberInvoiceId of(RoundId roundId, MemberId memberId) {
        return MemberInvoiceId.of(UUID.nameUUIDFromBytes(("member-invoice:" + roundId.value() + ":" + memberId.value()).getBytes(StandardCharsets.UTF_8))
                .toString());
    }

    public static MemberInvoiceId creditNoteOf(MemberInvoiceId invoiceId) {
        return MemberInvoiceId.of(UUID.nameUUIDFromBytes(("credit-note:" + invoiceId.value()).getBytes(StandardCharsets.UTF_8)).toString());
    }
}
