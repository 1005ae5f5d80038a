package coop.mutua.catalog.api;

/** Where a listing request stands: waiting for the coordinator, waiting for the supplier's changes, or decided. */
public enum ListingRequestStatus {
    SUBMITTED, CHANGES_REQUESTED, ACCEPTED, REFUSED
}
