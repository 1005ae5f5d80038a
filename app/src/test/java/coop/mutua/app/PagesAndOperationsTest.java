package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.account.Accounts;
import coop.mutua.app.support.Http.Reply;
import coop.mutua.app.support.Http;
import coop.mutua.app.support.IntegrationTest;
import coop.mutua.app.support.Pages;
import coop.mutua.app.support.PlainHttpClient;
import coop.mutua.app.support.TestGroupements.TestGroupement;
import coop.mutua.app.support.TestGroupements;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.test.util.ReflectionTestUtils;

/** The pages as a browser without JavaScript uses them: form login, session, CSRF, French by default; and operations. */
@IntegrationTest
class PagesAndOperationsTest {


    @Value("${local.server.port}")
    int port;
    @Autowired
    TestGroupements groupements;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;
    @Autowired
    FilterChainProxy securityFilters;
    @Autowired
    StrictHttpFirewall firewall;

    TestGroupement groupement;

    @BeforeEach
    void setUp() {
        groupement = groupements.create("Réseau des pages");
    }

    @Test
    void theSecurityFiltersUseTheFirewallWithOurHeaderChecksAndNoObservations() throws IOException {
        // Boot wraps Spring Security's filter chain proxy in a composite: the firewall is the inner one's.
        Object inner = ReflectionTestUtils.getField(securityFilters, "springSecurityFilterChain");
        assertThat(ReflectionTestUtils.getField(inner == null ? securityFilters : inner, "firewall"))
                .isSameAs(firewall);
        assertThat(ReflectionTestUtils.getField(inner == null ? securityFilters : inner,
                "filterChainDecorator")).as("security filters not wrapped in observations")
                .isNotInstanceOf(ObservationFilterChainDecorator.class);
        // The firewall checks a header when it is read: the API reads Authorization.
        assertThat(rawStatus("Basic caf\u00e9")).as("Latin-1 text in a header value").isEqualTo(401);
        assertThat(rawStatus("Basic caf\u0085")).as("a C1 control character in a header value").isEqualTo(400);
    }

    /** The status of {@code GET /api/rounds} with this Authorization value, sent as ISO-8859-1 bytes. */
    private int rawStatus(String authorization) throws IOException {
        try (PlainHttpClient client = new PlainHttpClient("localhost", port)) {
            return client.send("GET", "/api/rounds", authorization, null).status();
        }
    }

    @Test
    void pagesNeedALoginAndSpeakFrenchFirst() {
        Http anonymous = new Http(port, true);

        Reply rounds = anonymous.get("/rounds", null, null);
        assertThat(rounds.status()).isEqualTo(302);
        assertThat(rounds.header("Location")).endsWith("/login");

        Reply login = anonymous.get("/login", null, null);
        assertThat(login.body()).contains("<html lang=\"fr\"").contains("<label for=\"username\">Identifiant</label>");
        Reply english = anonymous.get("/login", null, null, "Accept-Language", "en-GB,en;q=0.9");
        assertThat(english.body()).contains("<html lang=\"en\"").contains("<label for=\"username\">Username</label>");
    }

    @Test
    void coordinatorCreatesARoundThroughTheFormWithoutJavaScript() {
        Http browser = Pages.loggedIn(port, groupement.coordinator());
        String form = browser.get("/rounds/new", null, null).body();
        String requestId = field(form, "requestId");

        Reply created = browser.postForm("/rounds", formData(Pages.csrf(form), requestId, "Légumes d'hiver"));

        assertThat(created.status()).isEqualTo(302);
        assertThat(created.header("Location")).as("the coordinator lands on the new round, to give it its terms")
                .endsWith("/rounds/" + requestId);
        String page = browser.get("/rounds/" + requestId, null, null).body();
        assertThat(page).contains("Légumes d&#39;hiver").contains("Brouillon").contains("Campagne « Légumes d&#39;hiver » créée")
                .contains("Offre et règles");

        Reply doubleSubmit = browser.postForm("/rounds", formData(Pages.csrf(form), requestId, "Légumes d'hiver"));
        assertThat(doubleSubmit.status()).isEqualTo(302);
        assertThat(roundCount()).isEqualTo(1);
    }

