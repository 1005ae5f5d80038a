package coop.mutua.app.axon;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's embedded event store wakes the tracking processors up when a unit of work commits. A unit of work that runs
 * inside a longer transaction (an order submission, a batch step) "commits" before that transaction does: the processors
 * were woken too early, found nothing yet, and went back to sleep for the fetch delay (a second). Here the wake-up waits
 * for the real commit, so projections follow within milliseconds.
 */
class CommitAwareEventStore extends EmbeddedEventStore {

    CommitAwareEventStore(Builder builder) {
        super(builder);
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    CommitAwareEventStore.super.afterCommit(events);
                }
            });
        } else {
            super.afterCommit(events);
        }
    }
}
