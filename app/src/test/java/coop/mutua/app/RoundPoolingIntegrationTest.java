package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.account.Accounts;
import coop.mutua.app.support.Eventually;
import coop.mutua.app.support.Http;
import coop.mutua.app.support.IntegrationTest;
import coop.mutua.app.support.Pages;
import coop.mutua.app.support.RoundsThroughApi;
import coop.mutua.app.support.StopJobsMidway;
import coop.mutua.app.support.TestGroupements.TestGroupement;
import coop.mutua.app.support.TestGroupements;
import coop.mutua.app.support.TestMail;
import coop.mutua.catalog.api.Address;
import coop.mutua.catalog.api.EssFamily;
import coop.mutua.catalog.api.OrderingTerms;
import coop.mutua.catalog.api.RegisterMemberCommand;
import coop.mutua.catalog.api.RegisterSupplierCommand;
import coop.mutua.catalog.api.SupplierDetails;
import coop.mutua.kernel.GeoPoint;
import coop.mutua.kernel.JobRecovery;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.ProjectionCatchUp;
import coop.mutua.kernel.Role;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.ordering.batch.RoundPoolings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The pooling job at close: supplier orders, tiers, minimums, members' shares; and a job stopped midway, restarted. */
@IntegrationTest
class RoundPoolingIntegrationTest {

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
    @Autowired
    JobRecovery recovery;
    @Autowired
    RoundPoolings poolings;
    @Autowired
    Accounts accounts;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    MeterRegistry meters;

