package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.account.Accounts;
import coop.mutua.app.support.Eventually;
import coop.mutua.app.support.Http.Reply;
import coop.mutua.app.support.Http;
import coop.mutua.app.support.IntegrationTest;
import coop.mutua.app.support.RoundsThroughApi;
import coop.mutua.app.support.TestGroupements.TestGroupement;
import coop.mutua.app.support.TestGroupements;
import coop.mutua.catalog.api.Address;
import coop.mutua.catalog.api.DeactivateMemberCommand;
import coop.mutua.catalog.api.EssFamily;
import coop.mutua.catalog.api.ReactivateMemberCommand;
import coop.mutua.catalog.api.RegisterMemberCommand;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.ProjectionCatchUp;
import coop.mutua.kernel.Role;
import coop.mutua.kernel.RoundId;
import coop.mutua.ordering.api.MemberOrderIds;
import coop.mutua.ordering.api.SubmitMemberOrderCommand;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.assertj.core.api.Assertions;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Members order in an open round and see the pooled preview; rules and privacy, through the API on PostgreSQL. */
@IntegrationTest
class OrderingIntegrationTest {

    private static final String PASSWORD = TestGroupements.PASSWORD;

    @Value("${local.server.port}")
    int port;
    @Autowired
    TestGroupements groupements;
    @Autowired
    CommandGateway commands;
    @Autowired
    Accounts accounts;
    @Autowired
    ProjectionCatchUp catchUp;
    @Autowired
    JdbcClient jdbc;

