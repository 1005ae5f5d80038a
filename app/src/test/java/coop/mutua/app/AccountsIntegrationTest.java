package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.account.Accounts;
import coop.mutua.app.support.Eventually;
import coop.mutua.app.support.Http;
import coop.mutua.app.support.IntegrationTest;
import coop.mutua.app.support.Pages;
import coop.mutua.app.support.RoundsThroughApi;
import coop.mutua.app.support.TestGroupements.TestGroupement;
import coop.mutua.app.support.TestGroupements;
import coop.mutua.app.support.TestMail;
import coop.mutua.kernel.Luhn;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * People's own logins through the API and the pages, on PostgreSQL with a real SMTP server: invitations (sent, resent,
 * expired, reused, forged, withdrawn), a member's user bound to its structure, password resets that tell nothing about
 * an address, password changes and disabled accounts ending sessions and remembered API logins, hashes upgraded at
 * login, the accounts' history, and the operator who registers groupements but reads none of their data.
 */
@IntegrationTest
class AccountsIntegrationTest {

    private static final String PASSWORD = TestGroupements.PASSWORD;
    private static final String CHOSEN = "une phrase de passe solide";

    @Value("${local.server.port}")
    int port;
    @Autowired
    TestGroupements groupements;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;

    @Test
    void anInvitationThroughTheApiBecomesALoginOnceAndOnlyOnce() {
        TestGroupement g = groupements.create("Réseau invitations API");
        Http api = new Http(port);
        String email = unique("camille") + "@asso.example";
        Http.Reply invited = api.postJson("/api/members/" + g.memberId() + "/users", g.coordinator(), PASSWORD,
                "{\"name\":\"Camille Durand\",\"email\":\"" + email + "\"}");
        assertThat(invited.status()).isEqualTo(201);
        assertThat(invited.json().get("mailed").asBoolean()).isTrue();
        assertThat(invited.json().has("link")).as("a mailed link is not shown to the coordinator").isFalse();
        JsonNode listed = api.get("/api/members/" + g.memberId() + "/users", g.coordinator(), PASSWORD).json();
        assertThat(listed.findValuesAsString("state")).contains("INVITED", "ACTIVE");

        String link = TestMail.awaitLink(email, "/invitation/");
        String path = link.substring(link.indexOf("/invitation/"));
        String token = path.substring("/invitation/".length());
        assertThat(jdbc.sql("SELECT count(*) FROM account_token WHERE token_hash = :t").param("t", token).query(Long.class).single())
                .as("the token is stored only as a hash").isZero();

        Http browser = new Http(port, true);
        String page = browser.get(path, null, null).body();
        assertThat(page).contains("Camille Durand").contains("Réseau invitations API");
        Http.Reply mismatch = browser.postForm(path, form(page, "username", "camille", "password", CHOSEN, "confirm", CHOSEN + "!"));
        assertThat(mismatch.status()).isEqualTo(422);
        assertThat(mismatch.body()).contains("ne sont pas identiques");
        Http.Reply taken = browser.postForm(path, form(mismatch.body(), "username", g.member(), "password", CHOSEN, "confirm", CHOSEN));
        assertThat(taken.body()).contains("est déjà pris");
        Http.Reply containsLogin = browser.postForm(path, form(taken.body(), "username", "camille-d", "password", "camille-d est là 2026",
                "confirm", "camille-d est là 2026"));
        assertThat(containsLogin.body()).contains("ne doit pas contenir l&#39;identifiant");
        String login = unique("camille");
        Http.Reply joined = browser.postForm(path, form(containsLogin.body(), "username", login, "password", CHOSEN, "confirm", CHOSEN));
        assertThat(joined.status()).isEqualTo(302);
        assertThat(joined.header("Location")).endsWith("/login");

        JsonNode me = api.get("/api/me", login, CHOSEN).json();
        assertThat(me.get("role").asString()).isEqualTo("MEMBER");
        assertThat(me.get("memberId").asString()).isEqualTo(g.memberId().value());
        assertThat(me.get("displayName").asString()).isEqualTo("Camille Durand");

        Http other = new Http(port, true);
        assertThat(other.get(path, null, null).body()).as("reused").contains("a déjà servi");
        assertThat(other.get("/invitation/" + token.substring(1) + "x", null, null).body()).as("forged").contains("n&#39;est pas valable");
        assertThat(other.get("/invitation/" + "A".repeat(300), null, null).body()).as("absurd").contains("n&#39;est pas valable");

        String userId = invited.json().get("userId").asString();
        assertThat(api.postJson("/api/members/" + g.memberId() + "/users", g.coordinator(), PASSWORD,
                "{\"name\":\"Camille Durand\",\"email\":\"" + email + "\"}").status()).as("already has an access").isEqualTo(409);
        JsonNode history = api.get("/api/users/" + userId + "/history", g.coordinator(), PASSWORD).json();
        assertThat(history.findValuesAsString("kind")).contains("INVITED", "JOINED", "LOGGED_IN");
        JsonNode person = api.get("/api/users/" + userId, g.coordinator(), PASSWORD).json();
        assertThat(person.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(person.get("lastLoginAt").asString()).isNotBlank();
    }

    @Test
    void resentExpiredAndWithdrawnInvitationLinksAreRefused() {
        TestGroupement g = groupements.create("Réseau liens");
        Http api = new Http(port);
        String email = unique("dominique") + "@asso.example";
        String userId = api.postJson("/api/coordinators", g.coordinator(), PASSWORD,
                "{\"name\":\"Dominique Co\",\"email\":\"" + email + "\",\"language\":\"en\"}").json().get("userId").asString();
        String first = pathOf(TestMail.awaitLink(email, "/invitation/"));
        assertThat(TestMail.to(email).get(0)).satisfies(mail -> assertThat(mail.getSubject()).startsWith("Invitation to join"));

        Http.Reply again = api.postJson("/api/users/" + userId + "/invitation", g.coordinator(), PASSWORD, "");
        assertThat(again.status()).isEqualTo(200);
        Eventually.equal(2, () -> TestMail.to(email).size());
        String second = pathOf(TestMail.awaitLink(email, "/invitation/"));
        assertThat(second).isNotEqualTo(first);
        Http browser = new Http(port, true);
        assertThat(browser.get(first, null, null).body()).as("replaced by the second").contains("n&#39;est pas valable");
        assertThat(browser.get(second, null, null).body()).contains("Dominique Co").as("in the invitation's language")
                .contains("Create your access");

        jdbc.sql("UPDATE account_token SET expires_at = now() - interval '1 minute' WHERE account_id = :id AND used_at IS NULL AND revoked_at IS NULL")
                .param("id", userId).update();
        assertThat(browser.get(second, null, null).body()).contains("This invitation link has expired");

        assertThat(api.delete("/api/users/" + userId + "/invitation", g.coordinator(), PASSWORD).status()).isEqualTo(204);
        assertThat(api.get("/api/coordinators", g.coordinator(), PASSWORD).json().findValuesAsString("email")).doesNotContain(email);
        assertThat(api.postJson("/api/users/" + userId + "/invitation", g.coordinator(), PASSWORD, "").status())
                .as("a withdrawn invitation cannot be sent again").isEqualTo(409);
        Http.Reply duplicate = api.postJson("/api/coordinators", g.coordinator(), PASSWORD,
                "{\"name\":\"Dominique Co\",\"email\":\"" + email + "\"}");
        assertThat(duplicate.status()).as("invited anew after the withdrawal").isEqualTo(201);
        int mails = TestMail.to(email).size();
        Http.Reply twice = api.postJson("/api/coordinators", g.coordinator(), PASSWORD, "{\"name\":\"Dominique Co\",\"email\":\"" + email + "\"}");
        assertThat(twice.status()).as("invited again while pending: the same person, a new link").isEqualTo(201);
        assertThat(twice.json().get("userId").asString()).isEqualTo(duplicate.json().get("userId").asString());
        Eventually.equal(mails + 1, () -> TestMail.to(email).size());
        Http.Reply german = api.postJson("/api/coordinators", g.coordinator(), PASSWORD,
                "{\"name\":\"Hans\",\"email\":\"hans@asso.example\",\"language\":\"de\"}");
        assertThat(german.status()).isEqualTo(422);
        assertThat(german.json().get("field").asString()).isEqualTo("language");
        Http.Reply bad = api.postJson("/api/coordinators", g.coordinator(), PASSWORD, "{\"name\":\"\",\"email\":\"pas-une-adresse\"}");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("field").asString()).isEqualTo("name");
        for (String hostile : List.of("a,b@asso.example", "Eve <eve@asso.example>", "x@y@asso.example", "<script>@asso.example")) {
            Http.Reply refused = api.postJson("/api/coordinators", g.coordinator(), PASSWORD,
                    "{\"name\":\"Eve\",\"email\":\"" + hostile + "\"}");
            assertThat(refused.status()).as(hostile).isEqualTo(422);
            assertThat(refused.json().get("field").asString()).isEqualTo("email");
        }
        Http.Reply lineBreak = api.postJson("/api/coordinators", g.coordinator(), PASSWORD, "{\"name\":\"Eve\\nBcc: x\",\"email\":\"eve@asso.example\"}");
        assertThat(lineBreak.json().get("code").asString()).isEqualTo("field.characters");
        assertThat(api.get("/api/coordinators", g.coordinator(), PASSWORD).json().findValuesAsString("name")).doesNotContain("Eve");
        assertThat(api.postJson("/api/coordinators", g.member(), PASSWORD, "{\"name\":\"X\",\"email\":\"x@y.example\"}").status())
                .as("members do not invite").isEqualTo(403);
        TestGroupement foreign = groupements.create("Réseau étranger");
        assertThat(api.get("/api/users/" + userId, foreign.coordinator(), PASSWORD).status()).isEqualTo(404);
        assertThat(api.postJson("/api/members/" + g.memberId() + "/users", foreign.coordinator(), PASSWORD,
                "{\"name\":\"X\",\"email\":\"x@y.example\"}").status()).as("another groupement's member").isEqualTo(404);
    }

