package coop.mutua.billing.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import coop.mutua.kernel.MemberInvoiceId;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The coordinator records that a member paid an invoice. */
public record RecordInvoicePaymentCommand(@TargetAggregateIdentifier MemberInvoiceId invoiceId, GroupementId groupementId,
                                          LocalDate paidOn) implements GroupementScoped {
}
