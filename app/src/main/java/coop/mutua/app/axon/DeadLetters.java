package coop.mutua.app.axon;

import coop.mutua.kernel.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the projections could not handle, for the operator: per projection and aggregate (a sequence), the events kept as
 * dead letters, those counted beyond the bound, the first event's type and the cause; retry (the projection handles the
 * sequence again, in order) or evict (forget it; the projection then needs a rebuild for that aggregate).
 */
@Service
public class DeadLetters {

    /** One aggregate's events a projection is holding back. */
    public record Sequence(String projection, String sequence, long letters, long dropped, String eventType, String causeType,
                           String causeMessage, Instant enqueuedAt, Instant lastTouched) {
    }

    private final JdbcClient jdbc;
    private final EventProcessingConfiguration processing;

    DeadLetters(JdbcClient jdbc, EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.processing = processing;
    }

    public List<Sequence> list() {
        List<Sequence> sequences = new ArrayList<>(jdbc.sql("""
                        SELECT d.processinggroup, d.sequenceidentifier, d.letters, coalesce(o.dropped, 0) AS dropped,
                               f.payloadtype, f.causetype, f.causemessage, f.enqueuedat, d.lasttouched
                        FROM (SELECT processinggroup, sequenceidentifier, count(*) AS letters, min(sequenceindex) AS first,
                                     max(coalesce(lasttouched, enqueuedat)) AS lasttouched
                              FROM deadletterentry GROUP BY processinggroup, sequenceidentifier) d
                        JOIN deadletterentry f ON f.processinggroup = d.processinggroup
                             AND f.sequenceidentifier = d.sequenceidentifier AND f.sequenceindex = d.first
                        LEFT JOIN dead_letter_overflow o ON o.processing_group = d.processinggroup
                             AND o.sequence_identifier = d.sequenceidentifier
                        ORDER BY f.enqueuedat""")
                .query((rs, n) -> new Sequence(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        simpleName(rs.getString(5)), simpleName(rs.getString(6)), rs.getString(7), instant(rs.getString(8)),
                        instant(rs.getString(9))))
                .list());
        // Counted beyond the bound while its kept letters were already retried or evicted.
        sequences.addAll(jdbc.sql("""
                        SELECT processing_group, sequence_identifier, dropped, last_event_type, first_dropped_at, last_dropped_at
                        FROM dead_letter_overflow o WHERE NOT EXISTS (SELECT 1 FROM deadletterentry d
                            WHERE d.processinggroup = o.processing_group AND d.sequenceidentifier = o.sequence_identifier)
                        ORDER BY first_dropped_at""")
                .query((rs, n) -> new Sequence(rs.getString(1), rs.getString(2), 0, rs.getLong(3), simpleName(rs.getString(4)),
                        null, null, rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant()))
                .list());
        return sequences;
    }

    /** Lets the projection handle the sequence again; true when every letter went through (and left the queue). */
    public boolean retry(String projection, String sequence) {
        requireKnown(projection, sequence);
        return processing.sequencedDeadLetterProcessor(projection).orElseThrow(() -> new NotFoundException("dead-letters", projection))
                .process(letter -> sequence.equals(sequenceOf(letter)));
    }

    /** Forgets the sequence's letters and its count of dropped events; returns how many letters were evicted. */
    public int evict(String projection, String sequence) {
        requireKnown(projection, sequence);
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(projection)
                .orElseThrow(() -> new NotFoundException("dead-letters", projection));
        List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
        queue.deadLetterSequence(sequence).forEach(letters::add);
        letters.forEach(queue::evict);
        jdbc.sql("DELETE FROM dead_letter_overflow WHERE processing_group = :group AND sequence_identifier = :sequence")
                .param("group", projection).param("sequence", sequence).update();
        return letters.size();
    }

    private void requireKnown(String projection, String sequence) {
        boolean known = jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM deadletterentry WHERE processinggroup = :group AND sequenceidentifier = :sequence)
                            OR EXISTS (SELECT 1 FROM dead_letter_overflow WHERE processing_group = :group AND sequence_identifier = :sequence)""")
                .param("group", projection).param("sequence", sequence).query(Boolean.class).single();
        if (!known) {
            throw new NotFoundException("dead-letters", projection + "/" + sequence);
        }
    }

    private static String sequenceOf(DeadLetter<? extends EventMessage<?>> letter) {
        if (letter instanceof JdbcDeadLetter<?> stored) {
            return stored.getSequenceIdentifier();
        }
        return letter.message() instanceof DomainEventMessage<?> event ? event.getAggregateIdentifier() : letter.message().getIdentifier();
    }

    private static String simpleName(String type) {
        return type == null ? null : type.substring(type.lastIndexOf('.') + 1);
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
