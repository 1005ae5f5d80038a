/**
 * Billing context: supplier invoices, the exact split to the cent, member invoices (PDF and Factur-X), numbering
 * and reports. Empty until the Billing issue; the module exists so that the module graph is the final one from the
 * start and the architecture test already guards it.
 */
package coop.mutua.billing;
