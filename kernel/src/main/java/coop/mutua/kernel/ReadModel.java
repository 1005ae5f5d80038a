package coop.mutua.kernel;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a projection (an event handler class of its own processing group) as a read model the operator can rebuild
 * from the event store, and names the tables it writes. A rebuild (README, "Rebuilding read models") builds new
 * copies of these tables from every stored event while the service keeps answering from the old ones, then swaps them
 * in one transaction.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadModel {

    /**
     * A PostgreSQL setting that is {@code on} in the transactions of a rebuild, and unset otherwise: a handler that
     * takes a lock other writers wait for (a gate between commands) skips it there, since a replayed event changes no
     * live state and its lock would be held for the rebuild's whole batch.
     */
    String REBUILDING = "mutua.rebuilding";

    /** The tables written from the events alone: rebuilt from empty. */
    String[] tables();

    /**
     * Tables whose rows are also written outside the events (the pooling job writes supplier orders and shares, events
     * only move them on): copied when a rebuild starts, then reset by the projection's reset handler to what the job
     * wrote, and the events replayed on them. Rows the job writes while the rebuild runs are copied as they stand at
     * the swap.
     */
    String[] seeded() default {};

    /** Tables of another read model this one also updates: a rebuild of this one rebuilds that one with it. */
    String[] alsoWrites() default {};
}
