package coop.mutua.billing.api;

import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.MemberInvoiceId;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.RoundId;
import java.time.LocalDate;

/**
 * A member invoice or credit note as lists show it; {@code document} (lines, parties, totals) only when asked for one.
 * {@code relatedId}: for an invoice, the credit note that cancels it; for a credit note, the invoice it cancels.
 */
public record MemberInvoiceView(MemberInvoiceId id, RoundId roundId, MemberId memberId, String memberName, String number,
                                boolean creditNote, LocalDate issueDate, LocalDate dueDate, Money totalExclVat, Money vatTotal,
                                Money totalInclVat, MemberInvoiceStatus status, LocalDate paidOn, MemberInvoiceId relatedId,
                                InvoiceDocument document) {
}
