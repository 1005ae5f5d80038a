package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.support.Http;
import coop.mutua.app.support.Http.Reply;
import coop.mutua.app.support.RoundsThroughApi;
import coop.mutua.app.support.IntegrationTest;
import coop.mutua.app.support.TestGroupements;
import coop.mutua.app.support.TestGroupements.TestGroupement;
import coop.mutua.catalog.api.Address;
import coop.mutua.catalog.api.EssFamily;
import coop.mutua.catalog.api.RegisterMemberCommand;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.ProjectionCatchUp;
import coop.mutua.kernel.RoundId;
import coop.mutua.ordering.api.MemberOrderIds;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Closing a round: by the coordinator, and while members are still submitting (nothing lost, nothing doubled). */
@IntegrationTest
class RoundClosingIntegrationTest {

    private static final String PASSWORD = TestGroupements.PASSWORD;

    @Value("${local.server.port}")
    int port;
    @Autowired
    TestGroupements groupements;
    @Autowired
    CommandGateway commands;
    @Autowired
    ProjectionCatchUp catchUp;
    @Autowired
    JdbcClient jdbc;

    Http http;
    TestGroupement gironde;
    String round;
    String carrots;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        gironde = groupements.create("Réseau clôture");
        carrots = RoundsThroughApi.product(http, gironde.supplier(), gironde.supplierId(), RoundsThroughApi.CARROTS);
        round = RoundsThroughApi.openRound(http, gironde, "Commande à clôturer", gironde.supplierId());
    }

    @Test
    void theCoordinatorClosesEarlyAndLaterOrdersAreRefusedWithAClearMessage() {
        assertThat(order(gironde.member(), gironde.memberId(), 6).status()).isEqualTo(200);

        Reply closed = http.postJson("/api/rounds/" + round + "/close", gironde.coordinator(), PASSWORD, "");
        Reply late = order(gironde.member(), gironde.memberId(), 12);
        Reply again = http.postJson("/api/rounds/" + round + "/close", gironde.coordinator(), PASSWORD, "");

        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.json().get("status").asString()).as("pooled at once, or about to be").isIn("CLOSED", "POOLED");
        assertThat(closed.json().get("closedAt").isNull()).isFalse();
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("code").asString()).isEqualTo("order.round-closed");
        assertThat(late.json().get("detail").asString()).contains("Commande à clôturer").contains("clôturée");
        assertThat(again.status()).as("a round closes once").isEqualTo(409);
        assertThat(quantity(gironde.memberId())).isEqualByComparingTo("6");
        assertThat(http.postJson("/api/rounds/" + round + "/close", gironde.member(), PASSWORD, "").status())
                .as("members cannot close").isEqualTo(403);
    }

    @Test
    void ordersSubmittedWhileTheRoundClosesAreEitherInOrRefusedNeverLostNorDoubled() throws Exception {
        int members = 12;
        List<MemberId> ids = new ArrayList<>();
        Address address = new Address("3 rue", "33000", "Bordeaux", "FR");
        for (int m = 0; m < members; m++) {
            MemberId id = MemberId.random();
            commands.sendAndWait(new RegisterMemberCommand(id, gironde.id(), "Structure " + m, "73282932000074", null,
                    EssFamily.ASSOCIATION, address, address, "s" + m + "@example.org"));
            ids.add(id);
        }
        ids.forEach(id -> catchUp.await("catalog-directory", id));

        ExecutorService pool = Executors.newFixedThreadPool(members);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger accepted = new AtomicInteger();
        int[] lastAccepted = new int[members];
        int[] acceptedCount = new int[members];
        List<Future<List<String>>> refusals = new ArrayList<>();
        for (int m = 0; m < members; m++) {
            int member = m;
            refusals.add(pool.submit(() -> {
                start.await();
                List<String> refused = new ArrayList<>();
                for (int cases = 1; cases < 10_000; cases++) {
                    Reply reply = order(gironde.coordinator(), ids.get(member), 6 * cases);
                    if (reply.status() == 200) {
                        lastAccepted[member] = 6 * cases;
                        acceptedCount[member]++;
                        accepted.incrementAndGet();
                    } else {
                        refused.add(reply.status() + " " + reply.body());
                        return refused;
                    }
                }
                return refused;
            }));
        }
        start.countDown();
        while (accepted.get() < 3 * members) {
            Thread.sleep(5);
        }
        Reply close = http.postJson("/api/rounds/" + round + "/close", gironde.coordinator(), PASSWORD, "");
        // What the pooling reads once the close is done; any order accepted later would be missing from it.
        List<BigDecimal> atClose = ids.stream().map(this::quantity).toList();
        List<String> allRefusals = new ArrayList<>();
        for (Future<List<String>> future : refusals) {
            allRefusals.addAll(future.get());
        }
        pool.shutdown();

        assertThat(close.status()).isEqualTo(200);
        assertThat(allRefusals).as("every member was stopped by the close, with the round-closed error only").hasSize(members)
                .allSatisfy(refusal -> assertThat(refusal).startsWith("409").contains("order.round-closed"));
        for (int m = 0; m < members; m++) {
            String orderId = MemberOrderIds.of(RoundId.of(round), ids.get(m));
            assertThat(atClose.get(m)).as("member %d: the last accepted order is the one read at close", m)
                    .isEqualByComparingTo(BigDecimal.valueOf(lastAccepted[m]));
            assertThat(quantity(ids.get(m))).as("member %d: and nothing changed it after", m).isEqualByComparingTo(atClose.get(m));
            assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = :id").param("id", orderId)
                    .query(Long.class).single()).as("member %d: one event per accepted submission", m).isEqualTo(acceptedCount[m]);
        }
    }

    private Reply order(String login, MemberId member, int quantity) {
        return http.putJson("/api/rounds/" + round + "/orders/" + member, login, PASSWORD,
                "{\"lines\":[{\"productId\":\"" + carrots + "\",\"quantity\":\"" + quantity + "\"}]}");
    }

    private BigDecimal quantity(MemberId member) {
        return jdbc.sql("SELECT coalesce(sum(quantity), 0) FROM member_order_line WHERE round_id = :round AND member_id = :member")
                .param("round", round).param("member", member.value()).query(BigDecimal.class).single();
    }
}
