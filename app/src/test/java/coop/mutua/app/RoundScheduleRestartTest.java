package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.support.Eventually;
import coop.mutua.app.support.Http;
import coop.mutua.app.support.TestGroupements.TestGroupement;
import coop.mutua.app.support.TestGroupements;
import coop.mutua.testsupport.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The schedule is persistent: the application is stopped before a round's deadline (and another round's opening time)
 * and started after them; the round closes, exactly once, and the other opens with its offer.
 */
class RoundScheduleRestartTest {

    private static final String PASSWORD = TestGroupements.PASSWORD;

    @Test
    void aRoundWhoseDeadlinePassedWhileStoppedClosesOnceAtTheNextStart() throws Exception {
        Map<String, String> database = TestDatabase.newDatabaseProperties();
        Instant deadline;
        String closing;
        String opening;
        try (ConfigurableApplicationContext first = start(database)) {
            Http http = new Http(port(first));
            TestGroupement gironde = first.getBean(TestGroupements.class).create("Réseau planifié");
            http.postJson("/api/suppliers/" + gironde.supplierId() + "/products", gironde.supplier(), PASSWORD, """
                    {"reference":"POM","name":"Pommes","category":"Fruits","saleUnit":"KG","vatRate":"5.5","unitPrice":"2.40"}""");
            deadline = Instant.now().plusSeconds(6);
            closing = round(http, gironde, "Clôture pendant l'arrêt", deadline, null);
            opening = round(http, gironde, "Ouverture pendant l'arrêt", deadline.plus(Duration.ofDays(3)), deadline);
            http.postJson("/api/rounds/" + closing + "/open", gironde.coordinator(), PASSWORD, "");
            http.putJson("/api/rounds/" + closing + "/orders/" + gironde.memberId(), gironde.member(), PASSWORD, """
                    {"lines":[]}""");
            assertThat(status(first, closing)).isEqualTo("OPEN");
            assertThat(status(first, opening)).as("its opening time has not come").isEqualTo("DRAFT");
        }
        while (Instant.now().isBefore(deadline.plusSeconds(1))) {
            Thread.sleep(200);
        }

        try (ConfigurableApplicationContext second = start(database)) {
            Eventually.equal("CLOSED", () -> status(second, closing));
            Eventually.equal("OPEN", () -> status(second, opening));
            Thread.sleep(1_500); // several more runs of the schedule
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            List<String> closings = jdbc.sql("""
                    SELECT convert_from(payload, 'UTF8') FROM domainevententry
                    WHERE aggregateidentifier = :id AND payloadtype LIKE '%PurchaseRoundClosedEvent'""")
                    .param("id", closing).query(String.class).list();
            assertThat(closings).as("closed exactly once, by the deadline").hasSize(1);
            assertThat(closings.get(0)).contains("DEADLINE");
            assertThat(jdbc.sql("SELECT closed_at FROM purchase_round WHERE id = :id").param("id", closing)
                    .query(Instant.class).single()).isAfter(deadline);
            assertThat(jdbc.sql("SELECT state FROM round_intake WHERE round_id = :id").param("id", closing)
                    .query(String.class).single()).isEqualTo("CLOSED");
            assertThat(jdbc.sql("SELECT count(*) FROM round_offer WHERE round_id = :id").param("id", opening)
                    .query(Long.class).single()).as("opened with its offer frozen").isEqualTo(1);
        }
    }

    private static ConfigurableApplicationContext start(Map<String, String> database) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.profiles.active=test",
                "--mutua.rounds.schedule.initial-delay=0s", "--mutua.rounds.schedule.interval=200ms"));
        database.forEach((key, value) -> args.add("--" + key + "=" + value));
        return new SpringApplicationBuilder(MutuaApplication.class).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    private static String round(Http http, TestGroupement gironde, String title, Instant closesAt, Instant opensAt) {
        String id = http.postJson("/api/rounds", gironde.coordinator(), PASSWORD, """
                {"title":"%s","closesAt":"%s","deliveryDate":"%s","deliveryPlace":"Entrepôt"%s}""".formatted(title,
                OffsetDateTime.ofInstant(closesAt, ZoneOffset.UTC), LocalDate.now().plusDays(8),
                opensAt == null ? "" : ",\"opensAt\":\"" + OffsetDateTime.ofInstant(opensAt, ZoneOffset.UTC) + "\""))
                .json().get("id").asString();
        http.putJson("/api/rounds/" + id + "/terms", gironde.coordinator(), PASSWORD, "{\"suppliers\":[\"" + gironde.supplierId() + "\"]}");
        return id;
    }

    private static String status(ConfigurableApplicationContext app, String round) {
        return app.getBean(JdbcClient.class).sql("SELECT status FROM purchase_round WHERE id = :id").param("id", round)
                .query(String.class).single();
    }
}