    @Test
    void anInvitedMembersUserActsOnlyForItsOwnStructure() {
        TestGroupement g = groupements.create("Réseau structures");
        Http api = new Http(port);
        String carrots = RoundsThroughApi.product(api, g.supplier(), g.supplierId(), RoundsThroughApi.CARROTS);
        String round = RoundsThroughApi.openRound(api, g, "Campagne cloisonnée", g.supplierId());
        String otherMember = api.postJson("/api/members", g.coordinator(), PASSWORD, """
                {"name":"Autre association","siret":"%s","essFamily":"ASSOCIATION","contactEmail":"autre@asso.example",
                 "billingAddress":{"street":"2 rue du Port","postalCode":"33000","city":"Bordeaux","country":"FR"}}"""
                .formatted(siret())).json().get("id").asString();
        String login = join(api, g, "/api/members/" + otherMember + "/users", unique("eva"));

        String order = "{\"lines\":[{\"productId\":\"" + carrots + "\",\"quantity\":\"6\"}]}";
        assertThat(api.putJson("/api/rounds/" + round + "/orders/" + otherMember, login, CHOSEN, order).status()).isEqualTo(200);
        assertThat(api.putJson("/api/rounds/" + round + "/orders/" + g.memberId(), login, CHOSEN, order).status())
                .as("not its structure").isIn(403, 404);
        assertThat(api.get("/api/rounds/" + round + "/orders/" + g.memberId(), login, CHOSEN).status()).isIn(403, 404);
        assertThat(api.get("/api/members", login, CHOSEN).status()).isEqualTo(403);
        assertThat(api.get("/api/coordinators", login, CHOSEN).status()).isEqualTo(403);
    }

