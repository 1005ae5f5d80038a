package coop.mutua.billing.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Cancels an issued invoice by a numbered credit note that cites it (the only way to correct an invoice). */
public record IssueCreditNoteCommand(@TargetAggregateIdentifier String invoiceId, GroupementId groupementId, String creditNoteId,
                                     Instant issuedAt, InvoiceDocument document) implements GroupementScoped {
}
