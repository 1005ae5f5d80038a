package coop.mutua.app.axon;

import coop.mutua.kernel.ProjectionCatchUp;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.axonframework.eventhandling.TrackingToken;
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
        while (!reached(projection, head.getAsLong())) {
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

    private boolean reached(String projection, long head) {
        record Row(byte[] token, String type) {
        }
        List<Row> rows = jdbc.sql("SELECT token, tokentype FROM tokenentry WHERE processorname = :name")
                .param("name", projection)
                .query((rs, n) -> new Row(rs.getBytes("token"), rs.getString("tokentype")))
                .list();
        if (rows.isEmpty()) {
            return false;
        }
        for (Row row : rows) {
            if (row.token() == null) {
                return false;
            }
            TrackingToken token = serializer.deserialize(new SimpleSerializedObject<>(row.token(), byte[].class, row.type(), null));
            if (token.position().orElse(-1) < head) {
                return false;
            }
        }
        return true;
    }
}
