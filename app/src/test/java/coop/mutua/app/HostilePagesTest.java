package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.account.Accounts;
import coop.mutua.app.support.Http.Reply;
import coop.mutua.app.support.FreshGroupement.Named;
import coop.mutua.app.support.Http;
import coop.mutua.app.support.IntegrationTest;
import coop.mutua.app.support.Pages;
import coop.mutua.app.support.RoundFlow;
import coop.mutua.app.support.RoundsThroughApi;
import coop.mutua.app.support.TestGroupements.TestGroupement;
import coop.mutua.app.support.TestGroupements;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/**
 * The pages' own 500s of issue 15, each now a 4xx or handled: form indexes no form has ({@code labels[999999]},
 * {@code tiers[-1]}, {@code lines[x]}), a NUL in a search, a line break in the language switch's way back, {@code /error}
 * asked for directly, and a file name of 300 characters on the catalog import (page and API).
 */
@IntegrationTest
class HostilePagesTest {

    private static final String PASSWORD = TestGroupements.PASSWORD;

    @Value("${local.server.port}")
    int port;
    @Autowired
    TestGroupements groupements;
    @Autowired
    Accounts accounts;

    @Test
    void valuesAFormCannotReadAreExplainedInFrenchAtTheirField() {
        TestGroupement groupement = groupements.create("Réseau des dates");
        Http coordinator = Pages.loggedIn(port, groupement.coordinator(), PASSWORD);
        String form = coordinator.get("/rounds/new", null, null).body();
        Matcher requestId = Pattern.compile("name=\"requestId\"[^>]*value=\"([^\"]+)\"").matcher(form);
        assertThat(requestId.find()).isTrue();
        Reply refused = coordinator.postForm("/rounds", Pages.form(form, "requestId", requestId.group(1), "title", "Dates",
                "opensAt", "abc", "closesAt", "demain", "deliveryDate", "bientôt", "deliveryPlace", "Ici"));
        assertThat(refused.status()).isLessThan(500);
        assertThat(refused.body()).as("no Java conversion error on the page").doesNotContain("Failed to convert").doesNotContain("java.time")
                .contains("Date et heure illisibles").contains("Date illisible");

        // The operator's form takes a position as its hint shows it (a decimal comma), and names one it cannot read.
        String operator = "operateur-dates-" + groupement.id().value().substring(0, 8);
        accounts.createOperator(operator, PASSWORD, "Exploitation");
        Http operations = Pages.loggedIn(port, operator, PASSWORD);
        String page = operations.get("/operator", null, null).body();
        Reply unreadable = operations.postForm("/operator/groupements", Pages.form(page, "name", "Réseau des virgules",
                "siret", "73282932000074", "email", "c@virgules.example", "vatRegime", "NOT_REGISTERED", "city", "Agen",
                "hubLatitude", "abc", "hubLongitude", "0,62", "coordinatorName", "Coordinatrice", "coordinatorEmail", "c@virgules.example"));
        assertThat(unreadable.status()).isEqualTo(422);
        assertThat(unreadable.body()).contains("Latitude ou longitude illisible : abc").doesNotContain("Invalid request content");
        Reply registered = operations.postForm("/operator/groupements", Pages.form(page, "name", "Réseau des virgules",
                "siret", "73282932000074", "email", "c@virgules.example", "vatRegime", "NOT_REGISTERED", "city", "Agen",
                "hubLatitude", "44,2", "hubLongitude", "0,62", "coordinatorName", "Coordinatrice", "coordinatorEmail", "c@virgules.example"));
        assertThat(registered.status()).as(registered.body()).isEqualTo(302);
    }

    @Test
    void aLineTypedWrongOnTheOrderPageKeepsWhatWasSavedForIt(@Named("Réseau des fautes de frappe") RoundFlow flow) {
        TestGroupement groupement = flow.groupement();
        String juice = flow.product(groupement.supplierId(), """
                {"reference":"JUS","name":"Jus de pomme","category":"Boissons","saleUnit":"PIECE","caseSize":"6","vatRate":"5.5","unitPrice":"2.00"}""");
        String round = flow.openRound("Fautes", "PRO_RATA", "BY_VALUE", "0", List.of(groupement.supplierId()));
        flow.order(round, groupement.memberId(), "{\"productId\":\"" + juice + "\",\"quantity\":\"2\",\"tolerance\":\"2\"}");
        Http member = Pages.loggedIn(port, groupement.member(), PASSWORD);
        String path = "/api/rounds/" + round + "/orders/" + groupement.memberId();
        for (String typed : List.of("abc", "-3", "2,5", "1e1000000")) {
            for (String action : List.of("/order/live", "/order")) {
                String page = member.get("/rounds/" + round + "/order", null, null).body();
                Reply reply = member.postForm("/rounds/" + round + action, Pages.form(page, "lines[0].productId", juice,
                        "lines[0].quantity", typed, "lines[0].tolerance", "2"));
                assertThat(reply.status()).as(typed + ": " + reply.body()).isLessThan(500);
                JsonNode lines = new Http(port).get(path, groupement.member(), PASSWORD).json().get("lines");
                assertThat(lines.size()).as("the saved line, after %s typed on %s", typed, action).isEqualTo(1);
                assertThat(lines.get(0).get("quantity").asString()).isEqualTo("2");
            }
        }
    }

