package coop.mutua.billing.api;

import coop.mutua.kernel.GroupementId;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record MemberInvoicePaidEvent(String invoiceId, GroupementId groupementId, LocalDate paidOn) {
}
