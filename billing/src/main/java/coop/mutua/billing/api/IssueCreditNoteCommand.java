package coop.mutua.billing.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import coop.mutua.kernel.MemberInvoiceId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Cancels an issued invoice by a numbered credit note that cites it (the only way to correct an invoice). */
public record IssueCreditNoteCommand(@TargetAggregateIdentifier MemberInvoiceId invoiceId, GroupementId groupementId, MemberInvoiceId creditNoteId,
                                     Instant issuedAt, InvoiceDocument document) implements GroupementScoped {
}
