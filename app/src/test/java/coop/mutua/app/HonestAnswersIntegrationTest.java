package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.support.Http.Reply;
import coop.mutua.app.support.FreshGroupement.Named;
import coop.mutua.app.support.Http;
import coop.mutua.app.support.IntegrationTest;
import coop.mutua.app.support.NodeRound;
import coop.mutua.app.support.RoundFlow;
import coop.mutua.app.support.RoundsThroughApi;
import coop.mutua.app.support.TestGroupements.TestGroupement;
import coop.mutua.app.support.TestGroupements;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Answers that tell the truth (issue 15): a format the client does not accept is refused before anything changes; an
 * Idempotency-Key replays the first answer to the same request, refuses another request (422), lets one of several
 * concurrent requests win (the others get its answer or 409, never a 500), is bounded, and belongs to its caller.
 */
@IntegrationTest
class HonestAnswersIntegrationTest {

    private static final String PASSWORD = TestGroupements.PASSWORD;

    @Value("${local.server.port}")
    int port;
    @Autowired
    TestGroupements groupements;

    @Test
    void anAddressNothingAnswersIsAProblemInTheReadersLanguage() {
        TestGroupement groupement = groupements.create("Réseau des adresses");
        Http http = new Http(port);
        Reply missing = http.get("/api/rien-ici", groupement.coordinator(), TestGroupements.PASSWORD);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(missing.json().get("code").asString()).isEqualTo("path.unknown");
        assertThat(missing.json().get("detail").asString()).isEqualTo("Rien à cette adresse : /api/rien-ici.");
        assertThat(http.get("/api/rien-ici", groupement.coordinator(), TestGroupements.PASSWORD, "Accept-Language", "en").json()
                .get("detail").asString()).isEqualTo("Nothing at this address: /api/rien-ici.");
    }

    @Test
    void aChangeAskedInAFormatTheApiDoesNotSpeakIsRefusedBeforeItIsMade(@Named("Réseau XML") RoundFlow flow) {
        TestGroupement groupement = flow.groupement();
        Http http = flow.http();
        Reply xml = http.postJson("/api/rounds", groupement.coordinator(), PASSWORD, round("Au format XML"), "Accept", "application/xml");
        assertThat(xml.status()).isEqualTo(406);
        assertThat(xml.json().get("code").asString()).isEqualTo("request.not-acceptable");
        assertThat(http.get("/api/rounds", groupement.coordinator(), PASSWORD).json().size()).isZero();

        String apples = flow.product(groupement.supplierId(), RoundsThroughApi.APPLES);
        String opened = flow.openRound("Ouverte", "PRO_RATA", "BY_VALUE", "0", List.of(groupement.supplierId()));
        String order = "/api/rounds/" + opened + "/orders/" + groupement.memberId();
        assertThat(http.putJson(order, groupement.member(), PASSWORD, "{\"lines\":[{\"productId\":\"" + apples + "\",\"quantity\":\"10\"}]}",
                "Accept", "text/html").status()).isEqualTo(406);
        assertThat(http.get(order, groupement.member(), PASSWORD).json().get("lines").size()).isZero();
        // JSON among others, or anything, is fine.
        assertThat(http.putJson(order, groupement.member(), PASSWORD, "{\"lines\":[{\"productId\":\"" + apples + "\",\"quantity\":\"10\"}]}",
                "Accept", "application/xml, application/json;q=0.5").status()).isEqualTo(200);
        assertThat(http.postJson("/api/rounds", groupement.coordinator(), PASSWORD, round("Tout format"), "Accept", "*/*").status())
                .isEqualTo(201);
    }