    @Test
    void aResetAnswersAlikeForAnyAddressAndEndsTheAccountsSessions() {
        TestGroupement g = groupements.create("Réseau oubli");
        Http api = new Http(port);
        String email = unique("gaspard") + "@asso.example";
        String login = join(api, g, "/api/members/" + g.memberId() + "/users", unique("gaspard"), email);
        Http session = Pages.loggedIn(port, login, CHOSEN);
        assertThat(session.get("/rounds", null, null).status()).isEqualTo(200);
        Http.Reply created = api.postJson("/api/me/tokens", login, CHOSEN, "{\"name\":\"Caisse\"}");
        assertThat(created.status()).isEqualTo(201);
        String token = created.json().get("token").asString();
        assertThat(api.get("/api/me", login, token).status()).isEqualTo(200);
        assertThat(api.postJson("/api/me/tokens", login, CHOSEN, "{\"name\":\"\"}").json().get("field").asString()).isEqualTo("name");

        Http.Reply poisoned = HostHeader.post(port, "evil.example", "/password/forgot", "email=" + Pages.enc(email));
        assertThat(poisoned.status()).isEqualTo(302);
        Http anonymous = new Http(port, true);
        String unknownEmail = unique("personne") + "@nulle-part.example";
        Http.Reply unknown = anonymous.postForm("/password/forgot", form(anonymous.get("/password/forgot", null, null).body(), "email", unknownEmail));
        Http.Reply known = anonymous.postForm("/password/forgot", form(anonymous.get("/password/forgot", null, null).body(), "email", email));
        assertThat(known.status()).isEqualTo(unknown.status()).isEqualTo(302);
        assertThat(known.header("Location")).isEqualTo(unknown.header("Location"));
        assertThat(anonymous.get("/password/forgot", null, null).body()).contains("Si un compte actif utilise cette adresse");

        String link = TestMail.awaitLink(email, "/password/reset/");
        assertThat(link).as("the first request, with a forged Host header, sent the mail: its link is not that host's").startsWith("http://localhost:" + port + "/");
        String reset = pathOf(link);
        assertThat(TestMail.text(TestMail.to(email).get(TestMail.to(email).size() - 1))).contains("« " + login + " »");
        assertThat(TestMail.to(unknownEmail)).isEmpty();
        assertThat(TestMail.to(email).stream().filter(mail -> subject(mail).startsWith("Réinitialisation")).count())
                .as("three requests, one mail (at most one every two minutes)").isEqualTo(1);
        String page = anonymous.get(reset, null, null).body();
        assertThat(page).contains(login);
        Http.Reply weak = anonymous.postForm(reset, form(page, "password", "azertyuiop123", "confirm", "azertyuiop123"));
        assertThat(weak.status()).isEqualTo(422);
        String fresh = "le chat dort sur le clavier";
        Http.Reply done = anonymous.postForm(reset, form(weak.body(), "password", fresh, "confirm", fresh));
        assertThat(done.status()).isEqualTo(302);
        assertThat(done.header("Location")).endsWith("/login");

        assertThat(session.get("/rounds", null, null).header("Location")).as("the session opened before the reset").endsWith("/login?expired");
        assertThat(api.get("/api/me", login, CHOSEN).status()).isEqualTo(401);
        assertThat(api.get("/api/me", login, fresh).status()).isEqualTo(200);
        assertThat(anonymous.get(reset, null, null).body()).as("used once").contains("n&#39;est pas valable");
        assertThat(api.get("/api/me", login, token).status()).as("a reset revokes the API tokens").isEqualTo(401);
        assertThat(kinds(api, g, login)).contains("PASSWORD_RESET_REQUESTED", "PASSWORD_RESET");
    }

