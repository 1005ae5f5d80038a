package coop.mutua.ordering.api;

/** What a member's line would become if the round closed now (the order page says it in words, per line). */
public enum LineOutcome {
    /** The member has not ordered the product. */
    NOT_ORDERED,
    /** Exactly what was asked. */
    SERVED_IN_FULL,
    /** More than asked: the member's tolerance helps fill a case. */
    MORE_WITHIN_TOLERANCE,
    /** Part of what was asked: a started case is not full yet, the rest waits for more orders or tolerance. */
    PARTLY_SERVED,
    /** Nothing yet: not a single case (or not the supplier's minimum quantity) is reached. */
    NOT_SERVED
}
