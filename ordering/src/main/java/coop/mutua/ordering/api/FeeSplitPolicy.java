package coop.mutua.ordering.api;

/** How delivery fees and discounts of a supplier invoice are shared among members. */
public enum FeeSplitPolicy {
    /** Default: in proportion to each member's amount excl. VAT. */
    BY_VALUE,
    /** In proportion to quantities received. */
    BY_WEIGHT,
    /** The same share for every member served. */
    EQUAL
}
