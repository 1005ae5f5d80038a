package coop.mutua.app.axon;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A projection's dead-letter queue that never stops its processor. Axon's queue throws when a sequence (one aggregate) or
 * the queue is full, which halts the whole projection for every groupement, and a restart does not help (issue 15: after a
 * thousand edits of one poisoned product, nobody's catalog moved). Here a letter that does not fit is counted in
 * {@code dead_letter_overflow} (shown to operators), logged once per sequence and measured
 * ({@code mutua.projections.dead-letters.dropped}); the processor goes on with the next event.
 */
final class BoundedDeadLetterQueue implements SequencedDeadLetterQueue<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(BoundedDeadLetterQueue.class);

    private final String processingGroup;
    private final SequencedDeadLetterQueue<EventMessage<?>> queue;
    private final JdbcClient jdbc;
    private final MeterRegistry meters;

    BoundedDeadLetterQueue(String processingGroup, SequencedDeadLetterQueue<EventMessage<?>> queue, JdbcClient jdbc, MeterRegistry meters) {
        this.processingGroup = processingGroup;
        this.queue = queue;
        this.jdbc = jdbc;
        this.meters = meters;
    }

    @Override
    public void enqueue(Object sequenceIdentifier, DeadLetter<? extends EventMessage<?>> letter) {
        if (queue.isFull(sequenceIdentifier)) {
            dropped(sequenceIdentifier, letter);
        } else {
            queue.enqueue(sequenceIdentifier, letter);
        }
    }

    @Override
    public boolean enqueueIfPresent(Object sequenceIdentifier,
                                    Supplier<DeadLetter<? extends EventMessage<?>>> letterBuilder) {
        if (!queue.contains(sequenceIdentifier)) {
            return false;
        }
        enqueue(sequenceIdentifier, letterBuilder.get());
        return true;
    }

    private void dropped(Object sequenceIdentifier, DeadLetter<? extends EventMessage<?>> letter) {
        String sequence = sequenceIdentifier.toString();
        String type = letter.message().getPayloadType().getName();
        long dropped = jdbc.sql("""
                        INSERT INTO dead_letter_overflow (processing_group, sequence_identifier, dropped, first_dropped_at,
                                                          last_dropped_at, last_event_type)
                        VALUES (:group, :sequence, 1, now(), now(), :type)
                        ON CONFLICT (processing_group, sequence_identifier)
                        DO UPDATE SET dropped = dead_letter_overflow.dropped + 1, last_dropped_at = now(), last_event_type = :type
                        RETURNING dropped""")
                .param("group", processingGroup).param("sequence", sequence).param("type", type)
                .query(Long.class).single();
        meters.counter("mutua.projections.dead-letters.dropped", "group", processingGroup).increment();
        if (dropped == 1) {
            log.error("Projection {}: the dead letters of {} are full; its later events ({} first) are counted, not kept. "
                    + "Fix the cause, retry or evict on the operator's page, then rebuild the projection.", processingGroup, sequence, type);
        }
    }

    @Override
    public void evict(DeadLetter<? extends EventMessage<?>> letter) {
        queue.evict(letter);
    }

    @Override
    public void requeue(DeadLetter<? extends EventMessage<?>> letter,
                        UnaryOperator<DeadLetter<? extends EventMessage<?>>> letterUpdater) {
        queue.requeue(letter, letterUpdater);
    }

    @Override
    public boolean contains(Object sequenceIdentifier) {
        return queue.contains(sequenceIdentifier);
    }

    @Override
    public Iterable<DeadLetter<? extends EventMessage<?>>> deadLetterSequence(Object sequenceIdentifier) {
        return queue.deadLetterSequence(sequenceIdentifier);
    }

    @Override
    public Iterable<Iterable<DeadLetter<? extends EventMessage<?>>>> deadLetters() {
        return queue.deadLetters();
    }

    @Override
    public boolean isFull(Object sequenceIdentifier) {
        // Never full for Axon: a letter that does not fit is counted instead (above).
        return false;
    }

    @Override
    public long size() {
        return queue.size();
    }

    @Override
    public long sequenceSize(Object sequenceIdentifier) {
        return queue.sequenceSize(sequenceIdentifier);
    }

    @Override
    public long amountOfSequences() {
        return queue.amountOfSequences();
    }

    @Override
    public boolean process(Predicate<DeadLetter<? extends EventMessage<?>>> sequenceFilter,
                           Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> processingTask) {
        return queue.process(sequenceFilter, processingTask);
    }

    @Override
    public void clear() {
        queue.clear();
    }
}
