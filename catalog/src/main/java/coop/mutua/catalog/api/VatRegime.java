package coop.mutua.catalog.api;

/** How a groupement stands towards VAT: decides what its member invoices must say. */
public enum VatRegime {
    /** Charges VAT at the products' rates and states its VAT number. */
    REGISTERED,
    /** Small-business franchise: no VAT charged, invoices say "TVA non applicable, art. 293 B du CGI". */
    FRANCHISE_293B,
    /** Outside the scope of VAT (e.g. a non-profit with no taxable activity). */
    NOT_REGISTERED
}
