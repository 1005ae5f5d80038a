package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.support.Http;
import coop.mutua.app.support.IntegrationTest;
import coop.mutua.app.support.TableRows;
import coop.mutua.app.support.TestGroupements.TestGroupement;
import coop.mutua.app.support.TestGroupements;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/** DOMAIN invariant 6: replaying all events rebuilds identical read models, one projection at a time. */
@IntegrationTest
class ReplayTest {

    private static final Map<String, String> PROJECTIONS = Map.of(
            "catalog-directory", "SELECT * FROM supplier ORDER BY id",
            "ordering-rounds", "SELECT * FROM purchase_round ORDER BY id");

    @Value("${local.server.port}")
    int port;
    @Autowired
    TestGroupements groupements;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcClient jdbc;

    @Test
    void replayingEveryProjectionRebuildsTheSameRows() {
        TestGroupement groupement = groupements.create("Réseau rejoué");
        Http http = new Http(port);
        for (String title : List.of("Première", "Deuxième", "Troisième")) {
            http.postJson("/api/rounds", groupement.coordinator(), TestGroupements.PASSWORD,
                    "{\"title\":\"" + title + "\",\"closesAt\":\"" + OffsetDateTime.now().plusDays(5).withNano(0)
                            + "\",\"deliveryDate\":\"" + OffsetDateTime.now().plusDays(8).toLocalDate()
                            + "\",\"deliveryPlace\":\"Ici\"}");
        }
        awaitRows(PROJECTIONS.get("catalog-directory"), rows -> rows.stream().anyMatch(r -> r.get("groupement_id").equals(groupement.id().value())));

        PROJECTIONS.forEach((group, query) -> {
            List<Map<String, Object>> before = rows(query);
            assertThat(before).isNotEmpty();

            StreamingEventProcessor processor = processing.eventProcessor(group, StreamingEventProcessor.class).orElseThrow();
            processor.shutDown();
            processor.resetTokens();
            assertThat(rows(query)).as("reset handler emptied " + group).isEmpty();
            processor.start();

            awaitRows(query, rows -> rows.size() == before.size());
            assertThat(rows(query)).as("rebuilt " + group).isEqualTo(before);
        });
    }

    private List<Map<String, Object>> rows(String query) {
        return TableRows.of(jdbc, query);
    }

    private void awaitRows(String query, Predicate<List<Map<String, Object>>> done) {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(15));
        while (!done.test(rows(query)) && Instant.now().isBefore(giveUp)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
