package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.support.Http;
import coop.mutua.app.support.Http.Reply;
import coop.mutua.app.support.IntegrationTest;
import coop.mutua.app.support.TestGroupements;
import coop.mutua.app.support.TestGroupements.TestGroupement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/** A round's terms, opening with a frozen offer, and cancellation, through the API on PostgreSQL. */
@IntegrationTest
class RoundLifecycleIntegrationTest {

    private static final String PASSWORD = TestGroupements.PASSWORD;

    @Value("${local.server.port}")
    int port;
    @Autowired
    TestGroupements groupements;

    Http http;
    TestGroupement gironde;
    TestGroupement landes;
    String round;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        gironde = groupements.create("Réseau campagnes");
        landes = groupements.create("Autre réseau campagnes");
        String products = "/api/suppliers/" + gironde.supplierId() + "/products";
        http.postJson(products, gironde.supplier(), PASSWORD, """
                {"reference":"CAR-10","name":"Carottes","category":"Légumes","saleUnit":"KG","caseSize":"10","vatRate":"5.5",
                 "unitPrice":"1.90","tiers":[{"from":"50","price":"1.75"}]}""");
        http.postJson(products, gironde.supplier(), PASSWORD, """
                {"reference":"POM-12","name":"Pommes","category":"Fruits","saleUnit":"KG","caseSize":"12","vatRate":"5.5",
                 "unitPrice":"2.60","available":false}""");
        OffsetDateTime closes = OffsetDateTime.now(ZoneOffset.UTC).plusDays(6).withNano(0);
        round = http.postJson("/api/rounds", gironde.coordinator(), PASSWORD, """
                {"title":"Décembre","closesAt":"%s","deliveryDate":"%s","deliveryPlace":"Entrepôt"}"""
                .formatted(closes, LocalDate.now().plusDays(9))).json().get("id").asString();
    }

    @Test
    void opensWithTheOfferFrozenAtTheCatalogsPricesOfThatMoment() {
        Reply terms = http.putJson("/api/rounds/" + round + "/terms", gironde.coordinator(), PASSWORD, """
                {"suppliers":["%s"],"allocationPolicy":"FIRST_COME","groupementFeePercent":"2.5"}""".formatted(gironde.supplierId()));
        assertThat(terms.status()).isEqualTo(200);
        assertThat(terms.json().get("allocationPolicy").asString()).isEqualTo("FIRST_COME");
        assertThat(terms.json().get("feeSplitPolicy").asString()).isEqualTo("BY_VALUE");
        assertThat(http.get("/api/rounds", gironde.member(), PASSWORD).json().size()).as("a draft is invisible to members").isZero();

        Reply opened = http.postJson("/api/rounds/" + round + "/open", gironde.coordinator(), PASSWORD, "");
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.json().get("status").asString()).isEqualTo("OPEN");

        JsonNode offer = http.get("/api/rounds/" + round + "/offer", gironde.member(), PASSWORD).json();
        assertThat(offer.size()).as("unavailable products are not offered").isEqualTo(1);
        assertThat(offer.get(0).get("reference").asString()).isEqualTo("CAR-10");
        String productId = offer.get(0).get("productId").asString();
        http.putJson("/api/products/" + productId, gironde.supplier(), PASSWORD, """
                {"name":"Carottes","category":"Légumes","saleUnit":"KG","step":"1","caseSize":"10","vatRate":"5.5","unitPrice":"2.40","available":true}""");
        JsonNode frozen = http.get("/api/rounds/" + round + "/offer", gironde.member(), PASSWORD).json().get(0);
        assertThat(frozen.get("price").get("unitPrice").asString()).as("the price frozen at opening").isEqualTo("1.90");
        assertThat(frozen.get("price").get("tiers").get(0).get("unitPrice").asString()).isEqualTo("1.75");
        assertThat(http.get("/api/rounds", gironde.member(), PASSWORD).json().get(0).get("status").asString()).isEqualTo("OPEN");

        Reply again = http.postJson("/api/rounds/" + round + "/open", gironde.coordinator(), PASSWORD, "");
        assertThat(again.status()).as("a later stage locks the earlier ones").isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("round.not-draft");
    }

    @Test
    void refusesToOpenWithoutProductsAndAnotherGroupementsSuppliersOrRounds() {
        Reply empty = http.postJson("/api/rounds/" + round + "/open", gironde.coordinator(), PASSWORD, "");
        assertThat(empty.json().get("code").asString()).isEqualTo("round.empty-offer");

        Reply foreignSupplier = http.putJson("/api/rounds/" + round + "/terms", gironde.coordinator(), PASSWORD,
                "{\"suppliers\":[\"" + landes.supplierId() + "\"]}");
        assertThat(foreignSupplier.status()).isEqualTo(422);
        assertThat(foreignSupplier.json().get("code").asString()).isEqualTo("round.unknown-supplier");

        assertThat(http.postJson("/api/rounds/" + round + "/open", landes.coordinator(), PASSWORD, "").status()).isEqualTo(404);
        assertThat(http.postJson("/api/rounds/" + round + "/cancel", landes.coordinator(), PASSWORD, "{}").status()).isEqualTo(404);
        assertThat(http.postJson("/api/rounds/" + round + "/open", gironde.member(), PASSWORD, "").status()).isEqualTo(403);
    }

    @Test
    void aCancelledRoundStaysCancelled() {
        Reply cancelled = http.postJson("/api/rounds/" + round + "/cancel", gironde.coordinator(), PASSWORD,
                "{\"reason\":\"Fournisseur indisponible\"}");
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(http.get("/api/rounds/" + round + "/terms", gironde.coordinator(), PASSWORD).json().get("cancelReason").asString())
                .isEqualTo("Fournisseur indisponible");
        Reply again = http.postJson("/api/rounds/" + round + "/cancel", gironde.coordinator(), PASSWORD, "{}");
        assertThat(again.json().get("code").asString()).isEqualTo("round.not-cancellable");
    }
}
