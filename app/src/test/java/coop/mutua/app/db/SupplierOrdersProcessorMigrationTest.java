package coop.mutua.app.db;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.testsupport.TestDatabase;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The supplier order projection got a processor of its own: on a database where the rounds' shared processor had
 * already projected events, the new processor continues from the same token instead of projecting every event again,
 * and inherits the shared processor's dead letters (each processor retries its own copy).
 */
class SupplierOrdersProcessorMigrationTest {

    @Test
    void theNewProcessorStartsWhereTheSharedOneWasWithItsDeadLetters() {
        DataSource dataSource = TestDatabase.newDataSource();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("2026.12.03.20").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("""
                INSERT INTO tokenentry (processorname, segment, token, tokentype, timestamp, owner) VALUES
                    ('ordering-rounds', 0, '\\x7b7d'::bytea, 'GapAwareTrackingToken', '2026-12-01T10:00:00Z', 'node-a'),
                    ('catalog-directory', 0, '\\x7b7e'::bytea, 'GapAwareTrackingToken', '2026-12-01T10:00:00Z', 'node-a')""")
                .update();
        jdbc.sql("""
                INSERT INTO deadletterentry (deadletteridentifier, processinggroup, sequenceidentifier, sequenceindex, messagetype,
                    eventidentifier, timestamp, payloadtype, payload, enqueuedat)
                VALUES ('dl-1', 'ordering-rounds', 'order-1', 0, 'DomainEventMessage', 'e-1', '2026-12-01T10:00:00Z',
                    'coop.mutua.ordering.api.ReceptionRecordedEvent', '\\x7b7d'::bytea, '2026-12-01T10:00:01Z')""").update();

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

        assertThat(jdbc.sql("SELECT processorname || ':' || segment || ':' || encode(token, 'hex') || ':' || coalesce(owner, '-') "
                        + "FROM tokenentry ORDER BY processorname").query(String.class).list())
                .containsExactly("catalog-directory:0:7b7e:node-a", "ordering-rounds:0:7b7d:node-a", "ordering-supplier-orders:0:7b7d:-");
        assertThat(jdbc.sql("SELECT processinggroup || ':' || sequenceidentifier || ':' || eventidentifier FROM deadletterentry "
                        + "ORDER BY processinggroup").query(String.class).list())
                .containsExactly("ordering-rounds:order-1:e-1", "ordering-supplier-orders:order-1:e-1");
    }
}
