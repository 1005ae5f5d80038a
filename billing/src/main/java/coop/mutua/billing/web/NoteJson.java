package coop.mutua.billing.web;

/** A note given with a decision (accepting or disputing a supplier invoice, the reason of a credit note). */
record NoteJson(String note) {
}
