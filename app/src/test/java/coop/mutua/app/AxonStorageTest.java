package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.support.Eventually;
import coop.mutua.app.support.Http;
import coop.mutua.app.support.IntegrationTest;
import coop.mutua.app.support.PoisonProjection;
import coop.mutua.app.support.RoundsThroughApi;
import coop.mutua.app.support.TestGroupements.TestGroupement;
import coop.mutua.app.support.TestGroupements;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.RoundId;
import coop.mutua.ordering.api.PurchaseRoundCreatedEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Axon's JDBC saga store and dead-letter queue work on the Flyway-made tables, with BYTEA payloads. */
@IntegrationTest
class AxonStorageTest {

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    SagaStore<Object> sagaStore;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestGroupements groupements;
    @Value("${local.server.port}")
    int port;

    /** A saga's state as Jackson stores it. */
    public static class ProbeSaga {
        public String roundId;
        public int remindersSent;
    }

    @Autowired
    Configuration axon;

    /** Axon's own auto-configuration misses Boot 4's transaction manager: without ours, nothing would be atomic. */
    @Test
    void everyUnitOfWorkIsATransactionOfTheApplicationsTransactionManager() {
        assertThat(axon.getComponent(TransactionManager.class))
                .isInstanceOf(SpringTransactionManager.class);
    }

    /**
     * A command sent inside a longer transaction (here the pooling job's last step; order submissions do the same): its
     * events reach the tracking projections as soon as that transaction commits, not a fetch delay (1 s) later.
     */
    @Test
    void eventsCommittedInsideALongerTransactionReachTheProjectionsAtOnce() throws InterruptedException {
        TestGroupement groupement = groupements.create("Réseau réveillé");
        Http http = new Http(port);
        String carrots = RoundsThroughApi.product(http, groupement.supplier(), groupement.supplierId(),
                RoundsThroughApi.CARROTS);
        String round = RoundsThroughApi.openRound(http, groupement, "Réveil", groupement.supplierId());
        http.putJson("/api/rounds/" + round + "/orders/" + groupement.memberId(), groupement.member(), TestGroupements.PASSWORD,
                "{\"lines\":[{\"productId\":\"" + carrots + "\",\"quantity\":\"12\"}]}");
        http.postJson("/api/rounds/" + round + "/close", groupement.coordinator(), TestGroupements.PASSWORD, "");

        // The job's last step records the pooling (a command in the step's transaction); the round's projection follows.
        while (jdbc.sql("""
                SELECT count(*) FROM batch_job_execution e JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
                WHERE p.parameter_name = 'roundId' AND p.parameter_value = :round AND e.status = 'COMPLETED'""")
                .param("round", round).query(Long.class).single() == 0) {
            Thread.sleep(2);
        }
        long completed = System.nanoTime();
        while (!jdbc.sql("SELECT pooled_at IS NOT NULL FROM purchase_round WHERE id = :id").param("id", round).query(Boolean.class).single()) {
            Thread.sleep(2);
        }
        assertThat((System.nanoTime() - completed) / 1_000_000).as("milliseconds from the job's end to the projection").isLessThan(400);
    }

    @Test
    void everyProjectionHasAJdbcDeadLetterQueueOnTheFlywayTable() {
        for (String group : List.of("catalog-directory", "ordering-rounds", "ordering-supplier-orders")) {
            assertThat(processing.deadLetterQueue(group)).as("DLQ of " + group).isPresent();
        }
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue("ordering-rounds").orElseThrow();
        PurchaseRoundCreatedEvent event = new PurchaseRoundCreatedEvent(RoundId.of("dlq-round"), GroupementId.of("dlq-groupement"),
                "Lettre morte", Instant.parse("2026-12-01T17:00:00Z"), LocalDate.of(2026, 12, 3), "Ici");
        EventMessage<?> message = new GenericDomainEventMessage<>("PurchaseRound", "dlq-round", 0, event,
                Map.of("groupementId", "dlq-groupement"));

        queue.enqueue("dlq-round", new GenericDeadLetter<>("dlq-round", message, new IllegalStateException("projection down")));

        assertThat(jdbc.sql("SELECT pg_typeof(payload)::text FROM deadletterentry WHERE sequenceidentifier = 'dlq-round'")
                .query(String.class).single()).isEqualTo("bytea");
        List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
        queue.deadLetterSequence("dlq-round").forEach(letters::add);
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).message().getPayload()).isEqualTo(event);
        assertThat(letters.get(0).cause()).hasValueSatisfying(cause -> assertThat(cause.message()).isEqualTo("projection down"));
        queue.clear();
        assertThat(queue.contains("dlq-round")).isFalse();
    }

    @Test
    void aProjectionEventThatFailsInSqlIsDeadLetteredAndTheRestOfItsBatchIsProjected() {
        TestGroupement groupement = groupements.create("Réseau empoisonné");
        Http http = new Http(port);
        List<String> ids = new ArrayList<>();
        for (String title : List.of("Avant", "POISON pour le test", "Après")) {
            ids.add(http.postJson("/api/rounds", groupement.coordinator(), TestGroupements.PASSWORD,
                    "{\"title\":\"" + title + "\",\"closesAt\":\"" + OffsetDateTime.now().plusDays(3).withNano(0)
                            + "\",\"deliveryDate\":\"" + LocalDate.now().plusDays(5) + "\",\"deliveryPlace\":\"Ici\"}")
                    .json().get("id").asString());
        }
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(PoisonProjection.GROUP).orElseThrow();

        Eventually.equal(true, () -> queue.contains(ids.get(1)));
        Eventually.equal(2L, () -> jdbc.sql("SELECT count(*) FROM test_poison_seen WHERE round_id IN (:ids)")
                .param("ids", List.of(ids.get(0), ids.get(2))).query(Long.class).single());
        assertThat(jdbc.sql("SELECT count(*) FROM test_poison_seen WHERE round_id = :id").param("id", ids.get(1))
                .query(Long.class).single()).isZero();
        assertThat(http.get("/api/rounds", groupement.coordinator(), TestGroupements.PASSWORD).json().size())
                .as("other projections are not affected").isEqualTo(3);
        queue.clear();
    }

    @Test
    void sagasAreStoredAndFoundByAssociation() {
        ProbeSaga saga = new ProbeSaga();
        saga.roundId = "round-42";
        saga.remindersSent = 2;
        AssociationValue byRound = new AssociationValue("roundId", "round-42");

        sagaStore.insertSaga(ProbeSaga.class, "saga-1", saga, Set.of(byRound));

        assertThat(sagaStore.findSagas(ProbeSaga.class, byRound)).containsExactly("saga-1");
        ProbeSaga loaded = sagaStore.loadSaga(ProbeSaga.class, "saga-1").saga();
        assertThat(loaded.roundId).isEqualTo("round-42");
        assertThat(loaded.remindersSent).isEqualTo(2);
        assertThat(jdbc.sql("SELECT pg_typeof(serializedsaga)::text FROM sagaentry WHERE sagaid = 'saga-1'")
                .query(String.class).single()).isEqualTo("bytea");
        sagaStore.deleteSaga(ProbeSaga.class, "saga-1", Set.of(byRound));
        assertThat(sagaStore.findSagas(ProbeSaga.class, byRound)).isEmpty();
    }
}
