package coop.mutua.billing.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.MemberInvoiceId;
import coop.mutua.kernel.RoundId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Issues a member's invoice for a round, numbered in the issuing transaction; the document is final. */
public record IssueMemberInvoiceCommand(@TargetAggregateIdentifier MemberInvoiceId invoiceId, GroupementId groupementId, RoundId roundId,
                                        MemberId memberId, Instant issuedAt, InvoiceDocument document) implements GroupementScoped {
}
