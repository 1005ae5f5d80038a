package coop.mutua.billing.api;

import coop.mutua.kernel.GroupementId;

/** How many member invoices of the groupement wait to be paid, and their total: answers {@link UnpaidInvoices}. */
public record FindUnpaidInvoicesQuery(GroupementId groupementId) {
}
