package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.support.Http;
import coop.mutua.app.support.Http.Reply;
import coop.mutua.app.support.IntegrationTest;
import coop.mutua.app.support.Pages;
import coop.mutua.app.support.RoundFlow;
import coop.mutua.app.support.TestGroupements;
import coop.mutua.app.support.TestGroupements.TestGroupement;
import coop.mutua.kernel.SupplierId;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The network directory end to end on PostgreSQL (ADR 22): a coordinator lists a supplier through the API and the page,
 * anyone finds it without login with the reasons of its rank and its responsible profile; the public answers hold
 * nothing of a groupement's own (ids, orders, members, prices), never a supplier that is not listed, and no label whose
 * certificate has expired (which its coordinator sees flagged).
 */
@IntegrationTest
class NetworkDirectoryIntegrationTest {

    private static final String PASSWORD = TestGroupements.PASSWORD;
    private static final String EXPIRES = LocalDate.now().plusYears(1).toString();

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
        gironde = groupements.create("Annuaire Gironde");
        landes = groupements.create("Annuaire Landes");
    }

    private String listing(String municipality, String categories, String labels) {
        return """
                {"sector":"ALIMENTATION","categories":[%s],"municipality":"%s","deliveryDepartments":["33","40"],
                 "deliveryRadiusKm":"60","labels":[%s],"contactEmail":"contact@ferme.example.org","contactPhone":"05 56 00 00 00",
                 "website":"https://ferme.example.org","description":"Maraîchage en insertion sur les coteaux"}""".formatted(categories, municipality, labels);
    }

    @Test
    void aListedSupplierIsFoundByAnyoneWithItsReasonsAndProfileAndNothingPrivate() {
        String supplier = gironde.supplierId().value();
        Reply listed = http.putJson("/api/suppliers/" + supplier + "/listing", gironde.coordinator(), PASSWORD,
                listing("Bègles", "\"Légumes\", \"Œufs\"", "{\"label\":\"IAE\",\"certificate\":\"IAE-33-0042\",\"expiresOn\":\"" + EXPIRES + "\"}"));
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.json().get("municipality").asString()).isEqualTo("33039");
        assertThat(listed.json().get("municipalityName").asString()).isEqualTo("Bègles");
        String id = listed.json().get("id").asString();

        // Anyone, without login: found by a word of its categories, accents aside, from a commune 50 km away.
        Reply found = http.get("/api/network/listings?q=legumes&commune=Libourne&sector=ALIMENTATION", null, null);
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        JsonNode hit = only(found.json(), id);
        assertThat(hit.get("listing").get("name").asString()).isEqualTo(nameOf(gironde));
        List<String> reasons = new ArrayList<>();
        hit.get("reasons").forEach(reason -> reasons.add(reason.get("key").asString()));
        assertThat(reasons).contains("network.reason.category", "network.reason.social", "network.reason.near", "network.reason.delivers");
        int sum = 0;
        for (JsonNode reason : hit.get("reasons")) {
            sum += reason.get("points").asInt();
            assertThat(reason.get("text").asString()).isNotBlank().doesNotContain("network.reason");
        }
        assertThat(hit.get("score").asInt()).isEqualTo(sum);
        assertThat(hit.get("profile").get("social").get("met").asBoolean()).isTrue();
        assertThat(hit.get("profile").get("social").get("evidence").get(0).asString()).contains("IAE-33-0042");
        assertThat(hit.get("profile").get("local").get("met").asBoolean()).isTrue();
        assertThat(hit.get("distanceKm").asLong()).isBetween(25L, 40L);

        // Nothing of the groupement's own: its id, its supplier's id, its members, its order address.
        String everything = found.body() + http.get("/api/network/listings/" + id, null, null).body()
                + http.get("/network?q=legumes", null, null).body() + http.get("/network/" + id, null, null).body();
        String member = http.get("/api/members/" + gironde.memberId().value(), gironde.coordinator(), PASSWORD).json().get("name").asString();
        String orderEmail = http.get("/api/suppliers/" + supplier, gironde.coordinator(), PASSWORD).json().get("orderEmail").asString();
        assertThat(everything).doesNotContain(gironde.id().value(), supplier, gironde.memberId().value(), member, orderEmail, "coordination-");
        // A filter that excludes it, and a supplier nobody listed: not found.
        assertThat(http.get("/api/network/listings?q=legumes&label=ORGANIC_AB", null, null).body()).doesNotContain(id);
        assertThat(http.get("/api/network/listings?q=" + Pages.enc(nameOf(landes)), null, null).json()).isEmpty();

        // The public pages: the search with its map, and the listing's page.
        Reply page = http.get("/network?q=l%C3%A9gumes&commune=33063", null, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(nameOf(gironde), "<svg", "class=\"mark\"", "Bordeaux (33)", "IAE-33-0042");
        assertThat(http.get("/network/" + id, null, null).body()).contains(nameOf(gironde), "Bègles (33)", "05 56 00 00 00");
        assertThat(http.get("/network/communes?commune=begl", null, null).body()).contains("Bègles (33)");
        // A refused filter is said in words on the page, and a postal code is a postal code (33500: Libourne, not Samonac).
        assertThat(http.get("/network?commune=Atlantide", null, null).body()).contains("Commune inconnue : Atlantide")
                .doesNotContain("network.commune-unknown");
        assertThat(http.get("/network?maxKm=10", null, null).body()).contains("Une distance maximale demande une commune");
        assertThat(http.get("/network?q=legumes&commune=33500", null, null).body()).contains("Libourne (33)");
    }

    @Test
    void twoGroupementsListingOneSiretShareOneEntryAndTheLastToWithdrawRemovesIt() {
        String siret = jdbc.sql("SELECT siret FROM supplier WHERE id = :id").param("id", gironde.supplierId().value())
                .query(String.class).single();
        // The Landes' supplier is the same legal entity (its coordinator registers it with the same SIRET).
        JsonNode theirs = http.get("/api/suppliers/" + landes.supplierId().value(), landes.coordinator(), PASSWORD).json();
        Reply same = http.putJson("/api/suppliers/" + landes.supplierId().value(), landes.coordinator(), PASSWORD, """
                {"name":"%s","siret":"%s","address":{"street":"1 rue","postalCode":"40000","city":"Mont-de-Marsan"},
                 "location":"43.89, -0.5","orderEmail":"%s"}""".formatted(theirs.get("name").asString(), siret, theirs.get("orderEmail").asString()));
        assertThat(same.status()).as(same.body()).isEqualTo(200);
        String first = http.putJson("/api/suppliers/" + gironde.supplierId().value() + "/listing", gironde.coordinator(), PASSWORD,
                listing("33063", "\"Légumes\"", "")).json().get("id").asString();
        Reply second = http.putJson("/api/suppliers/" + landes.supplierId().value() + "/listing", landes.coordinator(), PASSWORD,
                listing("40192", "\"Conserves\"", ""));
        assertThat(second.json().get("id").asString()).isEqualTo(first);
        assertThat(second.json().get("listedBy").asInt()).isEqualTo(2);
        assertThat(second.json().get("categories").get(0).asString()).isEqualTo("Conserves");

        assertThat(http.delete("/api/suppliers/" + gironde.supplierId().value() + "/listing", gironde.coordinator(), PASSWORD).status()).isEqualTo(204);
        assertThat(http.get("/api/network/listings/" + first, null, null).json().get("listedBy").asInt()).isEqualTo(1);
        assertThat(http.get("/api/suppliers/" + gironde.supplierId().value() + "/listing", gironde.coordinator(), PASSWORD).status()).isEqualTo(404);
        assertThat(http.delete("/api/suppliers/" + landes.supplierId().value() + "/listing", landes.coordinator(), PASSWORD).status()).isEqualTo(204);
        assertThat(http.get("/api/network/listings/" + first, null, null).status()).isEqualTo(404);
    }

    @Test
    void refusalsNameTheirFieldAndStoreNothing() {
        String path = "/api/suppliers/" + gironde.supplierId().value() + "/listing";
        long events = jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
        assertRefused(http.putJson(path, gironde.coordinator(), PASSWORD, listing("Atlantide", "\"Légumes\"", "")), "municipality");
        assertRefused(http.putJson(path, gironde.coordinator(), PASSWORD, listing("33063", "\"Légumes\"",
                "{\"label\":\"ORGANIC_AB\",\"certificate\":\"FR-BIO-1\",\"expiresOn\":\"2020-01-01\"}")), "labels[0].expiresOn");
        assertRefused(http.putJson(path, gironde.coordinator(), PASSWORD, listing("33063", "\"Légumes\"",
                "{\"label\":\"ORGANIC_AB\",\"expiresOn\":\"" + EXPIRES + "\"}")), "labels[0].certificate");
        assertRefused(http.putJson(path, gironde.coordinator(), PASSWORD, listing("33063", "\"Légumes\"", "").replace("\"40\"", "\"20\"")),
                "deliveryDepartments");
        assertRefused(http.putJson(path, gironde.coordinator(), PASSWORD, listing("33063", "\"Légumes\"", "").replace("\"60\"", "\"loin\"")),
                "deliveryRadiusKm");
        assertRefused(http.get("/api/network/listings?maxKm=30", null, null), "maxKm");
        assertRefused(http.get("/api/network/listings?commune=Atlantide", null, null), "commune");
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single()).isEqualTo(events);
        // Members, suppliers and other groupements cannot list; nobody unlisted can withdraw.
        assertThat(http.putJson(path, gironde.member(), PASSWORD, listing("33063", "\"Légumes\"", "")).status()).isEqualTo(403);
        assertThat(http.putJson(path, gironde.supplier(), PASSWORD, listing("33063", "\"Légumes\"", "")).status()).isEqualTo(403);
        assertThat(http.putJson(path, landes.coordinator(), PASSWORD, listing("33063", "\"Légumes\"", "")).status()).isEqualTo(404);
        assertThat(http.delete(path, gironde.coordinator(), PASSWORD).status()).isEqualTo(404);
    }

    @Test
    void aCertificatePastItsExpiryIsHiddenFromThePublicAndFlaggedToItsCoordinator() {
        String path = "/api/suppliers/" + gironde.supplierId().value() + "/listing";
        String id = http.putJson(path, gironde.coordinator(), PASSWORD, listing("33063", "\"Légumes\"",
                "{\"label\":\"ORGANIC_AB\",\"certificate\":\"FR-BIO-01-777\",\"expiresOn\":\"" + EXPIRES + "\"}")).json().get("id").asString();
        assertThat(http.get("/api/network/listings/" + id, null, null).body()).contains("FR-BIO-01-777");
        // A year later, as the read model then reads (the certificate's date is past; nothing had to run at midnight).
        jdbc.sql("UPDATE network_listing SET labels = jsonb_set(labels, '{0,expiresOn}', '\"2021-06-30\"'), updated_at = :now WHERE id = :id")
                .param("id", id).param("now", OffsetDateTime.now()).update();
        assertThat(http.get("/api/network/listings/" + id, null, null).body()).doesNotContain("FR-BIO-01-777", "ORGANIC_AB");
        assertThat(http.get("/api/network/listings?label=ORGANIC_AB&q=" + Pages.enc(nameOf(gironde)), null, null).json()).isEmpty();
        assertThat(http.get("/network/" + id, null, null).body()).doesNotContain("FR-BIO-01-777");
        assertThat(http.get(path, gironde.coordinator(), PASSWORD).body()).contains("FR-BIO-01-777", "2021-06-30");
        Http coordinator = Pages.loggedIn(port, gironde.coordinator());
        assertThat(coordinator.get("/suppliers/" + gironde.supplierId().value(), null, null).body())
                .contains("FR-BIO-01-777", "30/06/2021", "alert-warning");
    }

    @Test
    void theCoordinatorListsThroughThePageWithTheSupplierOwnLabelsToCertify() {
        Http coordinator = Pages.loggedIn(port, gironde.coordinator());
        String supplierPage = "/suppliers/" + gironde.supplierId().value();
        assertThat(coordinator.get(supplierPage, null, null).body()).contains("/listing");
        String form = coordinator.get(supplierPage + "/listing", null, null).body();
        Reply refused = coordinator.postForm(supplierPage + "/listing", Pages.form(form, "sector", "ALIMENTATION",
                "categoriesText", "Légumes, Fruits", "municipality", "Nulle-Part-Sur-Mer", "departmentsText", "33",
                "deliveryRadiusKm", "", "contactEmail", "contact@ferme.example.org"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("has-error", "Nulle-Part-Sur-Mer");
        Reply listed = coordinator.postForm(supplierPage + "/listing", Pages.form(form, "sector", "ALIMENTATION",
                "categoriesText", "Légumes, Fruits", "municipality", "Bordeaux (33)", "departmentsText", "33, 24",
                "deliveryRadiusKm", "", "contactEmail", "contact@ferme.example.org"));
        assertThat(listed.status()).isEqualTo(302);
        assertThat(coordinator.get(supplierPage, null, null).body()).contains("/network/");
        JsonNode listing = http.get("/api/suppliers/" + gironde.supplierId().value() + "/listing", gironde.coordinator(), PASSWORD).json();
        assertThat(listing.get("municipality").asString()).isEqualTo("33063");
        assertThat(listing.get("categories").toString()).isEqualTo("[\"Légumes\",\"Fruits\"]");
        assertThat(listing.get("deliveryDepartments").toString()).isEqualTo("[\"24\",\"33\"]");
    }

    /**
     * The order page shows each product's responsible profile with its evidence (the listing's certificate, the product's
     * label and origin, the distance to the hub), and its filters hide, without leaving out, what is not local or not ESS.
     */
    @Test
    void theOrderPageShowsEachProductsProfileAndFiltersLocalAndEss() {
        RoundFlow flow = new RoundFlow(http, gironde);
        String near = gironde.supplierId().value();
        http.putJson("/api/suppliers/" + near + "/listing", gironde.coordinator(), PASSWORD, listing("33063", "\"Fruits\"",
                "{\"label\":\"IAE\",\"certificate\":\"IAE-33-0099\",\"expiresOn\":\"" + EXPIRES + "\"}"));
        flow.product(gironde.supplierId(), """
                {"reference":"POM","name":"Pommes Chantecler","category":"Fruits","saleUnit":"KG","caseSize":"5","vatRate":"5.5",
                 "unitPrice":"2.00","labels":["ORGANIC_AB"],"origin":"Entre-deux-Mers"}""");
        Reply far = http.postJson("/api/suppliers", gironde.coordinator(), PASSWORD, """
                {"name":"Torréfacteurs du Nord SCOP","siret":"%s","essFamily":"SCOP","address":{"street":"1 rue","postalCode":"59000",
                 "city":"Lille"},"location":"50.63, 3.06","orderEmail":"cafe@example.org"}""".formatted(coop.mutua.app.support.NodeRound.siret()));
        assertThat(far.status()).as(far.body()).isEqualTo(201);
        SupplierId farId = SupplierId.of(far.json().get("id").asString());
        flow.product(farId, """
                {"reference":"CAF","name":"Café du Nord","category":"Épicerie","saleUnit":"KG","caseSize":"1","vatRate":"5.5","unitPrice":"15"}""");
        String round = flow.openRound("Profils", "PRO_RATA", "BY_VALUE", "0", List.of(gironde.supplierId(), farId));

        Http member = Pages.loggedIn(port, gironde.member());
        String page = member.get("/rounds/" + round + "/order", null, null).body();
        assertThat(page).contains("Pommes Chantecler", "Café du Nord", "IAE-33-0099", "produit Bio (AB)", "Origine : Entre-deux-Mers",
                "structure de l&#39;ESS (SCOP)").containsPattern("Local : à \\d+ km");
        String localOnly = member.get("/rounds/" + round + "/order?local=true", null, null).body();
        assertThat(row(localOnly, "Café du Nord")).contains("hidden");
        int farSection = localOnly.lastIndexOf("<section", localOnly.indexOf("Torréfacteurs du Nord SCOP"));
        assertThat(localOnly.substring(farSection, localOnly.indexOf('>', farSection))).as("a supplier with nothing shown").contains("hidden");
        assertThat(row(member.get("/rounds/" + round + "/order?local=true", null, null).body(), "Pommes Chantecler")).doesNotContain("hidden");
        String essOnly = member.get("/rounds/" + round + "/order?ess=true", null, null).body();
        assertThat(row(essOnly, "Café du Nord")).doesNotContain("hidden");
        assertThat(row(essOnly, "Pommes Chantecler")).as("social by its IAE certificate").doesNotContain("hidden");
        // Hidden rows keep their fields: saving the filtered page keeps what was ordered of them.
        assertThat(essOnly.split("name=\"lines\\[").length - 1).isEqualTo(page.split("name=\"lines\\[").length - 1);
    }

    /** The opening tag of the order table's row that shows this product. */
    private static String row(String page, String product) {
        int at = page.indexOf(product);
        int start = page.lastIndexOf("<tr", at);
        return page.substring(start, page.indexOf('>', start) + 1);
    }

    private String nameOf(TestGroupement groupement) {
        return http.get("/api/suppliers/" + groupement.supplierId().value(), groupement.coordinator(), PASSWORD).json().get("name").asString();
    }

    private static JsonNode only(JsonNode hits, String id) {
        for (JsonNode hit : hits) {
            if (hit.get("listing").get("id").asString().equals(id)) {
                return hit;
            }
        }
        throw new AssertionError("listing " + id + " not in " + hits);
    }

    private static void assertRefused(Reply reply, String field) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(422);
        assertThat(reply.body()).contains("\"" + field + "\"");
    }
}