    @Test
    void disablingAnAccountStopsItsSessionsAndRememberedApiLoginsAtOnce() {
        TestGroupement g = groupements.create("Réseau désactivation");
        Http api = new Http(port);
        String login = join(api, g, "/api/suppliers/" + g.supplierId() + "/users", unique("hugo"));
        String userId = userId(login);
        Http session = Pages.loggedIn(port, login, CHOSEN);
        assertThat(session.get("/supplier-orders", null, null).status()).isEqualTo(200);
        assertThat(api.get("/api/me", login, CHOSEN).status()).isEqualTo(200);

        JsonNode disabled = api.postJson("/api/users/" + userId + "/disable", g.coordinator(), PASSWORD, "").json();
        assertThat(disabled.get("state").asString()).isEqualTo("DISABLED");
        assertThat(session.get("/supplier-orders", null, null).header("Location")).endsWith("/login?expired");
        Http.Reply refused = api.get("/api/me", login, CHOSEN);
        assertThat(refused.status()).as("the remembered Basic login is forgotten").isEqualTo(401);
        assertThat(refused.json().get("code").asString()).isEqualTo("unauthenticated");

        assertThat(api.postJson("/api/users/" + userId + "/disable", g.coordinator(), PASSWORD, "").status()).isEqualTo(409);
        assertThat(api.postJson("/api/users/" + userId(g.coordinator()) + "/disable", g.coordinator(), PASSWORD, "").status())
                .as("not oneself").isEqualTo(409);
        assertThat(api.postJson("/api/users/" + userId + "/enable", g.coordinator(), PASSWORD, "").json().get("state").asString())
                .isEqualTo("ACTIVE");
        assertThat(api.get("/api/me", login, CHOSEN).status()).isEqualTo(200);
        assertThat(kinds(api, g, login)).contains("DISABLED", "ENABLED");
        JsonNode all = api.get("/api/account-history", g.coordinator(), PASSWORD).json();
        assertThat(all.findValuesAsString("kind")).contains("INVITED", "JOINED", "DISABLED", "ENABLED");
    }