    Http http;
    TestGroupement gironde;
    String round;
    String carrots;
    String cheese;
    MemberId secondMember;
    String secondMemberLogin;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        gironde = groupements.create("Réseau commandes");
        carrots = RoundsThroughApi.product(http, gironde.supplier(), gironde.supplierId(), RoundsThroughApi.CARROTS);
        cheese = RoundsThroughApi.product(http, gironde.supplier(), gironde.supplierId(), RoundsThroughApi.CHEESE);
        round = RoundsThroughApi.openRound(http, gironde, "Commande", gironde.supplierId());
        secondMember = MemberId.random();
        Address address = new Address("2 rue", "33000", "Bordeaux", "FR");
        commands.sendAndWait(new RegisterMemberCommand(secondMember, gironde.id(), "Deuxième structure", "73282932000074", null,
                EssFamily.SCOP, address, address, "deux@example.org"));
        catchUp.await("catalog-directory", secondMember);
        secondMemberLogin = "deux-" + secondMember.value().substring(0, 8);
        accounts.create(secondMemberLogin, PASSWORD, "Deuxième", Role.MEMBER, gironde.id(), secondMember, null);
    }

    @Test
    void twoMembersPoolTheirOrdersAndSeeCasesAndTiersButNotEachOther() {
        Reply first = order(gironde.member(), gironde.memberId(), "[{\"productId\":\"" + carrots + "\",\"quantity\":\"7\",\"tolerance\":\"0\"}]");
        assertThat(first.status()).isEqualTo(200);
        // The PUT answers with the accepted order at once; the pooled preview follows within milliseconds.
        Eventually.equal("7", () -> product(preview(gironde.member()), carrots).get("pooledQuantity").asString());
        JsonNode pool = product(preview(gironde.member()), carrots);
        assertThat(pool.get("pooledQuantity").asString()).isEqualTo("7");
        assertThat(pool.get("cases").asLong()).isEqualTo(1);
        assertThat(pool.get("missingToNextCase").asString()).isEqualTo("5");
        assertThat(pool.get("quantityToNextTier").asString()).isEqualTo("6");

        order(secondMemberLogin, secondMember, "[{\"productId\":\"" + carrots + "\",\"quantity\":\"3\",\"tolerance\":\"2\"}]");
        Eventually.equal("10", () -> product(preview(gironde.member()), carrots).get("pooledQuantity").asString());
        JsonNode pooled = product(preview(gironde.member()), carrots);
        assertThat(pooled.get("pooledQuantity").asString()).isEqualTo("10");
        assertThat(pooled.get("cases").asLong()).as("tolerance completes the second case").isEqualTo(2);
        assertThat(pooled.get("orderedQuantity").asString()).isEqualTo("12");
        assertThat(pooled.get("unitPrice").asString()).as("the tier reached by the pool").isEqualTo("1.80");
        assertThat(pooled.get("myQuantity").asString()).as("own line only").isEqualTo("7");
        JsonNode supplier = preview(gironde.coordinator()).get("suppliers").get(0);
        assertThat(supplier.get("orderedAmount").asString()).isEqualTo("21.60");

        assertThat(http.get("/api/rounds/" + round + "/orders/" + secondMember, gironde.member(), PASSWORD).status())
                .as("a member never reads another member's order").isEqualTo(404);
        assertThat(http.get("/api/rounds/" + round + "/orders/" + secondMember, gironde.coordinator(), PASSWORD)
                .json().get("lines").get(0).get("tolerance").asString()).isEqualTo("2");
    }

    @Test
    void badOrdersAreRefusedAndChangeNothing() {
        order(gironde.member(), gironde.memberId(), "[{\"productId\":\"" + cheese + "\",\"quantity\":\"1.5\"}]");
        Eventually.equal(1, () -> http.get("/api/rounds/" + round + "/orders/" + gironde.memberId(), gironde.member(), PASSWORD)
                .json().get("lines").size());

        Reply offStep = order(gironde.member(), gironde.memberId(), "[{\"productId\":\"" + cheese + "\",\"quantity\":\"1.2\"}]");
        Reply notOffered = order(gironde.member(), gironde.memberId(), "[{\"productId\":\"nope\",\"quantity\":\"1\"}]");
        Reply forOther = order(gironde.member(), secondMember, "[{\"productId\":\"" + cheese + "\",\"quantity\":\"1\"}]");

        assertThat(offStep.status()).isEqualTo(422);
        assertThat(offStep.json().get("code").asString()).isEqualTo("order.quantity-step");
        assertThat(notOffered.json().get("code").asString()).isEqualTo("order.not-on-offer");
        assertThat(forOther.status()).isEqualTo(404);
        JsonNode lines = http.get("/api/rounds/" + round + "/orders/" + gironde.memberId(), gironde.member(), PASSWORD).json().get("lines");
        assertThat(lines.size()).isEqualTo(1);
        assertThat(lines.get(0).get("quantity").asString()).isEqualTo("1.5");
    }

    @Test
    void anInactiveMemberOrAMemberOfAnotherGroupementCannotOrder() {
        commands.sendAndWait(new DeactivateMemberCommand(secondMember, gironde.id()));
        Eventually.equal(false, () -> http.get("/api/members/" + secondMember, gironde.coordinator(), PASSWORD).json().get("active").asBoolean());

        Reply inactive = order(gironde.coordinator(), secondMember, "[{\"productId\":\"" + carrots + "\",\"quantity\":\"6\"}]");
        TestGroupement other = groupements.create("Autre réseau");
        Reply foreign = order(gironde.coordinator(), other.memberId(), "[{\"productId\":\"" + carrots + "\",\"quantity\":\"6\"}]");

        assertThat(inactive.status()).isEqualTo(422);
        assertThat(inactive.json().get("code").asString()).isEqualTo("order.member-inactive");
        assertThat(foreign.status()).as("another groupement's member does not exist here").isEqualTo(404);
        assertThat(http.get("/api/rounds/" + round + "/orders/" + gironde.memberId(), gironde.coordinator(), PASSWORD).json()
                .get("lines").size()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier IN (:orders)")
                .param("orders", List.of(
                        MemberOrderIds.of(RoundId.of(round), secondMember),
                        MemberOrderIds.of(RoundId.of(round), other.memberId())))
                .query(Long.class).single()).as("no order event for either").isZero();

        commands.sendAndWait(new ReactivateMemberCommand(secondMember, gironde.id()));
        assertThat(order(gironde.coordinator(), secondMember, "[{\"productId\":\"" + carrots + "\",\"quantity\":\"6\"}]").status())
                .as("reactivated, it orders again at once").isEqualTo(200);
    }

    @Test
    void anOrderSavedManyTimesIsSnapshottedAndKeepsItsState() {
        String path = "/api/rounds/" + round + "/orders/" + gironde.memberId();
        for (int save = 1; save <= 45; save++) {
            assertThat(order(gironde.member(), gironde.memberId(), "[{\"productId\":\"" + carrots + "\",\"quantity\":\"" + save + "\"}]")
                    .status()).isEqualTo(200);
        }
        String orderId = MemberOrderIds.of(RoundId.of(round), gironde.memberId());
        assertThat(jdbc.sql("SELECT max(sequencenumber) FROM snapshotevententry WHERE aggregateidentifier = :id")
                .param("id", orderId).query(Long.class).optional()).as("snapshotted every 20 events")
                .hasValueSatisfying(sequence -> assertThat(sequence).isBetween(30L, 44L));
        Instant first = jdbc.sql("SELECT first_submitted_at FROM member_order WHERE order_id = :id").param("id", orderId)
                .query(Instant.class).single();

        // Loaded from the snapshot: still the same order, with its first submission time, refusing other groupements.
        order(gironde.member(), gironde.memberId(), "[{\"productId\":\"" + carrots + "\",\"quantity\":\"46\"}]");
        Eventually.equal("46", () -> http.get(path, gironde.member(), PASSWORD).json().get("lines").get(0).get("quantity").asString());
        Eventually.equal(first, () -> jdbc.sql("SELECT first_submitted_at FROM member_order WHERE order_id = :id").param("id", orderId)
                .query(Instant.class).single());
        Assertions.assertThatThrownBy(() -> commands.sendAndWait(new SubmitMemberOrderCommand(
                        orderId, GroupementId.random(), RoundId.of(round), gironde.memberId(),
                        List.of(), Map.of())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aSubmissionReplacesExactlyTheLinesTheOrderHad() {
        String orderId = MemberOrderIds.of(RoundId.of(round), gironde.memberId());
        Supplier<Map<String, String>> stored = () -> jdbc.sql(
                        "SELECT product_id, quantity, tolerance FROM member_order_line WHERE order_id = :id ORDER BY product_id")
                .param("id", orderId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros().toPlainString()
                        + "/" + rs.getBigDecimal(3).stripTrailingZeros().toPlainString()))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

        order(gironde.member(), gironde.memberId(), "[{\"productId\":\"" + carrots + "\",\"quantity\":\"6\",\"tolerance\":\"2\"},"
                + "{\"productId\":\"" + cheese + "\",\"quantity\":\"1.5\"}]");
        assertThat(stored.get()).isEqualTo(Map.of(carrots, "6/2", cheese, "1.5/0"));
        order(gironde.member(), gironde.memberId(), "[{\"productId\":\"" + cheese + "\",\"quantity\":\"3\",\"tolerance\":\"0.5\"}]");
        assertThat(stored.get()).as("a dropped line is removed, a changed one updated").isEqualTo(Map.of(cheese, "3/0.5"));
        order(gironde.member(), gironde.memberId(), "[]");
        assertThat(stored.get()).as("an empty order withdraws every line").isEmpty();
        order(gironde.member(), gironde.memberId(), "[{\"productId\":\"" + carrots + "\",\"quantity\":\"12\"},"
                + "{\"productId\":\"" + cheese + "\",\"quantity\":\"1.5\"}]");
        assertThat(stored.get()).isEqualTo(Map.of(carrots, "12/0", cheese, "1.5/0"));
        assertThat(jdbc.sql("SELECT count(*) FROM member_order WHERE order_id = :id").param("id", orderId).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aRetriedSubmissionWithTheSameKeyIsAppliedOnce() {
        String path = "/api/rounds/" + round + "/orders/" + gironde.memberId();
        http.putJson(path, gironde.member(), PASSWORD, "{\"lines\":[{\"productId\":\"" + carrots + "\",\"quantity\":\"6\"}]}",
                "Idempotency-Key", "k-1");
        http.putJson(path, gironde.member(), PASSWORD, "{\"lines\":[{\"productId\":\"" + carrots + "\",\"quantity\":\"12\"}]}",
                "Idempotency-Key", "k-2");
        Reply late = http.putJson(path, gironde.member(), PASSWORD, "{\"lines\":[{\"productId\":\"" + carrots + "\",\"quantity\":\"6\"}]}",
                "Idempotency-Key", "k-1");

        // The late retry is answered as the first time (the answer it missed), and changes nothing.
        assertThat(late.status()).isEqualTo(200);
        assertThat(late.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(late.json().get("lines").get(0).get("quantity").asString()).isEqualTo("6");
        Eventually.equal("12", () -> http.get(path, gironde.member(), PASSWORD).json().get("lines").get(0).get("quantity").asString());
    }

    @Test
    void aDraftOrCancelledRoundTakesNoOrder() {
        http.postJson("/api/rounds/" + round + "/cancel", gironde.coordinator(), PASSWORD, "{}");
        Reply refused = order(gironde.coordinator(), gironde.memberId(), "[{\"productId\":\"" + carrots + "\",\"quantity\":\"6\"}]");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("order.round-not-open");
    }

    private Reply order(String login, MemberId member, String lines) {
        return http.putJson("/api/rounds/" + round + "/orders/" + member, login, PASSWORD, "{\"lines\":" + lines + "}");
    }

    private JsonNode preview(String login) {
        return http.get("/api/rounds/" + round + "/preview", login, PASSWORD).json();
    }

    private static JsonNode product(JsonNode preview, String productId) {
        for (JsonNode supplier : preview.get("suppliers")) {
            for (JsonNode product : supplier.get("products")) {
                if (product.get("productId").asString().equals(productId)) {
                    return product;
                }
            }
        }
        throw new AssertionError("no " + productId + " in " + preview);
    }
}
