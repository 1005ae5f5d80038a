package coop.mutua.billing.batch;

import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.MemberInvoiceId;
import coop.mutua.kernel.RoundId;

/** Told of each member invoice written, inside its chunk's transaction (tests use it to stop a job midway). */
public interface InvoicingProgress {

    void issued(RoundId roundId, MemberId memberId, MemberInvoiceId invoiceId);
}