    @Test
    void anIdempotencyKeyReplaysTheSameRequestAndRefusesAnother() {
        TestGroupement groupement = groupements.create("Réseau clé");
        Http http = new Http(port);
        String coordinator = groupement.coordinator();
        Reply first = http.postJson("/api/suppliers", coordinator, PASSWORD, supplier("Moulin"), "Idempotency-Key", "fournisseur-1");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        Reply again = http.postJson("/api/suppliers", coordinator, PASSWORD, supplier("Moulin"), "Idempotency-Key", "fournisseur-1");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));

        Reply other = http.postJson("/api/suppliers", coordinator, PASSWORD, supplier("Brasserie"), "Idempotency-Key", "fournisseur-1");
        assertThat(other.status()).as(other.body()).isEqualTo(422);
        assertThat(other.json().get("code").asString()).isEqualTo("idempotency-key.reused");
        assertThat(other.json().get("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(names(http, coordinator)).contains("Moulin").doesNotContain("Brasserie");

        Reply tooLong = http.postJson("/api/suppliers", coordinator, PASSWORD, supplier("Brasserie"), "Idempotency-Key", "k".repeat(201));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("code").asString()).isEqualTo("idempotency-key.invalid");

        // Another caller's key is another key.
        TestGroupement neighbour = groupements.create("Réseau voisin de clé");
        Reply theirs = http.postJson("/api/suppliers", neighbour.coordinator(), PASSWORD, supplier("Moulin"), "Idempotency-Key", "fournisseur-1");
        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.json().get("id").asString()).isNotEqualTo(first.json().get("id").asString());

        // A refused request frees its key: the corrected one runs.
        Reply refused = http.postJson("/api/suppliers", coordinator, PASSWORD, "{\"name\":\"Sans SIRET\"}", "Idempotency-Key", "fournisseur-2");
        assertThat(refused.status()).isIn(400, 422);
        assertThat(http.postJson("/api/suppliers", coordinator, PASSWORD, supplier("Rucher"), "Idempotency-Key", "fournisseur-2").status())
                .isEqualTo(201);
    }

    @Test
    void anOrderReplacedWithAKeyUsedForOtherLinesIsRefused(@Named("Réseau commande clé") RoundFlow flow) {
        TestGroupement groupement = flow.groupement();
        String apples = flow.product(groupement.supplierId(), RoundsThroughApi.APPLES);
        String round = flow.openRound("Clés", "PRO_RATA", "BY_VALUE", "0", List.of(groupement.supplierId()));
        String order = "/api/rounds/" + round + "/orders/" + groupement.memberId();
        String ten = "{\"lines\":[{\"productId\":\"" + apples + "\",\"quantity\":\"10\"}]}";
        String twenty = "{\"lines\":[{\"productId\":\"" + apples + "\",\"quantity\":\"20\"}]}";
        assertThat(flow.http().putJson(order, groupement.member(), PASSWORD, ten, "Idempotency-Key", "commande-1").status()).isEqualTo(200);
        assertThat(flow.http().putJson(order, groupement.member(), PASSWORD, ten, "Idempotency-Key", "commande-1").status()).isEqualTo(200);
        Reply other = flow.http().putJson(order, groupement.member(), PASSWORD, twenty, "Idempotency-Key", "commande-1");
        assertThat(other.status()).isEqualTo(422);
        assertThat(flow.http().get(order, groupement.member(), PASSWORD).json().get("lines").get(0).get("quantity").asString()).isEqualTo("10");
    }

    @Test
    void concurrentRequestsWithOneKeyMakeOneRoundAndNoServerError() throws Exception {
        TestGroupement groupement = groupements.create("Réseau course");
        Http http = new Http(port);
        String body = round("Course aux clés");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Reply>> tries = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                tries.add(() -> http.postJson("/api/rounds", groupement.coordinator(), PASSWORD, body, "Idempotency-Key", "course-1"));
            }
            Set<String> ids = new HashSet<>();
            for (Future<Reply> reply : pool.invokeAll(tries)) {
                Reply answer = reply.get();
                assertThat(answer.status()).as(answer.body()).isIn(201, 409);
                if (answer.status() == 201) {
                    ids.add(answer.json().get("id").asString());
                }
            }
            assertThat(ids).hasSize(1);
            assertThat(http.get("/api/rounds", groupement.coordinator(), PASSWORD).json().size()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> names(Http http, String coordinator) {
        List<String> names = new ArrayList<>();
        http.get("/api/suppliers", coordinator, PASSWORD).json().forEach(node -> names.add(node.get("supplier").get("name").asString()));
        return names;
    }

    private static String supplier(String name) {
        return """
                {"name":"%s","siret":"%s","address":{"street":"1 rue","postalCode":"24100","city":"Creysse"},
                 "location":"44.85, 0.56","orderEmail":"contact@example.org"}""".formatted(name, NodeRound.siret(name));
    }

    private static String round(String title) {
        return "{\"title\":\"" + title + "\",\"closesAt\":\"" + OffsetDateTime.now().plusDays(3).withNano(0) + "\",\"deliveryDate\":\""
                + LocalDate.now().plusDays(5) + "\",\"deliveryPlace\":\"Ici\"}";
    }
}
