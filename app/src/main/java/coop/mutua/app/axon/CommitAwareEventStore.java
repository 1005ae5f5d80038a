package coop.mutua.app.axon;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's embedded event store wakes its event reader (which feeds the tracking processors) when a unit of work commits.
 * Two changes:
 * <ul>
 * <li>A unit of work that runs inside a longer transaction (an order submission, a batch step) "commits" before that
 * transaction does: the reader was woken too early, found nothing yet, and went back to sleep for the fetch delay (a
 * second). Here the wake-up waits for the real commit, so projections follow within milliseconds.</li>
 * <li>Every wake-up costs the reader two or three queries (the new events, then an empty read and Axon's gap check).
 * Under load, one per commit made these queries half of the event store's work; wake-ups are therefore gathered: the
 * first commit schedules one a few milliseconds later, and the commits until then ride on it.</li>
 * </ul>
 */
class CommitAwareEventStore extends EmbeddedEventStore {

    /** How long a wake-up waits for further commits: the projections' added lag, at most. */
    static final Duration WAKE_UP_GATHERING = Duration.ofMillis(5);

    private final ScheduledExecutorService waker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "event-store-waker");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean wakeUpScheduled = new AtomicBoolean();

    CommitAwareEventStore(Builder builder) {
        super(builder);
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wakeUpSoon(events);
                }
            });
        } else {
            wakeUpSoon(events);
        }
    }

    private void wakeUpSoon(List<? extends EventMessage<?>> events) {
        if (wakeUpScheduled.compareAndSet(false, true)) {
            waker.schedule(() -> {
                // Cleared first: a commit from now on schedules the next wake-up, so none is missed.
                wakeUpScheduled.set(false);
                super.afterCommit(events);
            }, WAKE_UP_GATHERING.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void shutDown() {
        waker.shutdownNow();
        super.shutDown();
    }
}
