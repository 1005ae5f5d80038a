package coop.mutua.catalog.api;

/** Where a catalog import stands. */
public enum ImportStatus {
    QUEUED, VALIDATING, IMPORTING,
    /** Rows imported (all of them, or the valid ones in VALID_ROWS mode). */
    DONE,
    /** Bad rows in ALL_OR_NOTHING mode: nothing was imported. */
    REJECTED,
    /** Stopped by an unexpected error; can be restarted. */
    FAILED;

    public boolean finished() {
        return this == DONE || this == REJECTED || this == FAILED;
    }
}
