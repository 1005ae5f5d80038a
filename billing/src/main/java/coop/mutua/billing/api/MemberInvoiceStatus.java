package coop.mutua.billing.api;

/** An invoice is ISSUED, then PAID, or CREDITED when a credit note cancels it; a credit note is ISSUED. */
public enum MemberInvoiceStatus { ISSUED, PAID, CREDITED }
