package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.account.Accounts;
import coop.mutua.app.support.Eventually;
import coop.mutua.app.support.Http;
import coop.mutua.app.support.IntegrationTest;
import coop.mutua.app.support.Pages;
import coop.mutua.app.support.PoisonProjection;
import coop.mutua.app.support.TestGroupements.TestGroupement;
import coop.mutua.app.support.TestGroupements;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A projection failure stays with its own aggregate: past the bound of dead letters per aggregate (3 in tests) the later
 * events are counted, not kept, and the projection goes on for everyone else; the operator sees it on a page and in the
 * API and a metric, retries it and evicts it. Nobody else can.
 */
@IntegrationTest
class DeadLettersIntegrationTest {

    private static final String PASSWORD = TestGroupements.PASSWORD;

    @Value("${local.server.port}")
    int port;
    @Autowired
    TestGroupements groupements;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    MeterRegistry meters;

    @Test
    void aPoisonedAggregatePastItsBoundIsCountedAndTheProjectionGoesOnForEveryoneElse() {
        TestGroupement groupement = groupements.create("Réseau incident");
        Http http = new Http(port);
        String poisoned = round(http, groupement, "POISON aux lettres");
        Eventually.equal(true, () -> processing.deadLetterQueue(PoisonProjection.GROUP).orElseThrow().contains(poisoned));
        for (int i = 0; i < 5; i++) {
            assertThat(http.putJson("/api/rounds/" + poisoned + "/terms", groupement.coordinator(), PASSWORD,
                    "{\"suppliers\":[\"" + groupement.supplierId() + "\"],\"groupementFeePercent\":\"" + i + "\"}").status()).isEqualTo(200);
        }
        String after = round(http, groupement, "Après incident");

        // The projection did not stop: the later round of the same groupement (and anyone's) is projected.
        Eventually.equal(1L, () -> jdbc.sql("SELECT count(*) FROM test_poison_seen WHERE round_id = :id").param("id", after)
                .query(Long.class).single());
        assertThat(processing.eventProcessor(PoisonProjection.GROUP).orElseThrow().isError()).isFalse();
        Eventually.equal(3L, () -> jdbc.sql("SELECT dropped FROM dead_letter_overflow WHERE sequence_identifier = :id")
                .param("id", poisoned).query(Long.class).optional().orElse(0L));

        String operator = "exploitation-" + System.nanoTime();
        accounts.createOperator(operator, PASSWORD, "Exploitation");
        JsonNode incident = incident(http, operator, poisoned);
        assertThat(incident.get("projection").asString()).isEqualTo(PoisonProjection.GROUP);
        assertThat(incident.get("letters").asLong()).isEqualTo(3);
        assertThat(incident.get("dropped").asLong()).isEqualTo(3);
        assertThat(incident.get("eventType").asString()).isEqualTo("PurchaseRoundCreatedEvent");
        assertThat(incident.get("causeType").asString()).isNotBlank();
        assertThat(meters.get("mutua.projections.dead-letters").tag("group", PoisonProjection.GROUP).gauge().value()).isGreaterThanOrEqualTo(3);
        assertThat(meters.get("mutua.projections.dead-letters.dropped").tag("group", PoisonProjection.GROUP).counter().count())
                .isGreaterThanOrEqualTo(3);

        // Only the operator: a coordinator, a member or a supplier is refused, and changes nothing.
        for (String other : List.of(groupement.coordinator(), groupement.member(), groupement.supplier())) {
            assertThat(http.get("/api/operator/dead-letters", other, PASSWORD).status()).isEqualTo(403);
            assertThat(http.postJson("/api/operator/dead-letters/" + PoisonProjection.GROUP + "/" + poisoned + "/evict", other, PASSWORD, "")
                    .status()).isEqualTo(403);
        }

        // The cause is still there: a retry handles nothing and keeps the letters.
        JsonNode retried = http.postJson("/api/operator/dead-letters/" + PoisonProjection.GROUP + "/" + poisoned + "/retry", operator,
                PASSWORD, "").json();
        assertThat(retried.get("handled").asBoolean()).isFalse();
        assertThat(incident(http, operator, poisoned).get("letters").asLong()).isEqualTo(3);

        // The page shows it, in French, with its actions.
        String page = Pages.loggedIn(port, operator, PASSWORD).get("/operator/incidents", null, null).body();
        assertThat(page).contains(poisoned).contains("Reprendre").contains("Écarter").contains("3 écartés au-delà de la limite");

        JsonNode evicted = http.postJson("/api/operator/dead-letters/" + PoisonProjection.GROUP + "/" + poisoned + "/evict", operator,
                PASSWORD, "").json();
        assertThat(evicted.get("evicted").asInt()).isEqualTo(3);
        assertThat(incidents(http, operator)).noneMatch(node -> node.get("sequence").asString().equals(poisoned));
        assertThat(http.postJson("/api/operator/dead-letters/" + PoisonProjection.GROUP + "/" + poisoned + "/retry", operator, PASSWORD, "")
                .status()).isEqualTo(404);
    }

    private JsonNode incident(Http http, String operator, String sequence) {
        return incidents(http, operator).stream().filter(node -> node.get("sequence").asString().equals(sequence)).findFirst()
                .orElseThrow(() -> new AssertionError("no incident for " + sequence));
    }

    private static List<JsonNode> incidents(Http http, String operator) {
        Http.Reply reply = http.get("/api/operator/dead-letters", operator, PASSWORD);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<JsonNode> nodes = new ArrayList<>();
        reply.json().forEach(nodes::add);
        return nodes;
    }

    private static String round(Http http, TestGroupement groupement, String title) {
        Http.Reply reply = http.postJson("/api/rounds", groupement.coordinator(), PASSWORD, "{\"title\":\"" + title + "\",\"closesAt\":\""
                + OffsetDateTime.now().plusDays(3).withNano(0) + "\",\"deliveryDate\":\"" + LocalDate.now().plusDays(5)
                + "\",\"deliveryPlace\":\"Ici\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("id").asString();
    }
}
