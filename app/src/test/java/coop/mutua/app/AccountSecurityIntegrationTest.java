package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.account.Accounts;
import coop.mutua.app.account.LoginAttempts;
import coop.mutua.app.account.Totp;
import coop.mutua.app.support.Http;
import coop.mutua.app.support.IntegrationTest;
import coop.mutua.app.support.Pages;
import coop.mutua.app.support.TestGroupements;
import coop.mutua.app.support.TestGroupements.TestGroupement;
import coop.mutua.kernel.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Logging in safely, with the throttle made short enough to watch (2 free failures, locked after 5, for 3 seconds):
 * slowed then locked alike for a login that exists and one that does not, by form and HTTP Basic, unlocked by itself;
 * no timing difference between the two; failures counted per address too; two-factor with codes computed here
 * (RFC 6238), recovery codes, and a groupement that requires two-factor of its coordinators.
 */
@IntegrationTest
@TestPropertySource(properties = {"mutua.security.login.free-failures=2", "mutua.security.login.lock-after=5",
        "mutua.security.login.lock-for=3s", "mutua.security.login.address-lock-after=200"})
class AccountSecurityIntegrationTest {

    private static final String PASSWORD = TestGroupements.PASSWORD;
    private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7 ]+)<");
    private static final Pattern TOKEN = Pattern.compile("id=\"created-token\" value=\"(mutua_[A-Za-z0-9_-]+)\"");
    private static final Pattern CODE = Pattern.compile("<code>([a-z0-9]{5}-[a-z0-9]{5})</code>");

    @Value("${local.server.port}")
    int port;
    @Autowired
    TestGroupements groupements;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;
    @Autowired
    LoginAttempts attempts;

    @Test
    void failedLoginsAreSlowedThenLockedAlikeWhetherTheLoginExistsThenUnlockBythemselves() throws Exception {
        TestGroupement g = groupements.create("Réseau verrous");
        String real = g.member();
        String unknown = "personne-" + UUID.randomUUID().toString().substring(0, 8);
        Http api = new Http(port);
        List<String> realAnswers = new ArrayList<>();
        List<String> unknownAnswers = new ArrayList<>();
        int failures = 0;
        while (failures < 5) {
            Http.Reply a = api.get("/api/me", real, "mauvais mot de passe");
            Http.Reply b = api.get("/api/me", unknown, "mauvais mot de passe");
            realAnswers.add(shape(a));
            unknownAnswers.add(shape(b));
            if (a.status() == 401) {
                failures++;
            } else {
                assertThat(a.status()).isEqualTo(429);
                assertThat(a.json().get("code").asString()).isEqualTo("login-throttled");
                assertThat(a.json().get("detail").asString()).startsWith("Trop d'échecs de connexion").endsWith(" s.");
                assertThat(a.json().has("retryAt")).isTrue();
                Thread.sleep(Long.parseLong(a.header("Retry-After")) * 1000 / 2);
            }
        }
        assertThat(realAnswers).as("the same answers, in the same order, for a login that does not exist").isEqualTo(unknownAnswers);
        assertThat(realAnswers).contains("401 unauthenticated", "429 login-throttled");

        Http.Reply locked = api.get("/api/me", real, PASSWORD);
        assertThat(locked.status()).as("locked: even the right password waits").isEqualTo(429);
        Http form = new Http(port, true);
        Http.Reply viaForm = form.postForm("/login", "_csrf=" + Pages.enc(Pages.csrf(form.get("/login", null, null).body()))
                + "&username=" + real + "&password=" + Pages.enc(PASSWORD));
        assertThat(viaForm.header("Location")).endsWith("/login?locked");
        assertThat(form.get("/login?locked", null, null).body()).contains("Trop de tentatives infructueuses").contains("Réessayez à partir de");

        Thread.sleep(3100);
        assertThat(api.get("/api/me", real, PASSWORD).status()).as("unlocked by itself").isEqualTo(200);
        assertThat(api.get("/api/me", unknown, "mauvais mot de passe").status()).isEqualTo(401);
        String userId = jdbc.sql("SELECT id FROM user_account WHERE username = :u").param("u", real).query(String.class).single();
        List<String> kinds = api.get("/api/users/" + userId + "/history", g.coordinator(), PASSWORD).json().findValuesAsString("kind");
        assertThat(kinds).contains("LOGIN_FAILED", "LOCKED", "LOGGED_IN");
        assertThat(kinds.stream().filter("LOGIN_FAILED"::equals).count()).isEqualTo(5);
    }

    @Test
    void aWrongPasswordTakesAsLongForALoginThatDoesNotExist() {
        TestGroupement g = groupements.create("Réseau chronomètre");
        Http api = new Http(port);
        List<Long> existing = new ArrayList<>();
        List<Long> missing = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            String login = "chrono-" + i + "-" + UUID.randomUUID().toString().substring(0, 6);
            accounts.create(login, PASSWORD, "Chrono " + i, Role.MEMBER, g.id(), g.memberId(), null);
            existing.add(timed(() -> api.get("/api/me", login, "pas le bon mot de passe")));
            missing.add(timed(() -> api.get("/api/me", login + "-absent", "pas le bon mot de passe")));
        }
        double ratio = (double) median(existing) / median(missing);
        assertThat(ratio).as("median time of a wrong password, existing over absent login (%s vs %s ns)", existing, missing)
                .isBetween(0.6, 1.6);
    }

    @Test
    void failuresAreCountedPerAddressToo() {
        String address = "203.0.113." + (1 + (int) (Math.random() * 250));
        for (int i = 0; i < 200; i++) {
            attempts.failed("essai-" + i, address);
        }
        assertThat(attempts.check("quelqu-un-d-autre", address).allowed()).as("every login from that address").isFalse();
        assertThat(attempts.check("quelqu-un-d-autre", address).locked()).isTrue();
        assertThat(attempts.check("quelqu-un-d-autre", "198.51.100.1").allowed()).as("another address").isTrue();
    }

    @Test
    void twoFactorWithAnAuthenticatorAppAndRecoveryCodes() throws InterruptedException {
        TestGroupement g = groupements.create("Réseau double facteur");
        Http api = new Http(port);
        Http session = Pages.loggedIn(port, g.member());
        String setup = session.get("/account/two-factor", null, null).body();
        assertThat(setup).contains("<svg").contains("id=\"totp-secret\"");
        byte[] secret = Totp.secret(match(SECRET, setup));
        assertThat(match(SECRET, setup)).as("typed in groups of four").matches("([A-Z2-7]{4} )+[A-Z2-7]{1,4}");
        Totp totp = new Totp();

        Http.Reply wrong = session.postForm("/account/two-factor", form(setup, "code", "000000".equals(totp.codeAt(secret, Instant.now())) ? "111111" : "000000"));
        assertThat(wrong.status()).isEqualTo(422);
        long step = Totp.step(Instant.now());
        Http.Reply enrolled = session.postForm("/account/two-factor", form(wrong.body(), "code", totp.code(secret, step)));
        assertThat(enrolled.status()).isEqualTo(200);
        List<String> recovery = all(CODE, enrolled.body());
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates();

        Http.Reply basic = api.get("/api/me", g.member(), PASSWORD);
        assertThat(basic.status()).isEqualTo(401);
        assertThat(basic.json().get("code").asString()).isEqualTo("second-factor-required");

        Http browser = new Http(port, true);
        Http.Reply password = browser.postForm("/login", form(browser.get("/login", null, null).body(), "username", g.member(), "password", PASSWORD));
        assertThat(password.header("Location")).endsWith("/login/code");
        assertThat(browser.get("/rounds", null, null).header("Location")).as("nothing before the code").endsWith("/login/code");
        String codePage = browser.get("/login/code", null, null).body();
        assertThat(browser.postForm("/login/code", form(codePage, "code", totp.code(secret, step))).status())
                .as("the code used at enrolment is not accepted again").isEqualTo(422);
        Http.Reply in = browser.postForm("/login/code", form(codePage, "code", totp.code(secret, step + 1)));
        assertThat(in.status()).isEqualTo(302);
        assertThat(browser.get("/rounds", null, null).status()).isEqualTo(200);

        Http lostPhone = new Http(port, true);
        lostPhone.postForm("/login", form(lostPhone.get("/login", null, null).body(), "username", g.member(), "password", PASSWORD));
        String page = lostPhone.get("/login/code", null, null).body();
        assertThat(lostPhone.postForm("/login/code", form(page, "code", recovery.get(3).toUpperCase().replace("-", " "))).status()).isEqualTo(302);
        Http again = new Http(port, true);
        again.postForm("/login", form(again.get("/login", null, null).body(), "username", g.member(), "password", PASSWORD));
        assertThat(again.postForm("/login/code", form(again.get("/login/code", null, null).body(), "code", recovery.get(3))).status())
                .as("a recovery code works once").isEqualTo(422);
        // The two refused codes counted as failed logins (2 are free here): the next attempt waits a second.
        Thread.sleep(1100);

        String account = browser.get("/account", null, null).body();
        assertThat(account).contains("Codes de secours restants : 9");
        browser.postForm("/account/tokens", form(account, "name", "Tableur des commandes"));
        account = browser.get("/account", null, null).body();
        String token = match(TOKEN, account);
        assertThat(api.get("/api/me", g.member(), token).status()).as("a personal API token opens the API despite two-factor").isEqualTo(200);
        JsonNode listed = api.get("/api/me/tokens", g.member(), token).json();
        assertThat(listed.findValuesAsString("name")).containsExactly("Tableur des commandes");
        assertThat(listed.get(0).has("token")).isFalse();
        assertThat(api.delete("/api/me/tokens/" + listed.get(0).get("id").asString(), g.member(), token).status()).isEqualTo(204);
        assertThat(browser.postForm("/account/two-factor/disable", form(account, "currentPassword", PASSWORD)).status()).isEqualTo(302);
        assertThat(api.get("/api/me", g.member(), PASSWORD).status()).isEqualTo(200);
        String userId = jdbc.sql("SELECT id FROM user_account WHERE username = :u").param("u", g.member()).query(String.class).single();
        assertThat(api.get("/api/users/" + userId + "/history", g.coordinator(), PASSWORD).json().findValuesAsString("kind"))
                .contains("TWO_FACTOR_ENABLED", "RECOVERY_CODE_USED", "API_TOKEN_CREATED", "API_TOKEN_REVOKED", "TWO_FACTOR_DISABLED");
        // Failed logins from here on (they slow the login down, hence last).
        assertThat(api.get("/api/me", g.member(), token).status()).as("revoked").isEqualTo(401);
        String another = match(TOKEN, browser.get("/account", null, null).body().isEmpty() ? "" : createToken(browser));
        Http tokenInForm = new Http(port, true);
        assertThat(tokenInForm.postForm("/login", form(tokenInForm.get("/login", null, null).body(), "username", g.member(), "password", another))
                .header("Location")).as("a token never opens a page session").endsWith("/login?error");
    }

    private static String createToken(Http browser) {
        browser.postForm("/account/tokens", form(browser.get("/account", null, null).body(), "name", "Autre"));
        return browser.get("/account", null, null).body();
    }

    @Test
    void aGroupementRequiringTwoFactorMakesItsCoordinatorsSetItUp() {
        TestGroupement g = groupements.create("Réseau exigeant");
        Http api = new Http(port);
        JsonNode settings = api.putJson("/api/coordination/security", g.coordinator(), PASSWORD,
                "{\"twoFactorRequiredForCoordinators\":true}").json();
        assertThat(settings.get("twoFactorRequiredForCoordinators").asBoolean()).isTrue();
        assertThat(api.get("/api/me", g.coordinator(), PASSWORD).json().get("code").asString()).isEqualTo("second-factor-required");
        assertThat(api.get("/api/me", g.member(), PASSWORD).status()).as("members are not asked").isEqualTo(200);

        Http browser = new Http(port, true);
        Http.Reply password = browser.postForm("/login", form(browser.get("/login", null, null).body(), "username", g.coordinator(),
                "password", PASSWORD));
        assertThat(password.header("Location")).endsWith("/account/two-factor");
        assertThat(browser.get("/rounds", null, null).header("Location")).endsWith("/account/two-factor");
        String setup = browser.get("/account/two-factor", null, null).body();
        assertThat(setup).contains("exige la double authentification");
        byte[] secret = Totp.secret(match(SECRET, setup));
        Http.Reply enrolled = browser.postForm("/account/two-factor", form(setup, "code", new Totp().codeAt(secret, Instant.now())));
        assertThat(enrolled.status()).isEqualTo(200);
        assertThat(browser.get("/rounds", null, null).status()).isEqualTo(200);
        String account = browser.get("/account", null, null).body();
        assertThat(account).doesNotContain("Désactiver la double authentification");
        assertThat(browser.postForm("/account/two-factor/disable", form(account, "currentPassword", PASSWORD)).status())
                .as("required: cannot be turned off").isEqualTo(409);
    }

    private static String shape(Http.Reply reply) {
        return reply.status() + " " + reply.json().get("code").asString();
    }

    private static long timed(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return System.nanoTime() - start;
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static String match(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as(pattern.pattern()).isTrue();
        return matcher.group(1);
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static String form(String page, String... fields) {
        return Pages.form(page, fields);
    }
}
