package coop.mutua.ordering.api;

import coop.mutua.kernel.Quantity;

/** How what a member gets of a product compares with what it asked, and why (shown to members after close). */
public enum ShareChange {
    /** Exactly what was asked. */
    AS_ORDERED,
    /** More than asked: the member's tolerance helped fill a case. */
    TOLERANCE_USED,
    /** Less than asked: a started case was not filled (or less was delivered), the shortfall shared by the round's policy. */
    REDUCED,
    /** Nothing: the pool did not reach a whole case or the supplier's minimum quantity. */
    NOT_ORDERED,
    /** Nothing: the supplier order stayed below the supplier's minimum amount and the coordinator cancelled it. */
    SUPPLIER_CANCELLED;

    public static ShareChange of(Quantity asked, Quantity allocated) {
        int compared = allocated.compareTo(asked);
        if (compared == 0) {
            return AS_ORDERED;
        }
        if (compared > 0) {
            return TOLERANCE_USED;
        }
        return allocated.isZero() ? NOT_ORDERED : REDUCED;
    }
}