    Http http;
    TestGroupement gironde;
    SupplierId dairy;
    String carrots;
    String cheese;
    MemberId second;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        gironde = groupements.create("Réseau pooling");
        Address address = new Address("4 chemin", "33000", "Bordeaux", "FR");
        dairy = SupplierId.random();
        commands.sendAndWait(new RegisterSupplierCommand(dairy, gironde.id(), new SupplierDetails("Fromagerie", "73282932000074", null, null, Set.of(), address, new GeoPoint(44.9, -0.6), dairyEmail(),
                new OrderingTerms(Money.parse("150.00"), Money.parse("300.00"), Money.parse("12.00")), null)));
        second = MemberId.random();
        commands.sendAndWait(new RegisterMemberCommand(second, gironde.id(), "Épicerie solidaire", "73282932000074", null,
                EssFamily.ASSOCIATION, address, address, "epicerie-" + second.value().substring(0, 8) + "@example.org"));
        catchUp.await("catalog-directory", dairy);
        catchUp.await("catalog-directory", second);
        carrots = RoundsThroughApi.product(http, gironde.supplier(), gironde.supplierId(), RoundsThroughApi.CARROTS);
        cheese = RoundsThroughApi.product(http, gironde.coordinator(), dairy, RoundsThroughApi.CHEESE);
    }

    @Test
    void atCloseEachSupplierGetsOneOrderWithCasesTiersAndEveryMembersShare() {
        String round = closedRoundWithOrders();

        Eventually.equal(true, () -> pooled(round));
        Map<String, Object> farm = supplierOrder(round, gironde.supplierId());
        Map<String, Object> fromagerie = supplierOrder(round, dairy);
        assertThat(farm.get("total_excl_vat_cents")).as("12 kg at the 1.80 tier").isEqualTo(2160L);
        assertThat(farm.get("below_minimum")).isEqualTo(false);
        assertThat(fromagerie.get("total_excl_vat_cents")).as("2 cases of 2 kg at 16.80").isEqualTo(6720L);
        assertThat(fromagerie.get("below_minimum")).as("below the 150.00 minimum").isEqualTo(true);
        assertThat(fromagerie.get("delivery_fee_cents")).isEqualTo(1200L);
        assertThat(line(round, carrots)).containsEntry("cases", 2L).containsEntry("unit_price", new BigDecimal("1.8000"));
        assertThat(shares(round, carrots)).containsEntry(gironde.memberId().value(), new BigDecimal("7.000"))
                .containsEntry(second.value(), new BigDecimal("5.000"));
        assertThat(shares(round, cheese)).as("3.5 kg asked, 4 kg ordered thanks to the tolerance")
                .containsEntry(gironde.memberId().value(), new BigDecimal("2.500")).containsEntry(second.value(), new BigDecimal("1.500"));
        assertThat(http.get("/api/rounds/" + round, gironde.coordinator(), PASSWORD).json().get("status").asString()).isEqualTo("POOLED");

        // Through the API: the coordinator sees both orders, the farm only its own, with the packing list.
        JsonNode ofRound = http.get("/api/rounds/" + round + "/supplier-orders", gironde.coordinator(), PASSWORD).json();
        assertThat(ofRound.size()).isEqualTo(2);
        for (JsonNode order : ofRound) {
            assertThat(order).as("the round's list gives each order as its own resource does, shares included")
                    .isEqualTo(http.get("/api/supplier-orders/" + order.get("id").asString(), gironde.coordinator(), PASSWORD).json());
            assertThat(order.get("lines").get(0).at("/demand/shares").size()).isPositive();
        }
        JsonNode own = http.get("/api/supplier-orders", gironde.supplier(), PASSWORD).json();
        assertThat(own.size()).isEqualTo(1);
        assertThat(own.get(0).get("totalExclVat").asString()).isEqualTo("21.60");
        String farmOrder = own.get(0).get("id").asString();
        JsonNode packing = http.get("/api/supplier-orders/" + farmOrder, gironde.supplier(), PASSWORD).json()
                .get("lines").get(0);
        assertThat(packing.get("unitPrice").asString()).isEqualTo("1.80");
        assertThat(packing.at("/demand/shares").size()).isEqualTo(2);
        assertThat(http.get("/api/supplier-orders/" + fromagerie.get("id"), gironde.supplier(), PASSWORD).status())
                .as("another supplier's order").isEqualTo(404);
        assertThat(http.get("/api/supplier-orders", gironde.member(), PASSWORD).status()).isEqualTo(403);
        // The member sees what it gets and why.
        JsonNode shares = http.get("/api/rounds/" + round + "/orders/" + second, gironde.coordinator(), PASSWORD)
                .json().get("shares");
        assertThat(shares.size()).isEqualTo(2);
        assertThat(shares.findValues("change").stream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder("TOLERANCE_USED", "TOLERANCE_USED");
        assertThat(http.get("/api/rounds/" + round + "/orders/" + gironde.memberId(), gironde.member(), PASSWORD)
                .json().get("shares").findValues("change").stream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder("AS_ORDERED", "AS_ORDERED");

        // The purchase order as PDF (also by content negotiation) and CSV, for the supplier itself.
        String text = pdfText(http.getBytes("/api/supplier-orders/" + farmOrder + "/pdf", gironde.supplier(), PASSWORD));
        assertThat(text).contains("Bon de commande groupée").contains(gironde.name()).contains("Commande groupée")
                .contains("CAR-6").contains("Carottes").contains("12 kg").contains("21,60 €").contains("Épicerie solidaire");
        assertThat(pdfText(http.getBytes("/api/supplier-orders/" + farmOrder, gironde.coordinator(), PASSWORD, "Accept", "application/pdf")))
                .isEqualTo(text);
        assertThat(http.get("/api/supplier-orders/" + farmOrder + "/csv", gironde.supplier(), PASSWORD).body())
                .contains("CAR-6;Carottes;KG;2;12;1,80;21,60;5,5");
        assertThat(http.get("/api/supplier-orders/" + fromagerie.get("id") + "/pdf", gironde.supplier(), PASSWORD).status())
                .as("not another supplier's").isEqualTo(404);

        // And on the pages: the coordinator's supplier orders with the minimum flag, the member's shares with the reason.
        String coordinatorPage = Pages.loggedIn(port, gironde.coordinator()).get("/rounds/" + round, null, null).body();
        assertThat(coordinatorPage).contains("Commandes fournisseurs").contains("Fromagerie").contains("Sous le minimum (150,00\u00a0€ HT)")
                .contains("21,60\u00a0€");
        // Each order's state in a column of its own, not under the minimum's heading.
        assertThat(coordinatorPage).containsPattern("<th scope=\"col\">État de la commande</th>")
                .containsPattern("data-label=\"État de la commande\">\\s*<span class=\"status");
        // The coordinator confirms the cheese order below its minimum from the round page.
        Http browser = Pages.loggedIn(port, gironde.coordinator());
        String csrf = Pages.csrf(browser.get("/rounds/" + round, null, null).body());
        assertThat(browser.postForm("/rounds/" + round + "/supplier-orders/" + dairy + "/decision",
                "_csrf=" + Pages.enc(csrf) + "&confirm=true").status()).isEqualTo(302);
        Eventually.equal("SENT", () -> (String) supplierOrder(round, dairy).get("status"));
        String memberPage = Pages.loggedIn(port, gironde.member()).get("/rounds/" + round, null, null).body();
        assertThat(memberPage).contains("Ce que vous recevrez").contains("Tel que commandé").doesNotContain("Commandes fournisseurs");
    }

    @Test
    void firstComeServesTheEarlierOrderInFullWhenTheLastCaseIsNotFilled() {
        String round = RoundsThroughApi.openRound(http, gironde, "Premier arrivé", "FIRST_COME", gironde.supplierId());
        order(round, second, "{\"productId\":\"" + carrots + "\",\"quantity\":\"4\"}");
        order(round, gironde.memberId(), "{\"productId\":\"" + carrots + "\",\"quantity\":\"3\"}");
        assertThat(http.postJson("/api/rounds/" + round + "/close", gironde.coordinator(), PASSWORD, "").status()).isEqualTo(200);

        Eventually.equal(true, () -> pooled(round));
        assertThat(shares(round, carrots)).as("7 asked, one case of 6: the first order is served in full")
                .containsEntry(second.value(), new BigDecimal("4.000")).containsEntry(gironde.memberId().value(), new BigDecimal("2.000"));
    }

    @Test
    void theCoordinatorCancelsASupplierOrderBelowItsMinimumAndMembersAreShownWhy() {
        String round = closedRoundWithOrders();
        Eventually.equal(true, () -> pooled(round));
        String fromagerie = (String) supplierOrder(round, dairy).get("id");
        String farm = (String) supplierOrder(round, gironde.supplierId()).get("id");

        Http.Reply notBelow = http.postJson("/api/supplier-orders/" + farm + "/cancel", gironde.coordinator(), PASSWORD, "");
        Http.Reply cancelled = http.postJson("/api/supplier-orders/" + fromagerie + "/cancel", gironde.coordinator(), PASSWORD, "");
        Http.Reply twice = http.postJson("/api/supplier-orders/" + fromagerie + "/accept-below-minimum", gironde.coordinator(), PASSWORD, "");

        assertThat(notBelow.status()).isEqualTo(409);
        assertThat(notBelow.json().get("code").asString()).isEqualTo("supplier-order.no-decision-pending");
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(twice.status()).as("decided once").isEqualTo(409);
        assertThat(http.get("/api/supplier-orders", gironde.coordinator(), PASSWORD).json().size()).isEqualTo(2);
        JsonNode shares = http.get("/api/rounds/" + round + "/orders/" + second, gironde.coordinator(), PASSWORD)
                .json().get("shares");
        assertThat(shares.findValues("change").stream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder("TOLERANCE_USED", "SUPPLIER_CANCELLED");
        assertThat(http.postJson("/api/supplier-orders/" + fromagerie + "/cancel", gironde.supplier(), PASSWORD, "").status())
                .as("suppliers do not decide").isEqualTo(403);
        // Both members had cheese from the cancelled order: each is told, after the mail of the pooling.
        String first = "membre-" + gironde.id().value().substring(0, 8) + "@example.org";
        Eventually.equal(2, () -> TestMail.to(first).size());
        assertThat(TestMail.to(first).stream().map(message -> {
            try {
                return message.getSubject() + " " + message.getContent();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList()).anySatisfy(text -> assertThat(text).contains("annulée").contains("Tomme : 2,5"));
    }

    @Test
    void eachSupplierIsMailedItsOrderOnceWithThePdfAndTheCsvAndOneBelowItsMinimumOnlyOnceConfirmed() throws Exception {
        String round = closedRoundWithOrders();
        Eventually.equal(true, () -> pooled(round));

        Eventually.equal(1, () -> TestMail.to(farmEmail()).size());
        MimeMessage mail = TestMail.to(farmEmail()).get(0);
        assertThat(mail.getSubject()).startsWith("Bon de commande groupée").endsWith(gironde.name());
        assertThat(mail.getMessageID()).startsWith("<supplier-order-").endsWith("-v1@mutua>");
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        List<String> attachments = new ArrayList<>();
        String pdf = null;
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getFileName() != null) {
                attachments.add(part.getFileName());
                if (part.getFileName().endsWith(".pdf")) {
                    pdf = pdfText(part.getInputStream().readAllBytes());
                }
            }
        }
        assertThat(attachments).hasSize(2).anyMatch(name -> name.endsWith(".pdf")).anyMatch(name -> name.endsWith(".csv"));
        assertThat(pdf).contains("Carottes").contains("21,60 €").contains(gironde.name());
        assertThat(TestMail.to(dairyEmail())).as("below its minimum: not sent before the coordinator decides").isEmpty();

        String fromagerie = (String) supplierOrder(round, dairy).get("id");
        String dairyLogin = "fromagerie-" + dairy.value().substring(0, 8);
        accounts.create(dairyLogin, PASSWORD, "Fromagerie", Role.SUPPLIER, gironde.id(), null, dairy);
        assertThat(http.get("/api/supplier-orders", dairyLogin, PASSWORD).json().size())
                .as("the supplier does not see an order awaiting the coordinator's decision").isZero();
        assertThat(http.postJson("/api/supplier-orders/" + fromagerie + "/accept-below-minimum", gironde.coordinator(), PASSWORD, "")
                .status()).isEqualTo(200);
        Eventually.equal(1, () -> TestMail.to(dairyEmail()).size());
        assertThat(http.get("/api/supplier-orders", dairyLogin, PASSWORD).json().size()).isEqualTo(1);

        // Replaying the dispatcher's events (a reset, as after a redeployment) sends nothing again.
        StreamingEventProcessor dispatcher = processing
                .eventProcessor("ordering-process", StreamingEventProcessor.class).orElseThrow();
        dispatcher.shutDown();
        dispatcher.resetTokens();
        dispatcher.start();
        Eventually.equal(true, () -> dispatcher.processingStatus().values().stream().allMatch(status -> status.isCaughtUp()));
        Thread.sleep(300);
        assertThat(TestMail.to(farmEmail())).hasSize(1);
        assertThat(TestMail.to(dairyEmail())).hasSize(1);
    }

    @Test
    void aShortageAndAWeighedSurplusAtReceptionAreReSharedByPolicyAndMembersSeeIt() throws Exception {
        String round = closedRoundWithOrders();
        Eventually.equal(true, () -> pooled(round));
        String farm = (String) supplierOrder(round, gironde.supplierId()).get("id");
        String fromagerie = (String) supplierOrder(round, dairy).get("id");

        // 12 kg of carrots ordered (7 and 5), 9 arrive; 4 kg of cheese ordered (2.5 and 1.5), 4.12 kg weighed. The cheese
        // order, below its supplier's minimum, cannot be received before the coordinator's decision.
        JsonNode received = http.postJson("/api/supplier-orders/" + farm + "/reception", gironde.coordinator(),
                PASSWORD, "{\"lines\":[{\"productId\":\"" + carrots + "\",\"delivered\":\"9\"}]}").json();
        String cheeseReception = "{\"lines\":[{\"productId\":\"" + cheese + "\",\"delivered\":\"4.12\"}]}";
        Http.Reply early = http.postJson("/api/supplier-orders/" + fromagerie + "/reception", gironde.coordinator(), PASSWORD,
                cheeseReception);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("code").asString()).isEqualTo("supplier-order.awaiting-decision");
        assertThat(http.postJson("/api/supplier-orders/" + fromagerie + "/accept-below-minimum", gironde.coordinator(), PASSWORD, "")
                .status()).isEqualTo(200);
        assertThat(http.postJson("/api/supplier-orders/" + fromagerie + "/reception", gironde.coordinator(), PASSWORD,
                cheeseReception).status()).isEqualTo(200);
        assertThat(http.get("/api/rounds/" + round, gironde.coordinator(), PASSWORD).json().get("status").asString())
                .as("every order arrived").isEqualTo("RECEIVED");

        assertThat(received.get("lines").get(0).at("/reception/delivered").asString()).isEqualTo("9");
        assertThat(received.get("receivedAt").isNull()).isFalse();
        assertThat(receivedShares(round, carrots)).as("9 of the 10 firm kilos asked (7 and 3): 6.3 and 2.7, the spare kilo to the"
                        + " larger remainder; the second member's 2 kilos of tolerance come after every firm kilo")
                .containsEntry(gironde.memberId().value(), new BigDecimal("6.000")).containsEntry(second.value(), new BigDecimal("3.000"));
        assertThat(receivedShares(round, cheese)).as("the extra 120 g to the tolerance left")
                .containsEntry(gironde.memberId().value(), new BigDecimal("2.500")).containsEntry(second.value(), new BigDecimal("1.620"));
        JsonNode shares = http.get("/api/rounds/" + round + "/orders/" + gironde.memberId(), gironde.member(), PASSWORD)
                .json().get("shares");
        assertThat(shares.findValues("receptionChange").stream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder("REDUCED", "AS_ORDERED");
        assertThat(http.postJson("/api/supplier-orders/" + farm + "/reception", gironde.coordinator(), PASSWORD,
                "{\"lines\":[{\"productId\":\"" + carrots + "\",\"delivered\":\"-1\"}]}").status()).isIn(400, 422);

        // Each member was told its shares at pooling, then what the reception changed (only what changed for it).
        String first = "membre-" + gironde.id().value().substring(0, 8) + "@example.org";
        String epicerie = "epicerie-" + second.value().substring(0, 8) + "@example.org";
        Eventually.equal(2, () -> TestMail.to(first).size());
        Eventually.equal(3, () -> TestMail.to(epicerie).size());
        List<String> texts = new ArrayList<>();
        for (MimeMessage message : TestMail.to(first)) {
            texts.add(message.getSubject() + "\n" + message.getContent());
        }
        assertThat(texts).anySatisfy(text -> assertThat(text).contains("Votre commande groupée").contains("Carottes : 7 (demandé 7)")
                .contains("Tomme : 2,5 (demandé 2,5)"));
        assertThat(texts).anySatisfy(text -> assertThat(text).contains("Livraison").contains("Carottes : 6 au lieu de 7")
                .doesNotContain("Tomme"));
    }

    @Test
    void aFailingPoolingWritesNothingIsShownWithItsReasonRetriedAFewTimesThenByTheCoordinator() {
        String clean = closedRoundWithOrders();
        Eventually.equal(true, () -> pooled(clean));
        double failedBefore = failedPoolings();

        // Every attempt fails as the second supplier's order is written: the first one was already written.
        StopJobsMidway.FAIL_POOLING.set(2);
        try {
            failThreeTimesThenRetry(clean, failedBefore);
        } finally {
            StopJobsMidway.FAIL_POOLING.set(0);
        }
    }

    private void failThreeTimesThenRetry(String clean, double failedBefore) {
        String failing = closedRoundWithOrders();
        JsonNode shown = waitForStatus(failing, "POOLING_FAILED");
        assertThat(shown.get("failure").get("job").asString()).isEqualTo("POOLING");
        assertThat(shown.get("failure").get("reason").asString()).contains("stopped after supplier");
        assertThat(shown.get("failure").get("attempts").asInt()).isEqualTo(1);
        assertThat(shown.get("failure").has("nextAttemptAt")).as("tried again by itself").isTrue();
        assertThat(count("supplier_order", failing)).as("all the round's supplier orders or none").isZero();
        assertThat(count("member_allocation", failing)).isZero();
        assertThat(failedPoolings() - failedBefore).isEqualTo(1.0);
        assertThat(poolings.poolIfDue(RoundId.of(failing))).as("not before its backoff").isFalse();
        assertThat(executions(failing)).isEqualTo(1);
        assertThat(http.postJson("/api/rounds/" + failing + "/invoices", gironde.coordinator(), PASSWORD, "").status())
                .as("nothing to invoice yet").isIn(409, 422);
        String page = Pages.loggedIn(port, gironde.coordinator()).get("/rounds/" + failing, null, null).body();
        assertThat(page).contains("Regroupement en échec").contains("stopped after supplier").contains("Relancer le regroupement")
                .doesNotContain("Regroupement en cours");

        // Once the attempt is due, several callers at once (the schedules of several nodes) make one attempt between them.
        Instant due = Instant.parse(shown.get("failure").get("nextAttemptAt").asString());
        sleep(Math.max(0, Duration.between(Instant.now(), due).toMillis() + 50));
        CyclicBarrier together = new CyclicBarrier(4);
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread caller = new Thread(() -> {
                try {
                    together.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                poolings.poolIfDue(RoundId.of(failing));
            });
            caller.start();
            callers.add(caller);
        }
        for (Thread caller : callers) {
            try {
                caller.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        Eventually.equal(2, () -> round(failing).get("failure").get("attempts").asInt());
        assertThat(executions(failing)).as("one attempt for four callers").isEqualTo(2);

        // Retried after a growing delay (1 s, then 4 s in tests), three attempts in all, then it waits for the coordinator.
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (round(failing).get("failure").has("nextAttemptAt") && System.nanoTime() < giveUp) {
            poolings.poolIfDue(RoundId.of(failing));
            sleep(100);
        }
        shown = round(failing);
        assertThat(shown.get("status").asString()).isEqualTo("POOLING_FAILED");
        assertThat(shown.get("failure").get("attempts").asInt()).isEqualTo(3);
        assertThat(shown.get("failure").has("nextAttemptAt")).as("no more automatic attempts").isFalse();
        assertThat(poolings.poolIfDue(RoundId.of(failing))).as("no more automatic attempts").isFalse();
        assertThat(executions(failing)).isEqualTo(3);
        assertThat(failedPoolings() - failedBefore).isEqualTo(3.0);
        assertThat(count("supplier_order", failing)).isZero();

        // The cause fixed, the coordinator retries: the round is pooled exactly as a round that never failed.
        StopJobsMidway.FAIL_POOLING.set(0);
        assertThat(http.postJson("/api/rounds/" + clean + "/retry", gironde.coordinator(), PASSWORD, "").status())
                .as("nothing failed there").isEqualTo(409);
        assertThat(http.postJson("/api/rounds/" + failing + "/retry", gironde.member(), PASSWORD, "").status()).isEqualTo(403);
        Http.Reply retried = http.postJson("/api/rounds/" + failing + "/retry", gironde.coordinator(), PASSWORD, "");
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        shown = waitForStatus(failing, "POOLED");
        assertThat(shown.has("failure")).isFalse();
        assertThat(contents(failing)).isEqualTo(contents(clean));
        assertThat(poolings.pool(RoundId.of(failing))).as("a completed pooling is not run again").isTrue();
        assertThat(count("supplier_order", failing)).isEqualTo(2);
    }

    @Test
    void aSupplierTheDirectoryDoesNotShowYetFailsTheAttemptInsteadOfPoolingWithoutItsMinimum() {
        // The directory is a tracking projection: right after a supplier is registered or its terms changed, it may lag.
        // Pooling must not then order without the supplier's minimum, fee and free shipping (the demo's November round
        // once came out without its order below minimum that way).
        String round = RoundsThroughApi.openRound(http, gironde, "Commande groupée", gironde.supplierId(), dairy);
        order(round, gironde.memberId(), "{\"productId\":\"" + cheese + "\",\"quantity\":\"2.5\"}");
        jdbc.sql("UPDATE supplier SET groupement_id = 'not-projected-yet' WHERE id = :id").param("id", dairy.value()).update();
        try {
            assertThat(http.postJson("/api/rounds/" + round + "/close", gironde.coordinator(), PASSWORD, "").status()).isEqualTo(200);
            JsonNode shown = waitForStatus(round, "POOLING_FAILED");
            assertThat(shown.get("failure").get("reason").asString()).contains(dairy.value());
            assertThat(count("supplier_order", round)).as("all the round's supplier orders or none").isZero();
        } finally {
            jdbc.sql("UPDATE supplier SET groupement_id = :g WHERE id = :id").param("g", gironde.id().value())
                    .param("id", dairy.value()).update();
        }
        Http.Reply retried = http.postJson("/api/rounds/" + round + "/retry", gironde.coordinator(), PASSWORD, "");
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        waitForStatus(round, "POOLED");
        assertThat(supplierOrder(round, dairy)).as("2.5 kg of cheese is below the dairy's 150.00 minimum")
                .containsEntry("below_minimum", true).containsEntry("status", "BELOW_MINIMUM")
                .containsEntry("delivery_fee_cents", 1200L);
    }

    @Test
    void aPoolingInterruptedByACrashIsRecoveredAndRunsAgain() {
        String clean = closedRoundWithOrders();
        Eventually.equal(true, () -> pooled(clean));
        StopJobsMidway.FAIL_POOLING.set(1);
        String stopped;
        try {
            stopped = closedRoundWithOrders();
            waitForStatus(stopped, "POOLING_FAILED");
        } finally {
            StopJobsMidway.FAIL_POOLING.set(0);
        }

        // As if its node had been killed while it ran: the execution still says STARTED, and its owner node beats no more.
        String execution = """
                (SELECT max(e.job_execution_id) FROM batch_job_execution e
                    JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
                    WHERE p.parameter_name = 'roundId' AND p.parameter_value = :round)""";
        jdbc.sql("UPDATE batch_job_execution SET status = 'STARTED', exit_code = 'UNKNOWN', end_time = NULL WHERE job_execution_id = "
                + execution).param("round", stopped).update();
        assertThat(poolings.pool(RoundId.of(stopped))).as("a running execution is left alone").isFalse();
        recovery.recoverAbandoned();
        assertThat(lastExecutionStatus(stopped)).as("its own node is alive: left alone").isEqualTo("STARTED");
        jdbc.sql("INSERT INTO job_node (node_id, host, started_at, beat_at) VALUES ('gone', 'ailleurs', now() - interval '1 hour', "
                + "now() - interval '1 hour')").update();
        jdbc.sql("UPDATE job_execution_owner SET node_id = 'gone' WHERE job_execution_id = " + execution).param("round", stopped).update();
        recovery.recoverAbandoned();
        assertThat(lastExecutionStatus(stopped)).as("its node stopped beating: made restartable").isEqualTo("FAILED");
        assertThat(poolings.pool(RoundId.of(stopped))).as("run again from the frozen orders").isTrue();
        waitForStatus(stopped, "POOLED");
        assertThat(contents(stopped)).isEqualTo(contents(clean));
    }

    /** A round with both suppliers, two members' orders, closed by the coordinator. */
    private String closedRoundWithOrders() {
        String round = RoundsThroughApi.openRound(http, gironde, "Commande groupée", gironde.supplierId(), dairy);
        order(round, gironde.memberId(), "{\"productId\":\"" + carrots + "\",\"quantity\":\"7\"},{\"productId\":\"" + cheese
                + "\",\"quantity\":\"2.5\"}");
        order(round, second, "{\"productId\":\"" + carrots + "\",\"quantity\":\"3\",\"tolerance\":\"2\"},{\"productId\":\"" + cheese
                + "\",\"quantity\":\"1\",\"tolerance\":\"1\"}");
        assertThat(http.postJson("/api/rounds/" + round + "/close", gironde.coordinator(), PASSWORD, "").status()).isEqualTo(200);
        return round;
    }

    private void order(String round, MemberId member, String lines) {
        assertThat(http.putJson("/api/rounds/" + round + "/orders/" + member, gironde.coordinator(), PASSWORD,
                "{\"lines\":[" + lines + "]}").status()).isEqualTo(200);
    }

    private String dairyEmail() {
        return "fromagerie-" + dairy.value().substring(0, 8) + "@example.org";
    }

    private String farmEmail() {
        return "ferme-" + gironde.id().value().substring(0, 8) + "@example.org";
    }

    private static String pdfText(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean pooled(String round) {
        return jdbc.sql("SELECT pooled_at IS NOT NULL FROM purchase_round WHERE id = :id").param("id", round).query(Boolean.class).single();
    }

    private Map<String, Object> supplierOrder(String round, SupplierId supplier) {
        return jdbc.sql("SELECT * FROM supplier_order WHERE round_id = :round AND supplier_id = :supplier")
                .param("round", round).param("supplier", supplier.value()).query().singleRow();
    }

    private Map<String, Object> line(String round, String product) {
        return jdbc.sql("""
                SELECT l.* FROM supplier_order_line l JOIN supplier_order o ON o.id = l.supplier_order_id
                WHERE o.round_id = :round AND l.product_id = :product""")
                .param("round", round).param("product", product).query().singleRow();
    }

    private Map<String, BigDecimal> shares(String round, String product) {
        return jdbc.sql("SELECT member_id, allocated FROM member_allocation WHERE round_id = :round AND product_id = :product")
                .param("round", round).param("product", product)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getBigDecimal(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private Map<String, BigDecimal> receivedShares(String round, String product) {
        return jdbc.sql("SELECT member_id, received FROM member_allocation WHERE round_id = :round AND product_id = :product")
                .param("round", round).param("product", product)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getBigDecimal(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private long count(String table, String round) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE round_id = :round").param("round", round).query(Long.class).single();
    }

    /** Everything the pooling wrote for a round, without its ids and times. */
    private List<String> contents(String round) {
        List<String> rows = new ArrayList<>(jdbc.sql("""
                SELECT concat_ws('|', o.supplier_id, o.total_excl_vat_cents, o.delivery_fee_cents, o.below_minimum, l.product_id,
                    l.cases, l.quantity, l.unit_price, l.amount_excl_vat_cents, l.unallocated)
                FROM supplier_order o JOIN supplier_order_line l ON l.supplier_order_id = o.id WHERE o.round_id = :round""")
                .param("round", round).query(String.class).list());
        rows.addAll(jdbc.sql("SELECT concat_ws('|', member_id, product_id, asked, tolerance, allocated) FROM member_allocation WHERE round_id = :round")
                .param("round", round).query(String.class).list());
        return rows.stream().sorted().toList();
    }

    private JsonNode round(String round) {
        return http.get("/api/rounds/" + round, gironde.coordinator(), PASSWORD).json();
    }

    private JsonNode waitForStatus(String round, String status) {
        Eventually.equal(status, () -> round(round).get("status").asString());
        return round(round);
    }

    private double failedPoolings() {
        Counter counter = meters.find("mutua.jobs.failed").tag("job", "pooling").counter();
        return counter == null ? 0 : counter.count();
    }

    private long executions(String round) {
        return jdbc.sql("""
                SELECT count(*) FROM batch_job_execution e JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
                WHERE p.parameter_name = 'roundId' AND p.parameter_value = :round""").param("round", round).query(Long.class).single();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String lastExecutionStatus(String round) {
        return jdbc.sql("""
                SELECT e.status FROM batch_job_execution e
                JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
                WHERE p.parameter_name = 'roundId' AND p.parameter_value = :round ORDER BY e.job_execution_id DESC LIMIT 1""")
                .param("round", round).query(String.class).optional().orElse("NONE");
    }
}
