package coop.mutua.ordering.api;

import coop.mutua.kernel.Role;

/**
 * Where a purchase round stands in its lifecycle (DOMAIN.md): DRAFT, OPEN, CLOSED, POOLED, RECEIVED, INVOICED, SETTLED,
 * or CANCELLED; a failed pooling or invoicing shows as POOLING_FAILED or INVOICING_FAILED with its reason until it is
 * retried.
 */
public enum RoundStatus {
    /** Being prepared by the coordinator; invisible to members. */
    DRAFT,
    /** Members order until the deadline. */
    OPEN,
    /** Orders no longer accepted; the pooling runs. */
    CLOSED,
    /** The pooling failed (the reason is on the round); retried automatically a few times, then by the coordinator. */
    POOLING_FAILED,
    /** Supplier orders made and sent (those below their supplier's minimum await the coordinator). */
    POOLED,
    /** Every supplier order that stands has been received. */
    RECEIVED,
    /** The members' invoicing failed (the reason is on the round); the coordinator starts it again. */
    INVOICING_FAILED,
    /** Member invoices issued. */
    INVOICED,
    /** Every member invoice paid or cancelled by a credit note. */
    SETTLED,
    /** Abandoned before closing. */
    CANCELLED;

    /** The status a failed job leaves the round in. */
    public static RoundStatus failed(RoundJob job) {
        return job == RoundJob.POOLING ? POOLING_FAILED : INVOICING_FAILED;
    }

    /** Who may see a round in this status: the coordinator always; members once it left its draft; suppliers never. */
    public boolean visibleTo(Role role) {
        return switch (role) {
            case COORDINATOR -> true;
            case MEMBER -> this != DRAFT;
            case SUPPLIER -> false;
        };
    }
}
