package coop.mutua.catalog.api;

/** What a catalog import does when some rows are bad. */
public enum ImportMode {
    /** The default: any bad row and nothing is imported. */
    ALL_OR_NOTHING,
    /** Import the valid rows, report the others. */
    VALID_ROWS
}