    @Test
    void formsWithIndexesNoFormHasAreRefusedWithAPageNotA500(@Named("Réseau des index") RoundFlow flow) {
        TestGroupement groupement = flow.groupement();
        String apples = flow.product(groupement.supplierId(), RoundsThroughApi.APPLES);
        String round = flow.openRound("Index", "PRO_RATA", "BY_VALUE", "0", List.of(groupement.supplierId()));
        Http coordinator = Pages.loggedIn(port, groupement.coordinator(), PASSWORD);
        String form = coordinator.get("/suppliers/" + groupement.supplierId() + "/products/new", null, null).body();
        for (String field : List.of("labels[999999]", "tiers[-1].from", "tiers[x].price", "tiers[99999999].from", "tiers[1000].from")) {
            Reply reply = coordinator.postForm("/suppliers/" + groupement.supplierId() + "/products",
                    Pages.form(form, "reference", "KIWI", "name", "Kiwis", "category", "Fruits", "saleUnit", "KG", "caseSize", "3",
                            "unitPrice", "4", "vatRate", "5.5", field, "1"));
            assertThat(reply.status()).as(field + ": " + reply.body()).isBetween(300, 499);
        }
        Http member = Pages.loggedIn(port, groupement.member(), PASSWORD);
        String order = member.get("/rounds/" + round + "/order", null, null).body();
        for (String field : List.of("lines[x].quantity", "lines[-1].quantity", "lines[99999999].quantity")) {
            Reply reply = member.postForm("/rounds/" + round + "/order", Pages.form(order, "lines[0].productId", apples,
                    "lines[0].quantity", "5", field, "1"));
            assertThat(reply.status()).as(field + ": " + reply.body()).isBetween(200, 499);
        }
        assertThat(coordinator.get("/suppliers?category=a%00b", null, null).status()).isEqualTo(400);
    }

    @Test
    void theLanguageSwitchGoesBackOnlyToAPlainLocalPathAndErrorIsNotAPage() {
        Http anonymous = new Http(port, true);
        String login = anonymous.get("/login", null, null).body();
        // NUL in any parameter is refused before anything; a line break (text areas send them) never reaches a header.
        assertThat(anonymous.postForm("/locale", Pages.form(login, "lang", "en", "back", "/rounds\u0000")).status()).isEqualTo(400);
        for (String back : List.of("/rounds\r\nSet-Cookie: x=1", "//evil.example", "https://evil.example/", "/\\evil.example")) {
            Reply reply = anonymous.postForm("/locale", Pages.form(login, "lang", "en", "back", back));
            assertThat(reply.status()).as(back).isBetween(300, 399);
            assertThat(reply.header("Location")).as(back).isIn("/", "http://localhost:" + port + "/");
        }
        assertThat(anonymous.postForm("/locale", Pages.form(login, "lang", "en", "back", "/rounds?x=1")).header("Location"))
                .endsWith("/rounds?x=1");
        assertThat(new Http(port).get("/error", null, null).status()).isEqualTo(404);
    }

    @Test
    void aCatalogFileWithA300CharacterNameIsImportedUnderAShortenedName() {
        TestGroupement groupement = groupements.create("Réseau des noms longs");
        Http http = new Http(port);
        String name = "catalogue-" + "é".repeat(300) + ".csv";
        byte[] csv = "reference;nom;catégorie;unité;colis;prix HT;TVA\nKIWI;Kiwis;Fruits;KG;3;4,20;5,5\n".getBytes(StandardCharsets.UTF_8);
        Reply api = http.postBytes("/api/suppliers/" + groupement.supplierId() + "/products/import", groupement.coordinator(), PASSWORD,
                "text/csv", csv, "X-File-Name", "C:\\\\Users\\\\moi\\\\" + name.replace("é", "e"));
        assertThat(api.status()).as(api.body()).isEqualTo(200);
        assertThat(api.json().get("fileName").asString()).hasSizeLessThanOrEqualTo(255).startsWith("catalogue-").endsWith(".csv");

        // Through the page: a 260-character name is shortened too (a part header over 512 bytes is Tomcat's 413, honest).
        Http page = Pages.loggedIn(port, groupement.coordinator(), PASSWORD);
        String form = page.get("/suppliers/" + groupement.supplierId() + "/import", null, null).body();
        Reply uploaded = page.postMultipart("/suppliers/" + groupement.supplierId() + "/import", Pages.csrf(form),
                "c".repeat(256) + ".csv", csv, "ALL_OR_NOTHING");
        assertThat(uploaded.status()).as(uploaded.body()).isBetween(200, 399);
        assertThat(page.postMultipart("/suppliers/" + groupement.supplierId() + "/import", Pages.csrf(form), name, csv, "ALL_OR_NOTHING")
                .status()).as("a part header over Tomcat's limit").isBetween(200, 499);
    }
}
