package coop.mutua.billing.api;

import coop.mutua.kernel.Money;

/** Member invoices issued and not paid (credit notes apart): how many, and their total incl. VAT. */
public record UnpaidInvoices(long count, Money totalInclVat) {
}
