package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.account.Accounts;
import coop.mutua.app.support.Http.Reply;
import coop.mutua.app.support.Http;
import coop.mutua.app.support.IntegrationTest;
import coop.mutua.app.support.NodeRound;
import coop.mutua.app.support.Pages;
import coop.mutua.app.support.RoundFlow;
import coop.mutua.app.support.TestGroupements.TestGroupement;
import coop.mutua.app.support.TestGroupements;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Every refusal of a request's content names the field at fault in the problem document (its JSON path), whichever layer
 * refuses it: the reading of the JSON (a field the operation does not know), a value's own rules (a SIRET, a position, a
 * country), or the domain (a product ordered twice, a product not on the round's offer). A new user's trial found these
 * answered with the reason only.
 */
@IntegrationTest
class RefusalsNameTheirFieldIntegrationTest {

    private static final String PASSWORD = TestGroupements.PASSWORD;

    @Value("${local.server.port}")
    int port;
    @Autowired
    TestGroupements groupements;
    @Autowired
    Accounts accounts;

    @Test
    void identitiesAndPlacesNameTheFieldAtFault() {
        TestGroupement groupement = groupements.create("Réseau des champs");
        Http http = new Http(port);
        String coordinator = groupement.coordinator();
        names(http.postJson("/api/suppliers", coordinator, PASSWORD, supplier("12345678901234", "33000", "FR", "44.8, -0.5")), "siret");
        names(http.postJson("/api/suppliers", coordinator, PASSWORD, supplier("73282932000074", "33000", "France", "44.8, -0.5")),
                "address.country");
        names(http.postJson("/api/suppliers", coordinator, PASSWORD, supplier("73282932000074", "3300", "FR", "44.8, -0.5")),
                "address.postalCode");
        names(http.postJson("/api/suppliers", coordinator, PASSWORD, supplier("73282932000074", "33000", "FR", "pas une position")),
                "location");
        names(http.postJson("/api/suppliers", coordinator, PASSWORD, supplier("73282932000074", "33000", "FR", "95, -0.5")), "location");
        // Another entity's VAT number (its SIREN is not this SIRET's) would go onto every invoice; a country that is none.
        Reply otherVat = http.postJson("/api/suppliers", coordinator, PASSWORD, """
                {"name":"Ferme","siret":"83461205700010","vatNumber":"FR44732829320","address":{"street":"1 rue","postalCode":"33000",
                 "city":"Bordeaux"},"location":"44.8, -0.5","orderEmail":"ferme@example.org"}""");
        names(otherVat, "vatNumber");
        assertThat(otherVat.json().get("detail").asString()).contains("SIREN 834612057");
        names(http.postJson("/api/suppliers", coordinator, PASSWORD, supplier("73282932000074", "33000", "ZZ", "44.8, -0.5")),
                "address.country");
        names(http.postJson("/api/members", coordinator, PASSWORD, """
                {"name":"Épicerie","siret":"73282932000074","essFamily":"ASSOCIATION","contactEmail":"e@example.org",
                 "billingAddress":{"street":"1 rue","postalCode":"33000","city":"Bordeaux","country":"XXX"}}"""), "billingAddress.country");

        // A SIRET is one establishment: a second supplier (or member structure) with it is the same one twice.
        String siret = NodeRound.siret();
        Reply first = http.postJson("/api/suppliers", coordinator, PASSWORD, supplier(siret, "33000", "FR", "44.8, -0.5"));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        Reply twice = http.postJson("/api/suppliers", coordinator, PASSWORD, supplier(siret.substring(0, 9) + " " + siret.substring(9),
                "33000", "FR", "44.8, -0.5"));
        names(twice, "siret");
        assertThat(twice.json().get("detail").asString()).contains(siret).contains("« Ferme »");
        String other = http.postJson("/api/suppliers", coordinator, PASSWORD, supplier(NodeRound.siret(), "33000",
                "FR", "44.8, -0.5")).json().get("id").asString();
        names(http.putJson("/api/suppliers/" + other, coordinator, PASSWORD, supplier(siret, "33000", "FR", "44.8, -0.5")), "siret");
        assertThat(http.putJson("/api/suppliers/" + first.json().get("id").asString(), coordinator, PASSWORD,
                supplier(siret, "33100", "FR", "44.8, -0.5")).status()).as("a supplier keeps its own SIRET").isEqualTo(200);
        assertThat(http.postJson("/api/members", coordinator, PASSWORD, """
                {"name":"Coopérative fournisseuse et adhérente","siret":"%s","essFamily":"SCIC","contactEmail":"c@example.org",
                 "billingAddress":{"street":"1 rue","postalCode":"33000","city":"Bordeaux"}}""".formatted(siret)).status())
                .as("a supplier may also be a member structure").isEqualTo(201);
        TestGroupement neighbour = groupements.create("Réseau voisin des champs");
        assertThat(http.postJson("/api/suppliers", neighbour.coordinator(), PASSWORD, supplier(siret, "33000", "FR", "44.8, -0.5"))
                .status()).as("another groupement's directory is its own").isEqualTo(201);

        String operator = "operateur-champs-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createOperator(operator, PASSWORD, "Exploitation");
        names(http.postJson("/api/groupements", operator, PASSWORD, """
                {"name":"Réseau assujetti","siret":"73282932000074","contactEmail":"c@r.example","vatRegime":"REGISTERED",
                 "coordinator":{"name":"Coordinatrice","email":"coord@r.example"}}"""), "vatNumber");
        names(http.postJson("/api/groupements", operator, PASSWORD, """
                {"name":"Réseau polaire","siret":"73282932000074","contactEmail":"c@r.example","vatRegime":"NOT_REGISTERED",
                 "hubLatitude":95,"hubLongitude":0,"coordinator":{"name":"Coordinatrice","email":"coord@r.example"}}"""), "hubLatitude");
    }

    @Test
    void productsAndOrdersNameTheFieldAtFaultAndAFieldTheOperationDoesNotKnowIsRefused() {
        TestGroupement groupement = groupements.create("Réseau des lignes");
        Http http = new Http(port);
        RoundFlow flow = new RoundFlow(http, groupement);
        String apples = flow.product(groupement.supplierId(), """
                {"reference":"POM","name":"Pommes","category":"Fruits","saleUnit":"KG","caseSize":"1","vatRate":"5.5","unitPrice":"2.00"}""");
        names(http.putJson("/api/products/" + apples, groupement.supplier(), PASSWORD, """
                {"name":"Pommes","category":"Fruits","saleUnit":"KG","caseSize":"1","vatRate":"5.5","unitPrice":"2.10",
                 "priceEffectiveAt":"demain matin"}"""), "priceEffectiveAt");
        // On a new product a date of effect would be silently ignored: refused, named.
        names(http.postJson("/api/suppliers/" + groupement.supplierId() + "/products", groupement.supplier(), PASSWORD, """
                {"reference":"POI","name":"Poires","category":"Fruits","saleUnit":"KG","caseSize":"1","vatRate":"5.5","unitPrice":"2.00",
                 "priceEffectiveAt":"2030-01-01T00:00:00+01:00"}"""), "priceEffectiveAt");
        // Nor does the new product's page offer one (it did, though only the edit page's form reads it).
        Http page = Pages.loggedIn(port, groupement.supplier());
        assertThat(page.get("/suppliers/" + groupement.supplierId() + "/products/new", null, null).body()).doesNotContain("priceEffectiveAt");
        assertThat(page.get("/products/" + apples + "/edit", null, null).body()).contains("name=\"priceEffectiveAt\"");
        // A tier written with the names of another tool is not silently dropped (the product would keep no tier at all).
        names(http.putJson("/api/products/" + apples, groupement.supplier(), PASSWORD, """
                {"name":"Pommes","category":"Fruits","saleUnit":"KG","caseSize":"1","vatRate":"5.5","unitPrice":"2.10",
                 "tiers":[{"fromQuantity":"20","unitPrice":"1.80"}]}"""), "tiers[0].fromQuantity");
        names(http.putJson("/api/products/" + apples, groupement.supplier(), PASSWORD, """
                {"name":"Pommes","category":"Fruits","saleUnit":"KG","caseSize":"1","vatRate":"5.5","unitPrice":"2.10",
                 "tiers":[{"from":"20","price":"1.80"},null]}"""), "tiers[1]");
        assertThat(http.get("/api/products/" + apples + "/price", groupement.supplier(), PASSWORD).json().get("unitPrice").asString())
                .as("nothing saved").isEqualTo("2.00");

        String round = flow.openRound("Campagne des lignes", "PRO_RATA", "BY_VALUE", "0", List.of(groupement.supplierId()));
        String order = "/api/rounds/" + round + "/orders/" + groupement.memberId();
        names(http.putJson(order, groupement.member(), PASSWORD, "{\"lines\":[{\"productId\":\"" + apples + "\",\"quantity\":\"1\"},"
                + "{\"productId\":\"" + apples + "\",\"quantity\":\"2\"}]}"), "lines[1].productId");
        names(http.putJson(order, groupement.member(), PASSWORD, "{\"lines\":[{\"productId\":\"" + UUID.randomUUID()
                + "\",\"quantity\":\"1\"}]}"), "lines[0].productId");
        names(http.putJson(order, groupement.member(), PASSWORD, "{\"lines\":[{\"productId\":\"pommes\",\"quantity\":\"1\"}]}"),
                "lines[0].productId");
        names(http.putJson(order, groupement.member(), PASSWORD, "{\"lines\":[{\"productId\":\"" + apples + "\",\"qty\":\"1\"}]}"),
                "lines[0].qty");
        Reply halfStep = http.putJson(order, groupement.member(), PASSWORD, "{\"lines\":[{\"productId\":\"" + apples
                + "\",\"quantity\":\"2.5\"}]}");
        names(halfStep, "lines[0].quantity");
        assertThat(halfStep.json().get("detail").asString()).as("French decimals").startsWith("Quantité 2,5 :").contains("(1)");

        // A product's case, its reference; a round's dates and suppliers.
        names(http.postJson("/api/suppliers/" + groupement.supplierId() + "/products", groupement.supplier(), PASSWORD, """
                {"reference":"POM","name":"Pommes","category":"Fruits","saleUnit":"KG","caseSize":"1","vatRate":"5.5","unitPrice":"2.00"}"""),
                "reference");
        names(http.postJson("/api/suppliers/" + groupement.supplierId() + "/products", groupement.supplier(), PASSWORD, """
                {"reference":"NOI","name":"Noix","category":"Fruits","saleUnit":"KG","caseSize":"5","step":"2","vatRate":"5.5","unitPrice":"2.00"}"""),
                "caseSize");
        String closes = OffsetDateTime.now().plusDays(3).withNano(0).toString();
        names(http.postJson("/api/rounds", groupement.coordinator(), PASSWORD, "{\"title\":\"Dates\",\"closesAt\":\"" + closes
                + "\",\"opensAt\":\"" + OffsetDateTime.now().plusDays(4).withNano(0) + "\",\"deliveryDate\":\""
                + LocalDate.now().plusDays(5) + "\",\"deliveryPlace\":\"Ici\"}"), "opensAt");
        names(http.postJson("/api/rounds", groupement.coordinator(), PASSWORD, "{\"title\":\"Dates\",\"closesAt\":\"" + closes
                + "\",\"deliveryDate\":\"" + LocalDate.now().plusDays(1) + "\",\"deliveryPlace\":\"Ici\"}"), "deliveryDate");
        String draft = http.postJson("/api/rounds", groupement.coordinator(), PASSWORD, "{\"title\":\"Brouillon\",\"closesAt\":\""
                + closes + "\",\"deliveryDate\":\"" + LocalDate.now().plusDays(5) + "\",\"deliveryPlace\":\"Ici\"}")
                .json().get("id").asString();
        names(http.putJson("/api/rounds/" + draft + "/terms", groupement.coordinator(), PASSWORD,
                "{\"suppliers\":[\"" + UUID.randomUUID() + "\"]}"), "suppliers");
    }

    @Test
    void goodsSoldByThePieceArriveAndChangeInWholeUnits() {
        TestGroupement groupement = groupements.create("Réseau des bouteilles");
        Http http = new Http(port);
        RoundFlow flow = new RoundFlow(http, groupement);
        String juice = flow.product(groupement.supplierId(), """
                {"reference":"JUS","name":"Jus de pomme","category":"Boissons","saleUnit":"PIECE","caseSize":"1","vatRate":"5.5","unitPrice":"2.00"}""");
        String round = flow.openRound("Bouteilles", "PRO_RATA", "BY_VALUE", "0", List.of(groupement.supplierId()));
        flow.order(round, groupement.memberId(), "{\"productId\":\"" + juice + "\",\"quantity\":\"3\"}");
        flow.close(round);
        flow.waitFor(round, "POOLED");
        String order = flow.supplierOrders(round).get(0).get("id").asString();

        names(http.postJson("/api/supplier-orders/" + order + "/changes", groupement.supplier(), PASSWORD,
                "{\"productId\":\"" + juice + "\",\"change\":\"NEW_QUANTITY\",\"newQuantity\":\"2.5\"}"), "newQuantity");
        Reply halfBottle = http.postJson("/api/supplier-orders/" + order + "/reception", groupement.coordinator(), PASSWORD,
                "{\"lines\":[{\"productId\":\"" + juice + "\",\"delivered\":\"2.5\"}]}");
        names(halfBottle, "lines[0].delivered");
        assertThat(halfBottle.json().get("detail").asString()).isEqualTo("Jus de pomme se compte à l'unité : 2,5 n'est pas un nombre entier.");
        assertThat(http.postJson("/api/supplier-orders/" + order + "/reception", groupement.coordinator(), PASSWORD,
                "{\"lines\":[{\"productId\":\"" + juice + "\",\"delivered\":\"2\"}]}").status()).isEqualTo(200);
    }

    private static void names(Reply reply, String field) {
        assertThat(reply.status()).as(reply.body()).isIn(400, 422);
        assertThat(reply.json().has("field")).as("a field named: %s", reply.body()).isTrue();
        assertThat(reply.json().get("field").asString()).as(reply.body()).isEqualTo(field);
    }

    private static String supplier(String siret, String postalCode, String country, String location) {
        return """
                {"name":"Ferme","siret":"%s","address":{"street":"1 rue","postalCode":"%s","city":"Bordeaux","country":"%s"},
                 "location":"%s","orderEmail":"ferme@example.org"}""".formatted(siret, postalCode, country, location);
    }
}
