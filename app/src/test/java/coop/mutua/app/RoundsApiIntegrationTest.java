package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.support.Http.Reply;
import coop.mutua.app.support.Http;
import coop.mutua.app.support.IntegrationTest;
import coop.mutua.app.support.Pages;
import coop.mutua.app.support.TestGroupements.TestGroupement;
import coop.mutua.app.support.TestGroupements;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The thin slice through the API on PostgreSQL: command, event, projection, query; scoped to the groupement. */
@IntegrationTest
class RoundsApiIntegrationTest {

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
        gironde = groupements.create("Réseau Gironde");
        landes = groupements.create("Réseau Landes");
    }

    @Test
    void coordinatorCreatesADraftRoundThatIsListedForItsGroupementOnly() {
        Reply created = http.postJson("/api/rounds", gironde.coordinator(), PASSWORD, roundJson("Commande de Noël"));

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/rounds/" + id);
        assertThat(created.json().get("status").asString()).isEqualTo("DRAFT");

        assertThat(titles(http.get("/api/rounds", gironde.coordinator(), PASSWORD))).containsExactly("Commande de Noël");
        assertThat(http.get("/api/rounds/" + id, gironde.coordinator(), PASSWORD).json().get("deliveryPlace").asString())
                .isEqualTo("Entrepôt, quai de Brazza");

        assertThat(titles(http.get("/api/rounds", landes.coordinator(), PASSWORD))).isEmpty();
        Reply foreign = http.get("/api/rounds/" + id, landes.coordinator(), PASSWORD);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.json().get("code").asString()).isEqualTo("not-found");
        assertThat(foreign.json().get("detail").asString()).as("the kind in the reader's words")
                .isEqualTo("Introuvable : campagne d'achat " + id + ".");
        assertThat(http.get("/api/rounds/" + id, landes.coordinator(), PASSWORD, "Accept-Language", "en").json().get("detail").asString())
                .isEqualTo("Not found: purchase round " + id + ".");
    }

    @Test
    void membersDoNotSeeDraftsAndSuppliersDoNotListRounds() {
        http.postJson("/api/rounds", gironde.coordinator(), PASSWORD, roundJson("Brouillon"));

        Reply member = http.get("/api/rounds", gironde.member(), PASSWORD);
        assertThat(member.status()).isEqualTo(200);
        assertThat(titles(member)).isEmpty();
        assertThat(http.get("/api/rounds", gironde.supplier(), PASSWORD).status()).isEqualTo(403);
        assertThat(http.postJson("/api/rounds", gironde.member(), PASSWORD, roundJson("Par un membre")).status()).isEqualTo(403);
    }

    @Test
    void aRetriedRequestWithTheSameIdempotencyKeyCreatesOneRound() {
        String request = roundJson("Une seule fois");
        Reply first = http.postJson("/api/rounds", gironde.coordinator(), PASSWORD, request, "Idempotency-Key", "retry-42");
        Reply second = http.postJson("/api/rounds", gironde.coordinator(), PASSWORD, request, "Idempotency-Key", "retry-42");

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(titles(http.get("/api/rounds", gironde.coordinator(), PASSWORD))).containsExactly("Une seule fois");
    }

    /** A round's id is answered as unknown to another groupement, even when it sends it as its own new round's id (issue 15). */
    @Test
    void anotherGroupementCannotTakeOverARoundIdNorLearnThatItExists() {
        String id = http.postJson("/api/rounds", gironde.coordinator(), PASSWORD, roundJson("Gironde")).json().get("id").asString();
        String unused = UUID.randomUUID().toString();

        Reply replay = http.postJson("/api/rounds", landes.coordinator(), PASSWORD, "{\"id\":\"" + id + "\"," + roundJson("Landes").substring(1));
        Reply fresh = http.postJson("/api/rounds", landes.coordinator(), PASSWORD, "{\"id\":\"" + unused + "\"," + roundJson("Landes 2").substring(1));

        assertThat(replay.status()).as("a foreign id is answered as a new one").isEqualTo(fresh.status()).isEqualTo(201);
        assertThat(replay.json().get("id").asString()).isNotEqualTo(id);
        assertThat(http.get("/api/rounds/" + id, landes.coordinator(), PASSWORD).status()).isEqualTo(404);
        assertThat(titles(http.get("/api/rounds", landes.coordinator(), PASSWORD))).containsExactlyInAnyOrder("Landes", "Landes 2");
        assertThat(titles(http.get("/api/rounds", gironde.coordinator(), PASSWORD))).containsExactly("Gironde");
        // The same chosen id again in one groupement: the same round.
        Reply again = http.postJson("/api/rounds", landes.coordinator(), PASSWORD, "{\"id\":\"" + unused + "\"," + roundJson("Landes 2").substring(1));
        assertThat(again.json().get("id").asString()).isEqualTo(fresh.json().get("id").asString());
        // Nor does invoicing's progress tell anything about another groupement's round.
        assertThat(http.get("/api/rounds/" + id + "/invoices", landes.coordinator(), PASSWORD).status()).isEqualTo(404);
        assertThat(http.get("/api/rounds/" + unused + "/invoices", landes.coordinator(), PASSWORD).status()).isEqualTo(404);
    }

    /** A draft is the coordinator's: its report is unknown to members, through the API and the pages (issue 15). */
    @Test
    void membersDoNotSeeADraftThroughItsReport() {
        String draft = http.postJson("/api/rounds", gironde.coordinator(), PASSWORD, roundJson("Brouillon")).json().get("id").asString();
        assertThat(http.get("/api/rounds/" + draft + "/report", gironde.member(), PASSWORD).status()).isEqualTo(404);
        assertThat(http.get("/api/rounds/" + draft + "/report.csv", gironde.member(), PASSWORD).status()).isEqualTo(404);
        assertThat(http.get("/api/rounds/" + draft + "/report", gironde.coordinator(), PASSWORD).status()).isEqualTo(200);
        Http page = Pages.loggedIn(port, gironde.member(), PASSWORD);
        assertThat(page.get("/reports?round=" + draft, null, null).status()).isEqualTo(404);
        assertThat(page.get("/reports/impact.csv?round=" + draft, null, null).status()).isEqualTo(404);
    }

    @Test
    void badInputGetsAClearMessageInTheCallersLanguageAndChangesNothing() {
        long eventsBefore = eventCount();
        String past = "{\"title\":\"Trop tard\",\"closesAt\":\"2020-01-01T10:00:00Z\",\"deliveryDate\":\"2020-01-02\",\"deliveryPlace\":\"Ici\"}";

        Reply french = http.postJson("/api/rounds", gironde.coordinator(), PASSWORD, past);
        Reply english = http.postJson("/api/rounds", gironde.coordinator(), PASSWORD, past, "Accept-Language", "en");
        Reply blank = http.postJson("/api/rounds", gironde.coordinator(), PASSWORD, roundJson(" "));
        Reply garbage = http.postJson("/api/rounds", gironde.coordinator(), PASSWORD, "{\"closesAt\":\"demain\"}");

        assertThat(french.status()).isEqualTo(422);
        assertThat(french.header("Content-Type")).startsWith("application/problem+json");
        assertThat(french.json().get("type").asString()).isEqualTo("https://mutua.coop/problems/round.deadline-in-past");
        assertThat(french.json().get("detail").asString()).isEqualTo("La date de clôture doit être dans le futur.");
        assertThat(english.json().get("detail").asString()).isEqualTo("The closing date must be in the future.");
        assertThat(blank.json().get("code").asString()).isEqualTo("field.required");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.json().get("code").asString()).isEqualTo("request.field-unreadable");
        assertThat(garbage.json().get("field").asString()).isEqualTo("closesAt");
        assertThat(garbage.json().get("detail").asString()).contains("closesAt").contains("demain");
        Reply notUuid = http.postJson("/api/rounds", gironde.coordinator(), PASSWORD, "{\"id\":\"ronde-1\"," + roundJson("X").substring(1));
        assertThat(notUuid.status()).isEqualTo(422);
        assertThat(notUuid.json().get("code").asString()).isEqualTo("field.id");
        Reply badStatus = http.get("/api/rounds?status=FOO", gironde.coordinator(), PASSWORD);
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.json().get("code").asString()).isEqualTo("request.field-not-allowed");
        assertThat(badStatus.json().get("field").asString()).isEqualTo("status");
        assertThat(badStatus.json().get("detail").asString()).contains("FOO").contains("RECEIVED");
        Reply badLabel = http.get("/api/suppliers?label=AB", gironde.coordinator(), PASSWORD);
        assertThat(badLabel.status()).isEqualTo(400);
        assertThat(badLabel.json().get("field").asString()).isEqualTo("label");
        assertThat(badLabel.json().get("detail").asString()).contains("AB").contains("ORGANIC_AB");
        Reply badDistance = http.get("/api/suppliers?maxKm=abc", gironde.coordinator(), PASSWORD);
        assertThat(badDistance.status()).isEqualTo(400);
        assertThat(badDistance.json().get("field").asString()).isEqualTo("maxKm");
        Reply wrongType = http.postBytes("/api/rounds", gironde.coordinator(), PASSWORD, "text/plain", "x".getBytes());
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.json().get("code").asString()).isEqualTo("request.media-type-not-supported");
        assertThat(eventCount()).isEqualTo(eventsBefore);
        assertThat(titles(http.get("/api/rounds", gironde.coordinator(), PASSWORD))).isEmpty();
    }

    @Test
    void apiNeedsAuthenticationAndAnswersWithAProblem() {
        Reply anonymous = http.get("/api/rounds", null, null);
        Reply wrongPassword = http.get("/api/rounds", gironde.coordinator(), "wrong");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.header("Content-Type")).startsWith("application/problem+json");
        assertThat(wrongPassword.json().get("code").asString()).isEqualTo("unauthenticated");
    }

    @Test
    void everyEventCarriesUserGroupementAndCorrelationInItsMetadata() {
        Reply created = http.postJson("/api/rounds", gironde.coordinator(), PASSWORD, roundJson("Tracée"),
                "X-Correlation-Id", "test-correlation-0001");
        String id = created.json().get("id").asString();
        assertThat(created.header("X-Correlation-Id")).isEqualTo("test-correlation-0001");

        String metadata = jdbc.sql("SELECT convert_from(metadata, 'UTF8') FROM domainevententry WHERE aggregateidentifier = :id")
                .param("id", id).query(String.class).single();
        JsonNode meta = JsonMapper.builder().build().readTree(metadata);
        String userId = jdbc.sql("SELECT id FROM user_account WHERE username = :u").param("u", gironde.coordinator())
                .query(String.class).single();
        assertThat(meta.get("userId").asString()).isEqualTo(userId);
        assertThat(meta.get("groupementId").asString()).isEqualTo(gironde.id().value());
        assertThat(meta.get("traceId").asString()).isEqualTo("test-correlation-0001");
        assertThat(meta.get("correlationId").asString()).isNotBlank();

        List<String> incomplete = jdbc.sql("""
                SELECT payloadtype FROM domainevententry
                WHERE NOT jsonb_exists_all(convert_from(metadata, 'UTF8')::jsonb, array['userId', 'groupementId', 'correlationId', 'traceId'])""")
                .query(String.class).list();
        assertThat(incomplete).as("events without full metadata").isEmpty();
    }

    private long eventCount() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    private static List<String> titles(Reply reply) {
        assertThat(reply.status()).isEqualTo(200);
        List<String> titles = new ArrayList<>();
        reply.json().forEach(round -> titles.add(round.get("title").asString()));
        return titles;
    }

    private static String roundJson(String title) {
        OffsetDateTime closesAt = OffsetDateTime.now(ZoneOffset.ofHours(1)).plusDays(7).withNano(0);
        LocalDate delivery = closesAt.toLocalDate().plusDays(3);
        return "{\"title\":\"" + title + "\",\"closesAt\":\"" + closesAt + "\",\"deliveryDate\":\"" + delivery
                + "\",\"deliveryPlace\":\"Entrepôt, quai de Brazza\"}";
    }
}
