package coop.mutua.ordering.api;

/** How a difference between what members asked and what is ordered or delivered is shared among them. */
public enum AllocationPolicy {
    /** Default: in proportion to what each asked, by largest remainder in product steps. */
    PRO_RATA,
    /** Earlier submissions are served first. */
    FIRST_COME
}
