package coop.mutua.app.axon;

import coop.mutua.kernel.ProjectionCatchUp;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Compares the position of the aggregate's latest event with the committed token of every segment of the projection, read straight
 * from the token table (reading through the TokenStore API would claim the segments). Works whichever node owns them.
 */
@Component
class TokenStoreProjectionCatchUp implements ProjectionCatchUp {

    private static final Logger log = LoggerFactory.getLogger(TokenStoreProjectionCatchUp.class);

    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final Duration timeout;

    TokenStoreProjectionCatchUp(JdbcClient jdbc, Serializer serializer,
                                @Value("${mutua.projections.catch-up-timeout:5s}") Duration timeout) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.timeout = timeout;
    }

    @Override
    public void await(String projection, Object aggregateId) {
        OptionalLong head = jdbc.sql("SELECT max(globalindex) FROM domainevententry WHERE aggregateidentifier = :id")
                .param("id", aggregateId.toString())
                .query((rs, n) -> {
                    long index = rs.getLong(1);
                    return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(index);
                })
                .single();
        if (head.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        String sequence = aggregateId.toString();
        while (!reached(projection, sequence, head.getAsLong())) {
            if (System.nanoTime() > deadline) {
                log.warn("Projection {} did not reach event {} within {}", projection, head.getAsLong(), timeout);
                return;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Only the segment that handles the aggregate's events matters: Axon sequences a projection's events per aggregate
     * and gives each aggregate to one segment, by the hash of its id; other segments' tokens may lag behind harmlessly.
     */
    private boolean reached(String projection, String aggregateId, long head) {
        record Row(int segment, byte[] token, String type) {
        }
        List<Row> rows = jdbc.sql("SELECT segment, token, tokentype FROM tokenentry WHERE processorname = :name")
                .param("name", projection)
                .query((rs, n) -> new Row(rs.getInt("segment"), rs.getBytes("token"), rs.getString("tokentype")))
                .list();
        int[] segmentIds = rows.stream().mapToInt(Row::segment).toArray();
        for (Row row : rows) {
            Segment segment = Segment.computeSegment(row.segment(), segmentIds);
            if (!segment.matches(Objects.hashCode(aggregateId))) {
                continue;
            }
            if (row.token() == null) {
                return false;
            }
            TrackingToken token = serializer.deserialize(new SimpleSerializedObject<>(row.token(), byte[].class, row.type(), null));
            return handled(token, head);
        }
        return false;
    }

    /**
     * Whether a projection at {@code token} has handled the event at global index {@code index}: at or past it, and not
     * still waiting for it (a gap: its transaction took the index, then committed after later ones). A replaying
     * projection is where its replay is.
     */
    static boolean handled(TrackingToken token, long index) {
        TrackingToken position = WrappedToken.unwrapLowerBound(token);
        if (position instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= index && !gapAware.getGaps().contains(index);
        }
        return position != null && position.position().orElse(-1) >= index;
    }
}
