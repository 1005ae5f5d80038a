/**
 * Billing context: supplier invoices and the three-way match, the exact split to the cent, member invoices (PDF and
 * Factur-X) numbered in the groupement's gap-free series, credit notes, payments, and the reports.
 */
package coop.mutua.billing;
