package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.support.Http.Reply;
import coop.mutua.app.support.FreshGroupement.Named;
import coop.mutua.app.support.Http;
import coop.mutua.app.support.IntegrationTest;
import coop.mutua.app.support.RoundFlow;
import coop.mutua.app.support.RoundsThroughApi;
import coop.mutua.app.support.TestGroupements.TestGroupement;
import coop.mutua.app.support.TestGroupements;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Values a read model cannot hold (issue 15's "ghosts": a price of 1e11, a NUL character, a quantity of 1e9, a year past
 * PostgreSQL's, an invoice number of 101 characters) are refused before any event is stored, with a problem naming the
 * field; an answer is never 2xx for what was not stored; and no projection dead-letters anything (NoDeadLetters).
 */
@IntegrationTest
class PoisonInputIntegrationTest {

    private static final String PASSWORD = TestGroupements.PASSWORD;

    @Value("${local.server.port}")
    int port;
    @Autowired
    TestGroupements groupements;
    @Autowired
    JdbcClient jdbc;

    @Test
    void productValuesBeyondTheCatalogsColumnsAreRefusedAndNothingIsStored() {
        TestGroupement groupement = groupements.create("Réseau fantôme");
        Http http = new Http(port);
        String product = new RoundFlow(http, groupement).product(groupement.supplierId(), RoundsThroughApi.APPLES);
        long events = eventsOf(product);

        refused(http.putJson("/api/products/" + product, groupement.supplier(), PASSWORD, """
                {"name":"Pommes","category":"Fruits","saleUnit":"KG","caseSize":"5","vatRate":"5.5","unitPrice":"100000000000"}"""),
                "unitPrice");
        refused(http.putJson("/api/products/" + product, groupement.supplier(), PASSWORD, """
                {"name":"Pommes","category":"Fruits","saleUnit":"KG","caseSize":"1000000000","vatRate":"5.5","unitPrice":"2"}"""),
                "caseSize");
        refused(http.putJson("/api/products/" + product, groupement.supplier(), PASSWORD, """
                {"name":"Pom\\u0000mes","category":"Fruits","saleUnit":"KG","caseSize":"5","vatRate":"5.5","unitPrice":"2"}"""),
                "name");
        refused(http.putJson("/api/products/" + product, groupement.supplier(), PASSWORD, """
                {"name":"Pommes","category":"Fruits","saleUnit":"KG","caseSize":"5","vatRate":"5.5","unitPrice":"2",
                 "tiers":[{"from":"1e1000000","price":"1.5"}]}"""), "tiers[0].from");
        assertThat(eventsOf(product)).as("events of the product").isEqualTo(events);

        // The product can still be edited, and another groupement's catalog still follows.
        assertThat(http.putJson("/api/products/" + product, groupement.supplier(), PASSWORD, """
                {"name":"Pommes bio","category":"Fruits","saleUnit":"KG","caseSize":"5","vatRate":"5.5","unitPrice":"2.10"}""")
                .status()).isEqualTo(200);
        TestGroupement other = groupements.create("Réseau voisin");
        assertThat(http.get("/api/suppliers/" + other.supplierId(), other.coordinator(), PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aNulCharacterOrAnImpossibleYearInARoundIsRefusedAndNoRoundAppears() {
        TestGroupement groupement = groupements.create("Réseau sans fantôme");
        Http http = new Http(port);
        String delivery = LocalDate.now().plusDays(5).toString();
        refused(http.postJson("/api/rounds", groupement.coordinator(), PASSWORD, "{\"title\":\"No\\u0000l\",\"closesAt\":\""
                + OffsetDateTime.now().plusDays(3).withNano(0) + "\",\"deliveryDate\":\"" + delivery + "\",\"deliveryPlace\":\"Ici\"}"),
                "title");
        refused(http.postJson("/api/rounds", groupement.coordinator(), PASSWORD, "{\"title\":\"Loin\",\"closesAt\":\""
                + "+300000-01-01T00:00:00Z\",\"deliveryDate\":\"" + delivery + "\",\"deliveryPlace\":\"Ici\"}"), "closesAt");
        refused(http.postJson("/api/rounds", groupement.coordinator(), PASSWORD, "{\"title\":\"Loin\",\"closesAt\":\""
                + OffsetDateTime.now().plusDays(3).withNano(0) + "\",\"deliveryDate\":\"+300000-01-01\",\"deliveryPlace\":\"Ici\"}"),
                "deliveryDate");
        assertThat(http.get("/api/rounds", groupement.coordinator(), PASSWORD).json().size()).isZero();
        assertThat(eventsOfGroupement(groupement)).as("round events").isZero();
    }

    @Test
    void aHugeFeePercentIsRefusedInAShortAnswerNamingTheField() {
        TestGroupement groupement = groupements.create("Réseau des frais");
        Http http = new Http(port);
        String round = http.postJson("/api/rounds", groupement.coordinator(), PASSWORD, "{\"title\":\"Frais\",\"closesAt\":\""
                + OffsetDateTime.now().plusDays(3).withNano(0) + "\",\"deliveryDate\":\"" + LocalDate.now().plusDays(5)
                + "\",\"deliveryPlace\":\"Ici\"}").json().get("id").asString();
        for (String fee : List.of("1e1000000", "1e999999999", "-1e-1000000", "99999999999999999999999999999999999999999999")) {
            long started = System.nanoTime();
            Reply reply = http.putJson("/api/rounds/" + round + "/terms", groupement.coordinator(), PASSWORD,
                    "{\"suppliers\":[],\"groupementFeePercent\":\"" + fee + "\"}");
            refused(reply, "groupementFeePercent");
            // Before: the refusal wrote the number out in full (a gigabyte for 1e999999999, and the heap with it).
            assertThat(reply.body().length()).as(fee).isLessThan(1000);
            assertThat(System.nanoTime() - started).as("nanoseconds for " + fee).isLessThan(2_000_000_000L);
        }
    }

    @Test
    void anOrderWithoutItsLinesOrForAnotherRoundIsRefusedAndTheSavedOrderKept(@Named("Réseau sans lignes") RoundFlow flow) {
        TestGroupement groupement = flow.groupement();
        String apples = flow.product(groupement.supplierId(), RoundsThroughApi.APPLES);
        String round = flow.openRound("Sans lignes", "PRO_RATA", "BY_VALUE", "0", List.of(groupement.supplierId()));
        String path = "/api/rounds/" + round + "/orders/" + groupement.memberId();
        flow.order(round, groupement.memberId(), "{\"productId\":\"" + apples + "\",\"quantity\":\"10\"}");

        // An order is emptied with "lines": [], never by a body that forgot them.
        refused(flow.http().putJson(path, groupement.member(), PASSWORD, "{\"lines\":null}"), "lines");
        refused(flow.http().putJson(path, groupement.member(), PASSWORD, "{}"), "lines");
        refused(flow.http().putJson(path, groupement.member(), PASSWORD, "{\"roundId\":\"" + UUID.randomUUID()
                + "\",\"lines\":[]}"), "roundId");
        refused(flow.http().putJson(path, groupement.member(), PASSWORD, "{\"memberId\":\"" + UUID.randomUUID()
                + "\",\"lines\":[]}"), "memberId");
        assertThat(flow.http().get(path, groupement.member(), PASSWORD).json().get("lines").size()).as("the saved order").isEqualTo(1);
    }

    @Test
    void anOrderBeyondWhatAnOrderLineHoldsIsRefusedNotAnsweredAsSaved(@Named("Réseau démesuré") RoundFlow flow) {
        TestGroupement groupement = flow.groupement();
        String apples = flow.product(groupement.supplierId(), RoundsThroughApi.APPLES);
        String round = flow.openRound("Démesure", "PRO_RATA", "BY_VALUE", "0", List.of(groupement.supplierId()));
        String path = "/api/rounds/" + round + "/orders/" + groupement.memberId();
        flow.order(round, groupement.memberId(), "{\"productId\":\"" + apples + "\",\"quantity\":\"10\"}");

        refused(flow.http().putJson(path, groupement.member(), PASSWORD,
                "{\"lines\":[{\"productId\":\"" + apples + "\",\"quantity\":\"1000000000\"}]}"), "lines[0].quantity");
        long started = System.nanoTime();
        refused(flow.http().putJson(path, groupement.member(), PASSWORD,
                "{\"lines\":[{\"productId\":\"" + apples + "\",\"quantity\":\"1e1000000\"}]}"), "lines[0].quantity");
        refused(flow.http().putJson(path, groupement.member(), PASSWORD,
                "{\"lines\":[{\"productId\":\"" + apples + "\",\"quantity\":1e1000000}]}"), "lines[0].quantity");
        refused(flow.http().putJson(path, groupement.member(), PASSWORD,
                "{\"lines\":[{\"productId\":\"" + apples + "\",\"quantity\":\"1e-1000000\"}]}"), "lines[0].quantity");
        assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds for three absurd numbers").isLessThan(1_000);

        assertThat(flow.http().get(path, groupement.member(), PASSWORD).json().get("lines").get(0).get("quantity").asString())
                .isEqualTo("10");
    }

    @Test
    void aSupplierInvoiceNumberLongerThanItsColumnIsRefused(@Named("Réseau facture longue") RoundFlow flow) {
        TestGroupement groupement = flow.groupement();
        String apples = flow.product(groupement.supplierId(), RoundsThroughApi.APPLES);
        String round = flow.openRound("Longue", "PRO_RATA", "BY_VALUE", "0", List.of(groupement.supplierId()));
        flow.order(round, groupement.memberId(), "{\"productId\":\"" + apples + "\",\"quantity\":\"10\"}");
        flow.close(round);
        String order = flow.supplierOrders(round).get(0).get("id").asString();
        flow.receive(order, "");

        refused(flow.http().postJson("/api/supplier-orders/" + order + "/invoice", flow.coordinator(), PASSWORD,
                "{\"number\":\"" + "F".repeat(101) + "\",\"issueDate\":\"" + LocalDate.now() + "\",\"lines\":[{\"productId\":\""
                        + apples + "\",\"quantity\":\"10\",\"unitPrice\":\"2.00\"}]}"), "number");
        refused(flow.http().postJson("/api/supplier-orders/" + order + "/invoice", flow.coordinator(), PASSWORD,
                "{\"number\":\"F-1\",\"issueDate\":\"" + LocalDate.now() + "\",\"lines\":[{\"productId\":\""
                        + apples + "\",\"quantity\":\"10\",\"unitPrice\":\"2.00\",\"amount\":\"1e30\"}]}"), "lines[0].amount");
        assertThat(flow.http().get("/api/supplier-orders/" + order + "/invoices", flow.coordinator(), PASSWORD).json().size()).isZero();
    }

    private static void refused(Reply reply, String field) {
        assertThat(reply.status()).as(reply.body()).isIn(400, 422);
        assertThat(reply.json().get("field").asString()).as(reply.body()).isEqualTo(field);
    }

    private long eventsOf(String aggregate) {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = :id").param("id", aggregate)
                .query(Long.class).single();
    }

    private long eventsOfGroupement(TestGroupement groupement) {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%PurchaseRound%' "
                        + "AND convert_from(metadata, 'UTF8') LIKE :groupement")
                .param("groupement", "%" + groupement.id().value() + "%").query(Long.class).single();
    }
}