    @Test
    void changingOnesPasswordEndsTheOtherSessions() {
        TestGroupement g = groupements.create("Réseau changement");
        Http api = new Http(port);
        String login = join(api, g, "/api/members/" + g.memberId() + "/users", unique("ines"));
        Http elsewhere = Pages.loggedIn(port, login, CHOSEN);

        Http.Reply wrong = api.putJson("/api/me/password", login, CHOSEN, "{\"currentPassword\":\"pas le bon mot\",\"newPassword\":\"x\"}");
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.json().get("field").asString()).isEqualTo("currentPassword");
        Http.Reply common = api.putJson("/api/me/password", login, CHOSEN,
                "{\"currentPassword\":\"" + CHOSEN + "\",\"newPassword\":\"qwertyuiop123\"}");
        assertThat(common.json().get("code").asString()).isEqualTo("password.common");
        assertThat(common.json().get("field").asString()).isEqualTo("newPassword");
        String next = "des voiliers dans la baie";
        assertThat(api.putJson("/api/me/password", login, CHOSEN, "{\"currentPassword\":\"" + CHOSEN + "\",\"newPassword\":\"" + next + "\"}")
                .status()).isEqualTo(204);
        assertThat(api.get("/api/me", login, CHOSEN).status()).isEqualTo(401);
        assertThat(api.get("/api/me", login, next).status()).isEqualTo(200);
        assertThat(elsewhere.get("/rounds", null, null).header("Location")).endsWith("/login?expired");

