package coop.mutua.billing.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.MemberInvoiceId;
import coop.mutua.kernel.RoundId;

/** Member invoices and credit notes of a groupement: of a round, a member and/or one invoice when given (null: any). */
public record FindMemberInvoicesQuery(GroupementId groupementId, RoundId roundId, MemberId memberId, MemberInvoiceId invoiceId) {
}
