package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.support.Http.Reply;
import coop.mutua.app.support.Http;
import coop.mutua.app.support.IntegrationTest;
import coop.mutua.app.support.TestGroupements.TestGroupement;
import coop.mutua.app.support.TestGroupements;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Members, suppliers and products through the API on PostgreSQL: rules, ownership, prices over time, isolation. */
@IntegrationTest
class CatalogApiIntegrationTest {

    private static final String PASSWORD = TestGroupements.PASSWORD;

    @Value("${local.server.port}")
    int port;
    @Autowired
    TestGroupements groupements;
    @Autowired
    JdbcClient jdbc;

    Http http;
    TestGroupement gironde;
    TestGroupement landes;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        gironde = groupements.create("Catalogue Gironde");
        landes = groupements.create("Catalogue Landes");
    }

    @Test
    void coordinatorRegistersEditsAndDeactivatesAMember() {
        Reply created = http.postJson("/api/members", gironde.coordinator(), PASSWORD, """
                {"name":"SCOP Les Ateliers","siret":"732 829 320 00074","vatNumber":"FR44732829320","essFamily":"SCOP",
                 "billingAddress":{"street":"3 rue du Port","postalCode":"33000","city":"Bordeaux"},"contactEmail":"a@example.org"}""",
                "Idempotency-Key", "member-1");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        // The same request again (a retry) gives the same member; the key with another request is refused.
        assertThat(http.postJson("/api/members", gironde.coordinator(), PASSWORD, """
                {"name":"SCOP Les Ateliers","siret":"732 829 320 00074","vatNumber":"FR44732829320","essFamily":"SCOP",
                 "billingAddress":{"street":"3 rue du Port","postalCode":"33000","city":"Bordeaux"},"contactEmail":"a@example.org"}""",
                "Idempotency-Key", "member-1").json().get("id").asString()).isEqualTo(id);
        assertThat(http.postJson("/api/members", gironde.coordinator(), PASSWORD, """
                {"name":"SCOP Les Ateliers","siret":"73282932000074","essFamily":"SCOP",
                 "billingAddress":{"street":"3 rue du Port","postalCode":"33000","city":"Bordeaux"},"contactEmail":"a@example.org"}""",
                "Idempotency-Key", "member-1").status()).isEqualTo(422);

        Reply edited = http.putJson("/api/members/" + id, gironde.coordinator(), PASSWORD, """
                {"name":"SCOP Les Ateliers du Port","siret":"73282932000074","essFamily":"SCOP",
                 "billingAddress":{"street":"5 rue du Port","postalCode":"33000","city":"Bordeaux"},"contactEmail":"a@example.org"}""");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("name").asString()).isEqualTo("SCOP Les Ateliers du Port");
        Reply deactivated = http.postJson("/api/members/" + id + "/deactivate", gironde.coordinator(), PASSWORD, "");
        assertThat(deactivated.json().get("active").asBoolean()).isFalse();
        assertThat(http.get("/api/members/" + id, landes.coordinator(), PASSWORD).status()).isEqualTo(404);
        assertThat(http.postJson("/api/members/" + id + "/reactivate", landes.coordinator(), PASSWORD, "").status()).isEqualTo(404);
        assertThat(http.get("/api/members", gironde.member(), PASSWORD).status()).isEqualTo(403);
    }

    @Test
    void coordinatorReadsEditsDeactivatesAndReactivatesASupplier() {
        String id = gironde.supplierId().value();
        JsonNode supplier = http.get("/api/suppliers/" + id, gironde.coordinator(), PASSWORD).json();
        assertThat(supplier.get("id").asString()).isEqualTo(id);
        assertThat(http.get("/api/suppliers/" + id, gironde.supplier(), PASSWORD).status()).as("its own").isEqualTo(200);
        assertThat(http.get("/api/suppliers/" + id, landes.coordinator(), PASSWORD).status()).isEqualTo(404);
        Reply edited = http.putJson("/api/suppliers/" + id, gironde.coordinator(), PASSWORD, """
                {"name":"Ferme du Marais","siret":"73282932000074","address":{"street":"1 rue","postalCode":"33000","city":"Bordeaux"},
                 "location":"44.7, -0.3","orderEmail":"ferme@example.org","minimumOrder":"80.00","deliveryFee":"9.50"}""");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("name").asString()).isEqualTo("Ferme du Marais");
        assertThat(edited.json().get("minimumOrder").asString()).isEqualTo("80.00");
        assertThat(http.postJson("/api/suppliers/" + id + "/deactivate", gironde.coordinator(), PASSWORD, "").json().get("active")
                .asBoolean()).isFalse();
        assertThat(http.postJson("/api/suppliers/" + id + "/reactivate", gironde.coordinator(), PASSWORD, "").json().get("active")
                .asBoolean()).isTrue();
        assertThat(http.postJson("/api/suppliers/" + id + "/deactivate", gironde.supplier(), PASSWORD, "").status()).isEqualTo(403);
    }

    @Test
    void badIdentitiesAreRefusedWithAClearReasonAndChangeNothing() {
        long before = events();
        Reply badSiret = http.postJson("/api/members", gironde.coordinator(), PASSWORD, """
                {"name":"X","siret":"73282932000075","essFamily":"SCOP",
                 "billingAddress":{"street":"1 rue","postalCode":"33000","city":"Bordeaux"},"contactEmail":"a@example.org"}""");
        Reply badVat = http.postJson("/api/suppliers", gironde.coordinator(), PASSWORD, """
                {"name":"Ferme","siret":"73282932000074","vatNumber":"FR12732829320","address":{"street":"1 rue","postalCode":"33000","city":"Bordeaux"},
                 "location":"44.7, -0.3","orderEmail":"f@example.org"}""", "Accept-Language", "en");

        assertThat(badSiret.status()).isEqualTo(422);
        assertThat(badSiret.json().get("code").asString()).isEqualTo("siret.checksum");
        assertThat(badSiret.json().get("detail").asString()).contains("73282932000075").contains("clé de contrôle");
        assertThat(badVat.json().get("code").asString()).isEqualTo("vat-number.checksum");
        assertThat(badVat.json().get("detail").asString()).contains("does not match its SIREN");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void suppliersEditTheirOwnProductsAndPricesTakeEffectWhenScheduled() {
        String products = "/api/suppliers/" + gironde.supplierId() + "/products";
        Reply added = http.postJson(products, gironde.supplier(), PASSWORD, """
                {"reference":"CAR-10","name":"Carottes","category":"Légumes","saleUnit":"KG","step":"1","caseSize":"10",
                 "vatRate":"5,5","unitPrice":"1,90","tiers":[{"from":"50","price":"1,75"}],"labels":["ORGANIC_AB"]}""");
        assertThat(added.status()).isEqualTo(201);
        String productId = added.json().get("id").asString();
        assertThat(added.json().get("price").get("unitPrice").asString()).isEqualTo("1.90");

        Reply duplicate = http.postJson(products, gironde.coordinator(), PASSWORD, """
                {"reference":"car-10","name":"Autres carottes","category":"Légumes","saleUnit":"KG","caseSize":"10","vatRate":"5.5","unitPrice":"2"}""");
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(duplicate.json().get("code").asString()).isEqualTo("product.reference-taken");

        OffsetDateTime inAWeek = OffsetDateTime.now(ZoneOffset.UTC).plusDays(7).withNano(0);
        Reply revised = http.putJson("/api/products/" + productId, gironde.supplier(), PASSWORD, """
                {"name":"Carottes des sables","category":"Légumes","saleUnit":"KG","step":"1","caseSize":"10","vatRate":"5.5",
                 "unitPrice":"1.70","tiers":[],"priceEffectiveAt":"%s","available":true}""".formatted(inAWeek));
        assertThat(revised.status()).isEqualTo(200);
        assertThat(revised.json().get("details").get("name").asString()).isEqualTo("Carottes des sables");
        assertThat(revised.json().get("price").get("unitPrice").asString()).isEqualTo("1.90");
        assertThat(revised.json().get("nextPrice").get("unitPrice").asString()).isEqualTo("1.70");
        assertThat(http.get("/api/products/" + productId + "/price?at=" + inAWeek.plusHours(1), gironde.member(), PASSWORD)
                .json().get("unitPrice").asString()).isEqualTo("1.70");
        assertThat(http.get("/api/products/" + productId + "/price?at=" + inAWeek.minusHours(1), gironde.member(), PASSWORD)
                .json().get("tiers").get(0).get("unitPrice").asString()).isEqualTo("1.75");
    }

    @Test
    void nobodyTouchesAnotherSuppliersOrGroupementsProducts() {
        String products = "/api/suppliers/" + gironde.supplierId() + "/products";
        String productId = http.postJson(products, gironde.coordinator(), PASSWORD, """
                {"reference":"POM-12","name":"Pommes","category":"Fruits","saleUnit":"KG","caseSize":"12","vatRate":"5.5","unitPrice":"2.60"}""")
                .json().get("id").asString();
        String body = """
                {"name":"Pommes volées","category":"Fruits","saleUnit":"KG","step":"1","caseSize":"12","vatRate":"5.5","unitPrice":"0.10"}""";

        assertThat(http.putJson("/api/products/" + productId, landes.coordinator(), PASSWORD, body).status()).isEqualTo(404);
        assertThat(http.putJson("/api/products/" + productId, landes.supplier(), PASSWORD, body).status()).isEqualTo(404);
        assertThat(http.putJson("/api/products/" + productId, gironde.member(), PASSWORD, body).status()).isEqualTo(403);
        assertThat(http.postJson("/api/suppliers/" + gironde.supplierId() + "/products", landes.supplier(), PASSWORD, body).status())
                .isEqualTo(404);
        assertThat(http.get("/api/products/" + productId, gironde.coordinator(), PASSWORD).json().get("details").get("name").asString())
                .isEqualTo("Pommes");
    }

    @Test
    void productRulesAreEnforcedThroughTheApi() {
        String products = "/api/suppliers/" + gironde.supplierId() + "/products";
        JsonNode vat = http.postJson(products, gironde.coordinator(), PASSWORD, """
                {"reference":"A","name":"A","category":"C","saleUnit":"KG","caseSize":"1","vatRate":"19,6","unitPrice":"1"}""").json();
        JsonNode caseSize = http.postJson(products, gironde.coordinator(), PASSWORD, """
                {"reference":"B","name":"B","category":"C","saleUnit":"KG","caseSize":"0","vatRate":"20","unitPrice":"1"}""").json();
        JsonNode tiers = http.postJson(products, gironde.coordinator(), PASSWORD, """
                {"reference":"C","name":"C","category":"C","saleUnit":"KG","caseSize":"1","vatRate":"20","unitPrice":"2",
                 "tiers":[{"from":"10","price":"1.5"},{"from":"5","price":"1.2"}]}""").json();
        JsonNode decimals = http.postJson(products, gironde.coordinator(), PASSWORD, """
                {"reference":"D","name":"D","category":"C","saleUnit":"KG","caseSize":"1","vatRate":"20","unitPrice":"1.23456"}""").json();

        assertThat(vat.get("code").asString()).isEqualTo("vat-rate.unknown");
        assertThat(caseSize.get("code").asString()).isEqualTo("field.positive");
        assertThat(tiers.get("code").asString()).isEqualTo("tiers.not-increasing");
        assertThat(decimals.get("code").asString()).isEqualTo("price.too-many-decimals");
        // A label that is not one: the field, the value and what is allowed are named.
        Reply label = http.postJson(products, gironde.coordinator(), PASSWORD, """
                {"reference":"E","name":"E","category":"C","saleUnit":"KG","caseSize":"1","vatRate":"20","unitPrice":"1",
                 "labels":["ORGANIC_AB","AB"]}""");
        assertThat(label.status()).isEqualTo(400);
        assertThat(label.json().get("code").asString()).isEqualTo("request.field-not-allowed");
        assertThat(label.json().get("field").asString()).startsWith("labels");
        assertThat(label.json().get("detail").asString()).contains("labels").contains("« AB »").contains("ORGANIC_AB, FAIR_TRADE");
        Reply unit = http.postJson(products, gironde.coordinator(), PASSWORD, """
                {"reference":"F","name":"F","category":"C","saleUnit":"kilo","caseSize":"1","vatRate":"20","unitPrice":"1"}""",
                "Accept-Language", "en");
        assertThat(unit.json().get("detail").asString()).isEqualTo("Value not allowed for saleUnit: \"kilo\". Allowed values: PIECE, KG, LITRE, PACK.");
        assertThat(http.get(products, gironde.coordinator(), PASSWORD).json().size()).isZero();
    }

    @Test
    void theDirectoryFindsSuppliersByLabelFamilyCategoryTextAndDistance() {
        String supplier = http.postJson("/api/suppliers", gironde.coordinator(), PASSWORD, """
                {"name":"Savonnerie Bulles","siret":"73282932000074","essFamily":"SIAE","labels":["IAE","ESUS"],
                 "address":{"street":"11 rue des Métiers","postalCode":"33310","city":"Lormont"},"location":"44.8792, -0.5217",
                 "orderEmail":"savon@example.org","minimumOrder":"60","description":"Savons écologiques"}""").json().get("id").asString();
        http.postJson("/api/suppliers/" + supplier + "/products", gironde.coordinator(), PASSWORD, """
                {"reference":"SAV-5L","name":"Savon noir liquide","category":"Entretien","saleUnit":"PIECE","caseSize":"4","vatRate":"20","unitPrice":"18.50"}""");

        assertThat(names("/api/suppliers?label=IAE&label=ESUS")).containsExactly("Savonnerie Bulles");
        assertThat(names("/api/suppliers?label=ORGANIC_AB")).isEmpty();
        assertThat(names("/api/suppliers?family=SIAE")).containsExactly("Savonnerie Bulles");
        assertThat(names("/api/suppliers?category=entretien")).containsExactly("Savonnerie Bulles");
        assertThat(names("/api/suppliers?q=SAVON%20NOIR")).containsExactly("Savonnerie Bulles");
        assertThat(names("/api/suppliers?q=ecologiques")).containsExactly("Savonnerie Bulles");
        assertThat(names("/api/suppliers?maxKm=10")).containsExactly("Savonnerie Bulles");
        assertThat(names("/api/suppliers?maxKm=3")).isEmpty();
        // A blank label (an empty choice of the page's select) filters nothing; a distance that is not a number is named.
        assertThat(names("/api/suppliers?label=%20&label=IAE")).containsExactly("Savonnerie Bulles");
        assertThat(names("/api/suppliers?label=")).containsExactly("Savonnerie Bulles");
        Http.Reply notANumber = http.get("/api/suppliers?maxKm=NaN", gironde.coordinator(), PASSWORD);
        assertThat(notANumber.status()).as(notANumber.body()).isEqualTo(422);
        assertThat(notANumber.json().get("field").asString()).isEqualTo("maxKm");
        JsonNode hit = http.get("/api/suppliers?q=savon", gironde.member(), PASSWORD).json().get(0);
        assertThat(hit.get("supplier").get("minimumOrder").asString()).isEqualTo("60.00");
        assertThat(hit.get("matchingProducts").get(0).get("reference").asString()).isEqualTo("SAV-5L");
        assertThat(http.get("/api/suppliers?q=savon", landes.coordinator(), PASSWORD).json().size()).isZero();
    }

    private List<String> names(String path) {
        List<String> names = new ArrayList<>();
        http.get(path, gironde.member(), PASSWORD).json().forEach(hit -> names.add(hit.get("supplier").get("name").asString()));
        names.remove(gironde.name().isEmpty() ? "" : "Ferme " + gironde.id().value().substring(0, 8));
        return names;
    }

    private long events() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }
}
