package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.support.Http;
import coop.mutua.app.support.Http.Reply;
import coop.mutua.app.support.IntegrationTest;
import coop.mutua.app.support.Pages;
import coop.mutua.app.support.TestGroupements;
import coop.mutua.app.support.TestGroupements.TestGroupement;
import coop.mutua.app.support.TestMail;
import coop.mutua.kernel.Luhn;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Listing requests through the API and the pages on PostgreSQL (ADR 22): a supplier asks without an account, the
 * coordinator asks for changes (the requester amends through the new private link it is mailed), accepts (the
 * supplier is registered, listed and its contact invited) or refuses with a reason; nobody else sees the request;
 * robots are answered and stored nowhere; an address sends a few requests per hour at most.
 */
@IntegrationTest
class ListingRequestsIntegrationTest {

    private static final String PASSWORD = TestGroupements.PASSWORD;
    private static final Pattern PRIVATE_LINK = Pattern.compile("https?://\\S+(/network/request/[0-9a-f-]+\\?key=[A-Za-z0-9_-]+)");

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
        gironde = groupements.create("Demandes Gironde");
        landes = groupements.create("Demandes Landes");
    }

    static String siret() {
        StringBuilder body = new StringBuilder("8");
        while (body.length() < 13) {
            body.append(ThreadLocalRandom.current().nextInt(10));
        }
        return body.toString() + Luhn.checkDigit(body.toString());
    }

    private String request(TestGroupement to, String siret, String email, String extra) {
        return """
                {"groupementId":"%s","name":"Recyclerie du Bassin","siret":"%s","essFamily":"ASSOCIATION","sector":"SERVICES",
                 "categories":["Réemploi","Collecte"],"street":"4 allée des Pins","postalCode":"33120","municipality":"Arcachon",
                 "deliveryDepartments":["33"],"minimumOrder":"50","labels":[{"label":"IAE","certificate":"ACI-33-118","expiresOn":"%s"}],
                 "contactName":"Inès Duval","contactEmail":"%s","contactPhone":"05 57 00 00 00"%s}"""
                .formatted(to.id().value(), siret, LocalDate.now().plusMonths(8), email, extra);
    }

    @Test
    void fromTheApiToAnInvitedSupplierThroughAQuestionAndAnAmendment() throws Exception {
        String email = "ines-" + System.nanoTime() + "@recyclerie.example.org";
        String siret = siret();
        Reply submitted = http.postJson("/api/network/requests", null, null, request(gironde, siret, email, ""));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String id = submitted.json().get("request").get("id").asString();
        String key = submitted.json().get("key").asString();
        assertThat(submitted.json().get("request").get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.json().get("request").get("details").get("municipality").asString()).isEqualTo("33009");
        assertThat(submitted.body()).doesNotContain("keyHash", sha256(key));
        // The requester is mailed its private link; the groupement's coordination is told a request waits.
        assertThat(privateLink(email)).endsWith("/network/request/" + id + "?key=" + key);
        assertThat(http.get("/api/network/requests/" + id + "?key=" + key, null, null).status()).isEqualTo(200);
        assertThat(http.get("/api/network/requests/" + id + "?key=wrong", null, null).status()).isEqualTo(404);
        assertThat(http.get("/api/network/requests/" + id, null, null).status()).isEqualTo(404);
        // Only its groupement's coordinators see it.
        assertThat(http.get("/api/listing-requests/" + id, gironde.coordinator(), PASSWORD).status()).isEqualTo(200);
        assertThat(http.get("/api/listing-requests/" + id, landes.coordinator(), PASSWORD).status()).isEqualTo(404);
        assertThat(http.get("/api/listing-requests/" + id, gironde.member(), PASSWORD).status()).isEqualTo(403);
        assertThat(http.postJson("/api/listing-requests/" + id + "/accept", landes.coordinator(), PASSWORD, "").status()).isEqualTo(404);
        assertThat(http.get("/api/listing-requests", gironde.coordinator(), PASSWORD).body()).contains(id);
        assertThat(http.get("/api/listing-requests", landes.coordinator(), PASSWORD).body()).doesNotContain(id);
        // Not amendable until asked; asked: the old link stops, the new one comes by mail.
        assertThat(http.putJson("/api/network/requests/" + id + "?key=" + key, null, null, request(gironde, siret, email, "")).status())
                .isEqualTo(409);
        Reply asked = http.postJson("/api/listing-requests/" + id + "/changes", gironde.coordinator(), PASSWORD,
                "{\"text\":\"Pouvez-vous préciser vos jours de collecte ?\"}");
        assertThat(asked.json().at("/request/status").asString()).isEqualTo("CHANGES_REQUESTED");
        assertThat(asked.json().hasNonNull("privateLink")).as("mailed: not given").isFalse();
        assertThat(http.get("/api/network/requests/" + id + "?key=" + key, null, null).status()).isEqualTo(404);
        String newLink = awaitMail(email, "jours de collecte");
        String newKey = newLink.substring(newLink.indexOf("key=") + 4);
        Reply amended = http.putJson("/api/network/requests/" + id + "?key=" + newKey, null, null,
                request(gironde, siret, email, ",\"description\":\"Collecte le mardi et le vendredi\""));
        assertThat(amended.status()).as(amended.body()).isEqualTo(200);
        assertThat(amended.json().get("status").asString()).isEqualTo("SUBMITTED");

        Reply accepted = http.postJson("/api/listing-requests/" + id + "/accept", gironde.coordinator(), PASSWORD, "");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        String supplierId = accepted.json().get("supplierId").asString();
        assertThat(accepted.json().get("request").get("status").asString()).isEqualTo("ACCEPTED");
        JsonNode supplier = http.get("/api/suppliers/" + supplierId, gironde.coordinator(), PASSWORD).json();
        assertThat(supplier.get("name").asString()).isEqualTo("Recyclerie du Bassin");
        assertThat(supplier.get("address").get("city").asString()).isEqualTo("Arcachon");
        JsonNode listing = http.get("/api/suppliers/" + supplierId + "/listing", gironde.coordinator(), PASSWORD).json();
        assertThat(listing.get("description").asString()).isEqualTo("Collecte le mardi et le vendredi");
        assertThat(http.get("/api/network/listings/" + listing.get("id").asString(), null, null).body()).contains("ACI-33-118");
        // The contact person is invited to the supplier's own login.
        assertThat(TestMail.awaitLink(email, "/invitation/")).contains("/invitation/");
        assertThat(jdbc.sql("SELECT state FROM user_account WHERE lower(email) = lower(:email) AND supplier_id = :supplier")
                .param("email", email).param("supplier", supplierId).query(String.class).single()).isEqualTo("INVITED");
        // Decided: closed to every further step.
        assertThat(http.postJson("/api/listing-requests/" + id + "/refuse", gironde.coordinator(), PASSWORD, "{\"text\":\"non\"}").status())
                .isEqualTo(409);
    }

    @Test
    void aRefusalIsToldWithItsReasonAndRefusalsOfInputNameTheirField() {
        String email = "refus-" + System.nanoTime() + "@example.org";
        String id = http.postJson("/api/network/requests", null, null, request(gironde, siret(), email, "")).json().get("request").get("id").asString();
        assertThat(http.postJson("/api/listing-requests/" + id + "/refuse", gironde.coordinator(), PASSWORD, "{\"text\":\" \"}").status())
                .isEqualTo(422);
        Reply refused = http.postJson("/api/listing-requests/" + id + "/refuse", gironde.coordinator(), PASSWORD,
                "{\"text\":\"Nous ne couvrons pas ce secteur.\"}");
        assertThat(refused.json().get("status").asString()).isEqualTo("REFUSED");
        awaitMail(email, "Nous ne couvrons pas ce secteur.");

        // The same SIRET again while the first waits: the same request twice, refused.
        String siret = siret();
        assertThat(http.postJson("/api/network/requests", null, null, request(gironde, siret, email, "")).status()).isEqualTo(201);
        long events = jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
        assertField(http.postJson("/api/network/requests", null, null, request(gironde, siret, email, "")), "siret");
        assertField(http.postJson("/api/network/requests", null, null, request(gironde, "12345678901234", email, "")), "siret");
        assertField(http.postJson("/api/network/requests", null, null, request(gironde, siret(), email, "").replace("33120", "3312")),
                "postalCode");
        assertField(http.postJson("/api/network/requests", null, null, request(gironde, siret(), email, "").replace("Inès Duval", "")),
                "contactName");
        assertField(http.postJson("/api/network/requests", null, null, request(gironde, siret(), email, "").replace("Arcachon", "Atlantis")),
                "municipality");
        assertField(http.postJson("/api/network/requests", null, null, request(gironde, siret(), "pas-une-adresse", "")), "contactEmail");
        assertField(http.postJson("/api/network/requests", null, null, request(gironde, siret(), email, "")
                .replace(gironde.id().value(), "00000000-0000-0000-0000-000000000000")), "groupementId");
        assertField(http.postJson("/api/network/requests", null, null, request(gironde, siret(), email, "")
                .replace("\"expiresOn\":\"" + LocalDate.now().plusMonths(8), "\"expiresOn\":\"2020-01-01")), "labels[0].expiresOn");
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single()).isEqualTo(events);
    }

    @Test
    void thePublicFormTrapsRobotsAndLimitsEachAddress() {
        Http visitor = new Http(port, true);
        String form = visitor.get("/network/request", null, null).body();
        assertThat(form).contains("name=\"homepage\"", gironde.name());
        long before = jdbc.sql("SELECT count(*) FROM listing_request").query(Long.class).single();
        Reply trapped = visitor.postForm("/network/request", Pages.form(form, "groupementId", gironde.id().value(), "name", "Robot",
                "siret", siret(), "homepage", "http://spam.example"));
        assertThat(trapped.status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM listing_request").query(Long.class).single()).isEqualTo(before);

        // This address has reached its hour's quota (as if a thousand requests had just been sent from it).
        String address = sha256("127.0.0.1");
        jdbc.sql("INSERT INTO listing_request_attempt (address_hash, sent_at) SELECT :a, :at FROM generate_series(1, 1000)")
                .param("a", address).param("at", OffsetDateTime.now()).update();
        try {
            Reply limited = http.postJson("/api/network/requests", null, null, request(gironde, siret(), "quota@example.org", ""));
            assertThat(limited.status()).as(limited.body()).isEqualTo(429);
            assertThat(jdbc.sql("SELECT count(*) FROM listing_request").query(Long.class).single()).isEqualTo(before);
        } finally {
            jdbc.sql("DELETE FROM listing_request_attempt WHERE address_hash = :a").param("a", address).update();
        }
    }

    private static void assertField(Reply reply, String field) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(422);
        assertThat(reply.body()).contains("\"" + field + "\"");
    }

    private static String privateLink(String email) {
        return awaitMail(email, "/network/request/");
    }

    /** The private link of the latest mail to the address that says this. */
    private static String awaitMail(String email, String saying) {
        long giveUp = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < giveUp) {
            List<jakarta.mail.internet.MimeMessage> mails = TestMail.to(email);
            for (int i = mails.size() - 1; i >= 0; i--) {
                String text = TestMail.text(mails.get(i));
                if (text.contains(saying)) {
                    Matcher link = PRIVATE_LINK.matcher(text);
                    return link.find() ? URI.create(link.group()).toString() : text;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no mail to " + email + " saying " + saying);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