        Http browser = Pages.loggedIn(port, login, next);
        String account = browser.get("/account", null, null).body();
        Http.Reply changed = browser.postForm("/account/password", form(account, "currentPassword", next, "newPassword", CHOSEN,
                "confirm", CHOSEN));
        assertThat(changed.header("Location")).endsWith("/account");
        assertThat(browser.get("/account", null, null).body()).as("this session goes on").contains("Mot de passe changé");
        assertThat(kinds(api, g, login)).as("a wrong current password counts as a failed login").contains("PASSWORD_CHANGED", "LOGIN_FAILED");
    }

    @Test
    void aPasswordStoredUnderAnOlderSchemeIsHashedAgainAtLogin() {
        TestGroupement g = groupements.create("Réseau ancien hachage");
        String old = "{pbkdf2@SpringSecurity_v5_8}" + Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(PASSWORD);
        jdbc.sql("UPDATE user_account SET password_hash = :h WHERE username = :u").param("h", old).param("u", g.member()).update();
        assertThat(new Http(port).get("/api/me", g.member(), PASSWORD).status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT password_hash FROM user_account WHERE username = :u").param("u", g.member()).query(String.class).single())
                .startsWith("{bcrypt}");
        assertThat(new Http(port).get("/api/me", g.member(), PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void theOperatorRegistersAGroupementAndInvitesItsCoordinatorButReadsNothingInside() {
        String operator = unique("operateur");
        accounts.createOperator(operator, PASSWORD, "Exploitation");
        Http api = new Http(port);
        String email = unique("premiere") + "@nouveau-reseau.example";
        Http.Reply registered = api.postJson("/api/groupements", operator, PASSWORD, """
                {"name":"Nouveau réseau","siret":"%s","contactEmail":"contact@nouveau-reseau.example","vatRegime":"NOT_REGISTERED",
                 "city":"Agen","hubLatitude":44.2,"hubLongitude":0.62,"coordinator":{"name":"Première Coordinatrice","email":"%s"}}""".formatted(siret(), email));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String groupementId = registered.json().get("groupementId").asString();
        assertThat(jdbc.sql("SELECT hub_latitude FROM groupement WHERE id = :id").param("id", groupementId).query(Double.class).single())
                .as("the hub where deliveries arrive").isEqualTo(44.2);
        assertThat(api.get("/api/groupements", operator, PASSWORD).json().findValuesAsString("name")).contains("Nouveau réseau");
        Http.Reply bad = api.postJson("/api/groupements", operator, PASSWORD, """
                {"name":"Réseau sans coordination","siret":"%s","contactEmail":"c@r.example","coordinator":{"name":"X","email":"non"}}"""
                .formatted(siret()));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(api.get("/api/groupements", operator, PASSWORD).json().findValuesAsString("name"))
                .as("nothing registered for a refused coordinator").doesNotContain("Réseau sans coordination");

        String path = pathOf(TestMail.awaitLink(email, "/invitation/"));
        Http browser = new Http(port, true);
        String page = browser.get(path, null, null).body();
        assertThat(page).contains("Nouveau réseau");
        String coordinator = unique("premiere");
        assertThat(browser.postForm(path, form(page, "username", coordinator, "password", CHOSEN, "confirm", CHOSEN)).status()).isEqualTo(302);
        JsonNode me = api.get("/api/me", coordinator, CHOSEN).json();
        assertThat(me.get("role").asString()).isEqualTo("COORDINATOR");
        assertThat(me.get("groupementId").asString()).isEqualTo(groupementId);
        assertThat(api.postJson("/api/groupements/" + groupementId + "/coordinators", operator, PASSWORD,
                "{\"name\":\"Seconde\",\"email\":\"" + unique("seconde") + "@nouveau-reseau.example\"}").status()).isEqualTo(201);
        assertThat(api.get("/api/groupements", coordinator, CHOSEN).status()).as("coordinators do not run the platform").isEqualTo(403);

        TestGroupement g = groupements.create("Réseau observé");
        RoundsThroughApi.product(api, g.supplier(), g.supplierId(), RoundsThroughApi.CARROTS);
        String round = RoundsThroughApi.openRound(api, g, "Campagne privée", g.supplierId());
        Map<String, String> ids = Map.of("members", g.memberId().value(), "suppliers", g.supplierId().value(), "rounds", round);
        List<String> readable = new ArrayList<>();
        JsonNode paths = api.get("/v3/api-docs", null, null).json().get("paths");
        for (var entry : paths.properties()) {
            // Its own account (/api/me, its API tokens), the platform's groupements and incidents (/api/operator) are the
            // operator's; the network directory is everyone's (public, ADR 22); nothing else.
            if (!entry.getValue().has("get") || entry.getKey().startsWith("/api/groupements") || entry.getKey().startsWith("/api/me")
                    || entry.getKey().startsWith("/api/operator/") || entry.getKey().startsWith("/api/network/")) {
                continue;
            }
            String concrete = entry.getKey();
            String resource = concrete.split("/")[2];
            concrete = concrete.replaceFirst("\\{[^}]+}", ids.getOrDefault(resource, UUID.randomUUID().toString()))
                    .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            int status = api.get(concrete, operator, PASSWORD).status();
            if (status != 403) {
                readable.add(concrete + " → " + status);
            }
        }
        assertThat(readable).as("business data the operator could read").isEmpty();
        Http pages = Pages.loggedIn(port, operator, PASSWORD);
        assertThat(pages.get("/", null, null).header("Location")).endsWith("/operator");
        assertThat(pages.get("/operator", null, null).body()).contains("Nouveau réseau").doesNotContain("Campagne privée");
        for (String page1 : List.of("/rounds", "/members", "/suppliers", "/invoices", "/reports", "/supplier-orders", "/coordination",
                "/rounds/" + round)) {
            assertThat(pages.get(page1, null, null).status()).as(page1).isEqualTo(403);
        }
    }

    @Test
    void theCoordinationPageAndThePeopleOfAStructureShowEveryState() {
        TestGroupement g = groupements.create("Réseau états");
        Http api = new Http(port);
        String login = join(api, g, "/api/members/" + g.memberId() + "/users", unique("jules"));
        api.postJson("/api/users/" + userId(login) + "/disable", g.coordinator(), PASSWORD, "");
        api.postJson("/api/members/" + g.memberId() + "/users", g.coordinator(), PASSWORD,
                "{\"name\":\"Karima En Attente\",\"email\":\"" + unique("karima") + "@asso.example\"}");
        Http coordinator = Pages.loggedIn(port, g.coordinator());
        String people = coordinator.get("/people/members/" + g.memberId(), null, null).body();
        assertThat(people).contains("Invitation en attente").contains("Accès désactivé").contains("Accès actif").contains("Karima En Attente")
                .contains("Renvoyer l&#39;invitation").contains("Réactiver");
        for (String id : jdbc.sql("SELECT id FROM user_account WHERE groupement_id = :g").param("g", g.id().value()).query(String.class).list()) {
            Http.Reply person = coordinator.get("/people/" + id, null, null);
            assertThat(person.status()).as("history page of " + id).isEqualTo(200);
            assertThat(person.body()).contains("Historique du compte");
        }
        for (String form : List.of("/members/new", "/members/" + g.memberId() + "/edit", "/suppliers/" + g.supplierId() + "/edit",
                "/suppliers/" + g.supplierId() + "/products/new")) {
            assertThat(coordinator.get(form, null, null).body()).as("labels, not refusals, on " + form).doesNotContain("{0}")
                    .doesNotContain("invalide");
        }
        String fragment = coordinator.get("/people/members/" + g.memberId(), null, null, "HX-Request", "true").body();
        assertThat(fragment).startsWith("<section").contains("Karima En Attente");
        String coordination = coordinator.get("/coordination", null, null).body();
        assertThat(coordination).contains("Coordination " + g.id().value().substring(0, 8)).contains("Compte désactivé")
                .contains("Invitation envoyée");
        assertThat(api.get("/api/coordination/security", g.coordinator(), PASSWORD).json().get("twoFactorRequiredForCoordinators")
                .asBoolean()).isFalse();
        assertThat(coordinator.postForm("/coordination/security", form(coordination, "totpRequired", "true")).status()).isEqualTo(302);
        assertThat(api.get("/api/coordination/security", g.coordinator(), PASSWORD).json().get("code").asString())
                .as("required now: the coordinator's password alone no longer opens the API").isEqualTo("second-factor-required");
        assertThat(coordinator.postForm("/coordination/security", form(coordination)).status()).as("box unticked").isEqualTo(302);
        assertThat(api.putJson("/api/coordination/security", g.coordinator(), PASSWORD, "{\"twoFactorRequiredForCoordinators\":false}")
                .json().get("twoFactorRequiredForCoordinators").asBoolean()).isFalse();
        assertThat(coordinator.get("/people/members/" + UUID.randomUUID(), null, null).status()).isEqualTo(404);
        assertThat(api.get("/api/suppliers/" + g.supplierId() + "/users", g.coordinator(), PASSWORD).json().size()).isEqualTo(1);
    }

    @Test
    void thePagesFileLinksIntoTheApiOpenWithTheSessionForReadingOnly() {
        TestGroupement g = groupements.create("Réseau liens de fichiers");
        Http api = new Http(port);
        String carrots = RoundsThroughApi.product(api, g.supplier(), g.supplierId(), RoundsThroughApi.CARROTS);
        String round = RoundsThroughApi.openRound(api, g, "Campagne des fichiers", g.supplierId());
        api.putJson("/api/rounds/" + round + "/orders/" + g.memberId(), g.member(), PASSWORD,
                "{\"lines\":[{\"productId\":\"" + carrots + "\",\"quantity\":\"12\"}]}");
        api.postJson("/api/rounds/" + round + "/close", g.coordinator(), PASSWORD, "");
        Eventually.equal(1, () -> api.get("/api/supplier-orders", g.supplier(), PASSWORD).json().size());
        String order = api.get("/api/supplier-orders", g.supplier(), PASSWORD).json().get(0).get("id").asString();

        Http supplier = Pages.loggedIn(port, g.supplier());
        assertThat(supplier.get("/supplier-orders/" + order, null, null).body()).contains("/api/supplier-orders/" + order + "/pdf");
        Http.Reply pdf = supplier.get("/api/supplier-orders/" + order + "/pdf", null, null);
        assertThat(pdf.status()).as("the page's PDF link, with the page session").isEqualTo(200);
        assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
        assertThat(supplier.get("/api/supplier-orders/" + order + "/csv", null, null).status()).isEqualTo(200);
        assertThat(supplier.postJson("/api/supplier-orders/" + order + "/confirm", null, null, "").status())
                .as("changing anything still takes credentials (no CSRF token on the API)").isEqualTo(401);
        assertThat(new Http(port, true).get("/api/supplier-orders/" + order + "/pdf", null, null).status()).isEqualTo(401);

        api.postJson("/api/users/" + userId(g.supplier()) + "/disable", g.coordinator(), PASSWORD, "");
        assertThat(supplier.get("/api/supplier-orders/" + order + "/csv", null, null).status()).as("the session ended").isEqualTo(401);
    }

    /** Invites a person at the given path, accepts the mailed invitation with the chosen login; returns the login. */
    private String join(Http api, TestGroupement g, String path, String login) {
        return join(api, g, path, login, login + "@asso.example");
    }

    private String join(Http api, TestGroupement g, String path, String login, String email) {
        assertThat(api.postJson(path, g.coordinator(), PASSWORD, "{\"name\":\"Personne " + login + "\",\"email\":\"" + email + "\"}")
                .status()).isEqualTo(201);
        String invitation = pathOf(TestMail.awaitLink(email, "/invitation/"));
        Http browser = new Http(port, true);
        String page = browser.get(invitation, null, null).body();
        assertThat(browser.postForm(invitation, form(page, "username", login, "password", CHOSEN, "confirm", CHOSEN)).status()).isEqualTo(302);
        return login;
    }

    private List<String> kinds(Http api, TestGroupement g, String login) {
        return api.get("/api/users/" + userId(login) + "/history", g.coordinator(), PASSWORD).json().findValuesAsString("kind");
    }

    private String userId(String login) {
        return jdbc.sql("SELECT id FROM user_account WHERE username = :u").param("u", login).query(String.class).single();
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pathOf(String link) {
        return link.substring(link.indexOf('/', "http://".length()));
    }

    private static String form(String page, String... fields) {
        return Pages.form(page, fields);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String siret() {
        StringBuilder body = new StringBuilder("8");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (body.length() < 13) {
            body.append(random.nextInt(10));
        }
        return body.toString() + Luhn.checkDigit(body.toString());
    }
}
