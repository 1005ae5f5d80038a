package coop.mutua.billing.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.MemberInvoiceId;
import coop.mutua.kernel.RoundId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A credit note cancelling invoice {@code invoiceId}, as issued. Revision 2 groups the document's fields
 * ({@code InvoiceDocumentUpcaster} reads revision 1).
 */
@Revision("2")
public record CreditNoteIssuedEvent(MemberInvoiceId invoiceId, MemberInvoiceId creditNoteId, GroupementId groupementId, RoundId roundId,
                                    MemberId memberId, Instant issuedAt, InvoiceDocument document) {
}
