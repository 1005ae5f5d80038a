package coop.mutua.billing.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.MemberInvoiceId;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The coordinator recorded a member invoice as paid, on the day the payment was received. */
@Revision("1")
public record MemberInvoicePaidEvent(MemberInvoiceId invoiceId, GroupementId groupementId, LocalDate paidOn) {
}