    @Test
    void invalidFormShowsMessagesAndCreatesNothing() {
        Http browser = Pages.loggedIn(port, groupement.coordinator());
        String form = browser.get("/rounds/new", null, null).body();

        Reply refused = browser.postForm("/rounds", "_csrf=" + Pages.enc(Pages.csrf(form)) + "&requestId=" + Pages.enc(field(form, "requestId"))
                + "&title=&closesAt=2020-01-01T10:00&deliveryDate=2020-01-02&deliveryPlace=Ici");

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"title-error\"").contains("id=\"closesAt-error\"").contains("aria-invalid=\"true\"");
        assertThat(roundCount()).isZero();
    }

    @Test
    void anAddressThatDoesNotExistIsAPageForABrowserAndAProblemForTheApi() {
        Http browser = Pages.loggedIn(port, groupement.coordinator());
        for (String missing : List.of("/nonexistent", "/css/nothing.css", "/rounds/abc")) {
            Reply page = browser.get(missing, null, null, "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
            assertThat(page.status()).as(missing).isEqualTo(404);
            assertThat(page.header("Content-Type")).as(missing).startsWith("text/html");
            assertThat(page.body()).contains("Page introuvable").contains("Retour à l&#39;accueil");
        }
        Reply api = new Http(port).get("/api/nonexistent", groupement.coordinator(), TestGroupements.PASSWORD);
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");
    }

    /** Typed ids in paths and queries: one that cannot even be read is not found, as an unknown one, on every channel. */
    @Test
    void anIdThatCannotBeReadIsNotFoundAsAnUnknownOne() {
        Http api = new Http(port);
        for (String path : List.of("/api/rounds/a.b", "/api/rounds/a.b/supplier-invoices", "/api/rounds/a.b/orders/" + groupement.memberId(),
                "/api/members/a.b", "/api/suppliers/" + "x".repeat(65), "/api/products/a.b", "/api/member-invoices?round=a.b",
                "/api/member-invoices?member=%20")) {
            Reply reply = api.get(path, groupement.coordinator(), TestGroupements.PASSWORD);
            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(reply.json().get("code").asString()).as(path).isEqualTo("not-found");
        }
        Http browser = Pages.loggedIn(port, groupement.coordinator());
        for (String path : List.of("/rounds/a.b", "/rounds/a.b/billing", "/members/a.b/edit", "/suppliers/a.b", "/products/a.b/edit",
                "/reports?round=a.b")) {
            Reply page = browser.get(path, null, null, "Accept", "text/html");
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).contains("Page introuvable");
        }
        Reply filter = browser.get("/rounds?filter=NOPE", null, null, "Accept", "text/html");
        assertThat(filter.status()).as("an unknown filter is the list as a whole").isEqualTo(200);
    }

    @Test
    void stateChangesNeedACsrfTokenAndAPost() {
        Http browser = Pages.loggedIn(port, groupement.coordinator());
        String form = browser.get("/rounds/new", null, null).body();

        Reply forged = browser.postForm("/rounds", formData(null, field(form, "requestId"), "Forgée").replace("_csrf=&", ""));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(roundCount()).isZero();

        assertThat(browser.get("/logout", null, null).status()).isNotEqualTo(302);
        assertThat(browser.get("/rounds", null, null).status()).as("still logged in after GET /logout").isEqualTo(200);
    }

    @Test
    void membersCannotOpenTheCoordinatorsForm() {
        Http member = Pages.loggedIn(port, groupement.member());

        assertThat(member.get("/rounds/new", null, null).status()).isEqualTo(403);
        assertThat(member.get("/members", null, null).status()).isEqualTo(403);
        assertThat(member.get("/rounds", null, null).status()).isEqualTo(200);
    }

    /** Behind a proxy on the same machine or network, without MUTUA_PUBLIC_URL: X-Forwarded-Proto decides (issue 15). */
    @Test
    void aRequestThatCameThroughHttpsStaysOnHttpsWithHsts() {
        String answer = HostHeader.exchange(port, "GET /rounds HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-Proto: https\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(answer).containsPattern("(?i)Location: (https://localhost(:443)?)?/login")
                .containsIgnoringCase("Strict-Transport-Security: max-age=").containsIgnoringCase("Referrer-Policy: same-origin");
        assertThat(answer).containsPattern("(?i)Set-Cookie: JSESSIONID=[^\r\n]*Secure");
        String plain = HostHeader.exchange(port, "GET /rounds HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(plain).doesNotContainIgnoringCase("Strict-Transport-Security");
    }

    @Test
    void healthIsPublicAndEveryOtherActuatorEndpointIsTheOperatorsOnly() {
        Http anonymous = new Http(port);

        Reply health = anonymous.get("/actuator/health", null, null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(health.json().get("components").get("db").get("status").asString()).isEqualTo("UP");
        assertThat(anonymous.get("/actuator/health/readiness", null, null).status()).isEqualTo(200);

        String operator = "exploitation-pages-" + System.nanoTime();
        accounts.createOperator(operator, TestGroupements.PASSWORD, "Exploitation");
        for (String endpoint : List.of("/actuator", "/actuator/info", "/actuator/metrics", "/actuator/prometheus")) {
            Reply unknown = anonymous.get(endpoint, null, null);
            assertThat(unknown.status()).as(endpoint).isEqualTo(401);
            // Refusals as the API's: a problem document in the reader's language (French first), not a Boot error in English.
            assertThat(unknown.header("Content-Type")).as(endpoint).startsWith("application/problem+json");
            assertThat(unknown.json().get("detail").asString()).isEqualTo("Authentification requise : identifiant et mot de passe (ou jeton d'accès) absents ou incorrects.");
            for (String user : List.of(groupement.coordinator(), groupement.member(), groupement.supplier())) {
                Reply refused = anonymous.get(endpoint, user, TestGroupements.PASSWORD);
                assertThat(refused.status()).as(endpoint + " as " + user).isEqualTo(403);
                assertThat(refused.header("Content-Type")).as(endpoint).startsWith("application/problem+json");
                assertThat(refused.json().get("code").asString()).isEqualTo("forbidden");
                assertThat(refused.json().get("detail").asString()).isEqualTo("Cette action n'est pas permise à votre rôle.");
            }
            assertThat(anonymous.get(endpoint, groupement.member(), TestGroupements.PASSWORD, "Accept-Language", "en").json()
                    .get("detail").asString()).isEqualTo("Your role does not allow this action.");
            assertThat(anonymous.get(endpoint, operator, TestGroupements.PASSWORD).status()).as(endpoint).isEqualTo(200);
        }
        Reply prometheus = anonymous.get("/actuator/prometheus", operator, TestGroupements.PASSWORD);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections_active")
                .contains("http_server_requests_seconds").contains("mutua_projections_dead_letters");
    }

    private long roundCount() {
        return jdbc.sql("SELECT count(*) FROM purchase_round WHERE groupement_id = :g")
                .param("g", groupement.id().value()).query(Long.class).single();
    }

    private static String formData(String csrf, String requestId, String title) {
        LocalDate closing = LocalDate.now().plusDays(10);
        return "_csrf=" + (csrf == null ? "" : Pages.enc(csrf)) + "&requestId=" + Pages.enc(requestId) + "&title=" + Pages.enc(title)
                + "&closesAt=" + closing + "T18%3A00&deliveryDate=" + closing.plusDays(2) + "&deliveryPlace=" + Pages.enc("Quai de Brazza");
    }

    private static String field(String html, String name) {
        Matcher matcher = Pattern.compile("name=\"" + name + "\"[^>]*value=\"([^\"]+)\"").matcher(html);
        if (!matcher.find()) {
            matcher = Pattern.compile("value=\"([^\"]+)\"[^>]*name=\"" + name + "\"").matcher(html);
            assertThat(matcher.find()).as("field " + name).isTrue();
        }
        return matcher.group(1);
    }
}
