package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.demo.DemoData;
import coop.mutua.app.support.Http;
import coop.mutua.app.support.IntegrationTest;
import coop.mutua.app.support.Pages;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/** Demo mode seeds two groupements through real commands, once, with the fixed logins of the README. */
@IntegrationTest
@TestPropertySource(properties = "mutua.demo.enabled=true")
class DemoDataTest {

    @Value("${local.server.port}")
    int port;
    @Value("${mutua.demo.password}")
    String password;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DemoData demoData;

    @Test
    void seedsARealisticGirondeNetworkAndASmallBasqueOne() {
        String gironde = DemoData.GIRONDE.value();
        awaitEquals(12L, () -> count("member_structure", gironde));
        // Six that sell food through rounds, six more of other sectors in the network directory.
        awaitEquals(12L, () -> count("supplier", gironde));
        awaitEquals(2L, () -> count("member_structure", DemoData.PAYS_BASQUE.value()));
        assertThat(count("product", gironde)).isGreaterThanOrEqualTo(20);
        assertThat(jdbc.sql("SELECT count(DISTINCT ess_family) FROM member_structure WHERE groupement_id = :g")
                .param("g", gironde).query(Long.class).single()).isGreaterThanOrEqualTo(5);
        assertThat(jdbc.sql("SELECT count(DISTINCT vat_rate) FROM product WHERE groupement_id = :g")
                .param("g", gironde).query(Long.class).single()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM product_price WHERE groupement_id = :g AND jsonb_array_length(tiers) > 0")
                .param("g", gironde).query(Long.class).single()).isGreaterThanOrEqualTo(15);
    }

    /** The network directory (issue 18): listings in several sectors, a request waiting, members with goals. */
    @Test
    void seedsTheNetworkDirectoryARequestAndGoals() {
        awaitEquals(true, () -> jdbc.sql("SELECT count(DISTINCT sector) >= 6 FROM network_listing").query(Boolean.class).single());
        assertThat(jdbc.sql("SELECT count(*) FROM network_listing").query(Long.class).single()).isGreaterThanOrEqualTo(12);
        awaitEquals(1L, () -> jdbc.sql("SELECT count(*) FROM listing_request WHERE groupement_id = :g AND status = 'SUBMITTED'")
                .param("g", DemoData.GIRONDE.value()).query(Long.class).single());
        awaitEquals(2L, () -> jdbc.sql("SELECT count(*) FROM member_goals WHERE groupement_id = :g")
                .param("g", DemoData.GIRONDE.value()).query(Long.class).single());
        String page = new Http(port).get("/network?sector=TEXTILE", null, null).body();
        assertThat(page).contains("Atelier Couture Solidaire de la Bastide").doesNotContain("Ferme Etxeberria");
    }

    /**
     * The lists that grow with the years answer one page at a time (issue 17): following each page's Link "next" from the
     * first reads exactly the whole list, in order, once; X-Total-Count says how many; a page past the end is empty; a
     * page number or size out of range is refused naming its field and changes nothing.
     */
    @Test
    void everyPagedListIsReadWholeByFollowingItsLinks() {
        Http http = new Http(port);
        awaitEquals(7, () -> http.get("/api/rounds", DemoData.GIRONDE_COORDINATOR, password).json().size());
        List<String[]> lists = List.of(
                new String[] {"/api/rounds", DemoData.GIRONDE_COORDINATOR},
                new String[] {"/api/rounds?status=OPEN&status=INVOICED&status=RECEIVED", DemoData.GIRONDE_COORDINATOR},
                new String[] {"/api/rounds", DemoData.GIRONDE_MEMBER_EPICERIE},
                new String[] {"/api/supplier-orders", DemoData.GIRONDE_COORDINATOR},
                new String[] {"/api/supplier-orders", DemoData.GIRONDE_SUPPLIER},
                new String[] {"/api/member-invoices", DemoData.GIRONDE_COORDINATOR},
                new String[] {"/api/member-invoices", DemoData.GIRONDE_MEMBER_EPICERIE});
        int multiPage = 0;
        for (String[] list : lists) {
            String path = list[0];
            String user = list[1];
            String separator = path.contains("?") ? "&" : "?";
            Http.Reply whole = http.get(path + separator + "size=1000", user, password);
            assertThat(whole.status()).as(path).isEqualTo(200);
            List<String> expected = new ArrayList<>();
            whole.json().forEach(item -> expected.add(item.get("id").asString()));
            assertThat(whole.header("X-Total-Count")).as(path + " as " + user).isEqualTo(String.valueOf(expected.size()));
            List<String> read = new ArrayList<>();
            String next = path + separator + "size=2";
            int pages = 0;
            while (next != null) {
                Http.Reply page = http.get(next, user, password);
                assertThat(page.status()).as(next).isEqualTo(200);
                assertThat(page.json().size()).as(next).isLessThanOrEqualTo(2);
                page.json().forEach(item -> read.add(item.get("id").asString()));
                assertThat(page.header("X-Total-Count")).as(next).isEqualTo(String.valueOf(expected.size()));
                next = linked(page.header("Link"), "next");
                assertThat(++pages).as("pages of " + path).isLessThanOrEqualTo(expected.size() / 2 + 1);
            }
            assertThat(read).as(path + " as " + user + ", page by page").isEqualTo(expected);
            multiPage += pages > 1 ? 1 : 0;
            Http.Reply beyond = http.get(path + separator + "size=2&page=" + (expected.size() / 2 + 2), user, password);
            assertThat(beyond.json().size()).as("a page past the end of " + path).isZero();
            assertThat(beyond.header("X-Total-Count")).isEqualTo(String.valueOf(expected.size()));
            assertThat(linked(beyond.header("Link"), "prev")).as("a page past the end points back to the last").contains("page=");
            for (String[] wrong : new String[][] {{"page=0", "page"}, {"page=-3", "page"}, {"size=0", "size"}, {"size=1001", "size"}}) {
                Http.Reply refused = http.get(path + separator + wrong[0], user, password);
                assertThat(refused.status()).as(path + " with " + wrong[0]).isEqualTo(422);
                assertThat(refused.json().get("field").asString()).as(refused.body()).isEqualTo(wrong[1]);
            }
            assertThat(http.get(path + separator + "page=deux", user, password).status()).as("a page that is not a number").isEqualTo(400);
        }
        assertThat(multiPage).as("lists long enough to have several pages of 2").isGreaterThanOrEqualTo(4);
        // The pages themselves: any page number lands somewhere (a number typed by hand never answers an error).
        Http browser = Pages.loggedIn(port, DemoData.GIRONDE_COORDINATOR, password);
        for (String page : List.of("/rounds", "/supplier-orders", "/invoices")) {
            String first = browser.get(page, null, null).body();
            assertThat(first).as(page + " lists something in the demo").doesNotContain("class=\"empty\"");
            for (String number : List.of("1", "2", "999999", "99999999999", "0", "-1", "deux", "", "1&page=2")) {
                Http.Reply reply = browser.get(page + "?page=" + number, null, null);
                assertThat(reply.status()).as(page + "?page=" + number).isEqualTo(200);
                // A page past the end shows the last one (here the only one), never "nothing yet".
                assertThat(reply.body()).as(page + "?page=" + number).doesNotContain("class=\"empty\"").doesNotContain("class=\"pager\"");
            }
        }
        for (String wrong : new String[] {"page=99999999999", "size=99999999999"}) {
            Http.Reply refused = http.get("/api/rounds?" + wrong, DemoData.GIRONDE_COORDINATOR, password);
            assertThat(refused.status()).as("a number too large is out of range like one too small: " + wrong).isEqualTo(422);
        }
        assertThat(http.get("/api/rounds?page=deux", DemoData.GIRONDE_COORDINATOR, password).json().get("detail").asString())
                .as("a page number is a whole number").contains("123").doesNotContain("123.45");
    }

    /** The address of a Link header's relation, relative to the server (null when the relation is absent). */
    private static String linked(String header, String relation) {
        if (header == null) {
            return null;
        }
        for (String link : header.split(",\\s*")) {
            if (link.endsWith("rel=\"" + relation + "\"")) {
                String uri = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
                return uri.substring(uri.indexOf("/api/"));
            }
        }
        return null;
    }

    @Test
    void everyDemoLoginWorksAndSeesItsOwnGroupementOnly() {
        Http http = new Http(port);
        for (DemoData.DemoLogin login : DemoData.logins()) {
            JsonNode me = http.get("/api/me", login.username(), password).json();
            assertThat(me.get("role").asString()).isEqualTo(login.role());
            if (!login.role().equals("OPERATOR")) {
                assertThat(me.get("groupementName").asString()).isNotBlank();
            }
        }
        awaitEquals(7, () -> http.get("/api/rounds", DemoData.GIRONDE_COORDINATOR, password).json().size());
        awaitEquals(1, () -> http.get("/api/rounds", DemoData.BASQUE_COORDINATOR, password).json().size());
        assertThat(http.get("/api/rounds", DemoData.BASQUE_COORDINATOR, password).json().get(0).get("title").asString())
                .isEqualTo("Fromages pour les fêtes");
        assertThat(http.get("/api/suppliers", DemoData.GIRONDE_SUPPLIER, password).json().size()).isEqualTo(1);
        JsonNode supplier = http.get("/api/suppliers", DemoData.GIRONDE_COORDINATOR, password).json().get(0).get("supplier");
        assertThat(supplier.get("id").isString()).as("ids are plain strings in the API").isTrue();
        assertThat(supplier.get("minimumOrder").asString()).as("amounts are strings with two decimals").matches("\\d+\\.\\d{2}");
    }

    @Test
    void aClosedRoundHasItsSupplierOrdersOneBelowItsMinimumOneConfirmedOneReceivedShort() {
        awaitEquals(4L, this::pooledRounds);
        String november = jdbc.sql("SELECT id FROM purchase_round WHERE title = 'Commande groupée de novembre'").query(String.class).single();
        assertThat(jdbc.sql("SELECT count(*) FROM supplier_order WHERE round_id = :r").param("r", november).query(Long.class).single())
                .isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM supplier_order WHERE round_id = :r AND below_minimum").param("r", november)
                .query(Long.class).single()).as("something for the coordinator to decide").isPositive();
        assertThat(jdbc.sql("SELECT count(DISTINCT member_id) FROM member_allocation WHERE round_id = :r").param("r", november)
                .query(Long.class).single()).isEqualTo(2);
        awaitEquals(2L, () -> jdbc.sql("SELECT count(*) FROM supplier_order WHERE round_id = :r AND confirmed_version = 1")
                .param("r", november).query(Long.class).single());
        awaitEquals(1L, () -> jdbc.sql("""
                SELECT count(*) FROM supplier_order o JOIN supplier_order_line l ON l.supplier_order_id = o.id
                WHERE o.round_id = :r AND o.received_at IS NOT NULL AND l.delivered < l.quantity""")
                .param("r", november).query(Long.class).single());
    }

    @Test
    void anInvoicedRoundHasItsMemberInvoicesOnePaidOneCancelledByACreditNote() {
        awaitEquals(4L, this::pooledRounds);
        String autumn = jdbc.sql("SELECT id FROM purchase_round WHERE title = 'Commande groupée d''automne'").query(String.class).single();
        assertThat(jdbc.sql("SELECT count(*) FROM supplier_invoice WHERE round_id = :r AND status IN ('MATCHED', 'ACCEPTED')")
                .param("r", autumn).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM supplier_invoice WHERE round_id = :r AND status = 'ACCEPTED'")
                .param("r", autumn).query(Long.class).single()).as("one price difference, accepted").isEqualTo(1);
        assertThat(jdbc.sql("SELECT status FROM member_invoice WHERE round_id = :r AND NOT credit_note ORDER BY number")
                .param("r", autumn).query(String.class).list()).containsExactly("PAID", "CREDITED", "ISSUED", "ISSUED", "ISSUED");
        assertThat(jdbc.sql("SELECT count(*) FROM member_invoice WHERE round_id = :r AND credit_note").param("r", autumn)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM member_invoice_file f JOIN member_invoice i ON i.id = f.invoice_id WHERE i.round_id = :r")
                .param("r", autumn).query(Long.class).single()).isEqualTo(6);
        // Enough members ordered for some volume tiers to be reached: the reports have savings to show.
        assertThat(new Http(port).get("/api/rounds/" + autumn + "/report", DemoData.GIRONDE_COORDINATOR, password).json()
                .get("total").get("savings").asString()).isNotEqualTo("0.00");
    }

    @Test
    void theRoundsShowEveryStatusOfASeason() {
        awaitEquals(4L, this::pooledRounds);
        Http http = new Http(port);
        awaitEverySeasonStatus(http);
        assertThat(http.get("/api/rounds?status=RECEIVED", DemoData.GIRONDE_COORDINATOR, password).json().get(0).get("title")
                .asString()).as("the round to invoice").isEqualTo("Commande groupée d'octobre");
        assertThat(jdbc.sql("SELECT DISTINCT status FROM supplier_order WHERE groupement_id = :g ORDER BY status")
                .param("g", DemoData.GIRONDE.value()).query(String.class).list())
                .contains("BELOW_MINIMUM", "CONFIRMED", "INVOICED", "RECEIVED");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM supplier_order_line l JOIN supplier_order o ON o.id = l.supplier_order_id
                WHERE o.groupement_id = :g AND l.vat_rate = '10'""").param("g", DemoData.GIRONDE.value()).query(Long.class).single())
                .as("a 10 % product pooled").isPositive();
    }

    @Test
    void everyRoundPageAnswersForEveryRoleInEveryStatusAndSaysItsStatus() {
        awaitEquals(4L, this::pooledRounds);
        awaitEverySeasonStatus(new Http(port));
        Map<String, String> labels = Map.of("CANCELLED", "Annulée", "DRAFT", "Brouillon", "OPEN", "Ouverte", "POOLED", "Commandée aux fournisseurs",
                "RECEIVED", "Réceptionnée", "INVOICED", "Facturée", "SETTLED", "Soldée");
        Http coordinator = Pages.loggedIn(port, DemoData.GIRONDE_COORDINATOR, password);
        Http member = Pages.loggedIn(port, DemoData.GIRONDE_MEMBER_EPICERIE, password);
        for (JsonNode round : new Http(port).get("/api/rounds", DemoData.GIRONDE_COORDINATOR, password).json()) {
            String id = round.get("id").asString();
            String status = round.get("status").asString();
            Http.Reply asCoordinator = coordinator.get("/rounds/" + id, null, null);
            assertThat(asCoordinator.status()).as(status + " round, coordinator").isEqualTo(200);
            assertThat(asCoordinator.body()).contains(labels.get(status));
            assertThat(asCoordinator.body().contains("Regroupement en cours")).as(status + ": the live pooling only while open")
                    .isEqualTo(status.equals("OPEN"));
            Http.Reply asMember = member.get("/rounds/" + id, null, null);
            assertThat(asMember.status()).as(status + " round, member").isEqualTo(status.equals("DRAFT") ? 404 : 200);
        }
        String supplierOrders = coordinator.get("/supplier-orders", null, null).body();
        assertThat(supplierOrders).as("each order's status, as the API says").contains("En attente de votre décision")
                .contains("Réceptionnée").contains("Facturée").contains("Confirmée par le fournisseur");
        assertThat(coordinator.get("/rounds?filter=FAILED", null, null).body()).contains("Aucune campagne dans cette liste.");
        String toInvoice = coordinator.get("/rounds?filter=TO_INVOICE", null, null).body();
        assertThat(toInvoice).contains("Commande groupée d&#39;octobre").doesNotContain("Commande groupée d&#39;automne");
        assertThat(coordinator.get("/rounds?filter=TO_SETTLE", null, null).body()).contains("Commande groupée d&#39;automne");
    }

    /** The order form is for an open round only: in any other status a member is shown the round itself (its shares). */
    @Test
    void theOrderPageOfARoundThatNoLongerTakesOrdersLeadsToTheRound() {
        awaitEquals(4L, this::pooledRounds);
        awaitEverySeasonStatus(new Http(port));
        Http member = Pages.loggedIn(port, DemoData.GIRONDE_MEMBER_EPICERIE, password);
        int others = 0;
        for (JsonNode round : new Http(port).get("/api/rounds", DemoData.GIRONDE_MEMBER_EPICERIE, password).json()) {
            String id = round.get("id").asString();
            String status = round.get("status").asString();
            Http.Reply page = member.get("/rounds/" + id + "/order", null, null);
            if (status.equals("OPEN")) {
                assertThat(page.status()).as(status).isEqualTo(200);
                assertThat(page.body()).contains("Commandes acceptées jusqu");
            } else {
                others++;
                assertThat(page.status()).as(status + " round: no order form").isEqualTo(302);
                assertThat(page.header("Location")).as(status).endsWith("/rounds/" + id);
            }
        }
        assertThat(others).as("rounds past or cancelled in the demo").isGreaterThanOrEqualTo(4);
    }

    @Test
    void eachHomePageSaysWhatToDoNext() {
        awaitEquals(4L, this::pooledRounds);
        awaitEverySeasonStatus(new Http(port));
        String coordinator = nextSteps(DemoData.GIRONDE_COORDINATOR);
        assertThat(coordinator.indexOf("sous son minimum")).as("a decision waiting comes before the rest")
                .isNotNegative().isLessThan(coordinator.indexOf("est en brouillon"));
        assertThat(coordinator)
                .contains("« Commande groupée d'octobre » : tout est arrivé")
                .contains("« Épicerie sèche équitable – janvier » est en brouillon")
                .contains("factures d'adhérents ne sont pas encore réglées")
                .contains("Réception à enregistrer");
        // The count of unpaid invoices (added up by the database) is the count of the list's unpaid invoices.
        long unpaid = 0;
        for (JsonNode invoice : new Http(port).get("/api/member-invoices?size=1000", DemoData.GIRONDE_COORDINATOR, password).json()) {
            unpaid += !invoice.get("creditNote").asBoolean() && invoice.get("status").asString().equals("ISSUED") ? 1 : 0;
        }
        assertThat(coordinator).contains(unpaid + " factures d'adhérents ne sont pas encore réglées");
        assertThat(nextSteps(DemoData.GIRONDE_MEMBER_EPICERIE)).contains("« Commande groupée de décembre » : votre commande compte");
        assertThat(nextSteps(DemoData.GIRONDE_MEMBER_CUISINES)).as("only the rounds the member ordered in")
                .doesNotContain("« Commande groupée de novembre » : voyez ce que vous recevrez");
        Http asCoordinator = Pages.loggedIn(port, DemoData.GIRONDE_COORDINATOR, password);
        for (JsonNode round : new Http(port).get("/api/rounds", DemoData.GIRONDE_COORDINATOR, password).json()) {
            if (List.of("DRAFT", "OPEN", "CANCELLED").contains(round.get("status").asString())) {
                assertThat(asCoordinator.get("/rounds/" + round.get("id").asString() + "/billing", null, null).body())
                        .as("nothing to issue before the round is received").doesNotContain("id=\"issue-invoices\"");
            }
        }
        assertThat(Pages.loggedIn(port, DemoData.GIRONDE_SUPPLIER, password).get("/", null, null).body())
                .as("its only order waits for the coordinator's decision").contains("Rien ne vous attend pour l&#39;instant.");
        assertThat(nextSteps(DemoData.BASQUE_COORDINATOR)).doesNotContain("octobre").doesNotContain("Gironde");
    }

    /** The "To do" list of a home page, as text. */
    private String nextSteps(String login) {
        String home = Pages.loggedIn(port, login, password).get("/", null, null).body();
        assertThat(home).contains("À faire");
        int start = home.indexOf("id=\"next-steps\"");
        String list = start < 0 ? "" : home.substring(start, home.indexOf("</ul>", start));
        return HtmlUtils.htmlUnescape(list.replaceAll("<[^>]+>", "").replaceAll("\\s+", " ")
                .replace("id=\"next-steps\">", "")).strip();
    }

    @Test
    void startingAgainSeedsNothingTwice() throws Exception {
        awaitEquals(4L, this::pooledRounds);
        long events = jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();

        demoData.run(null);

        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single()).isEqualTo(events);
        assertThat(jdbc.sql("SELECT count(*) FROM user_account").query(Long.class).single()).as("5 people, 1 invited, 1 disabled, the operator")
                .isEqualTo(8);
    }

    private long pooledRounds() {
        return jdbc.sql("SELECT count(*) FROM purchase_round WHERE pooled_at IS NOT NULL").query(Long.class).single();
    }

    private long count(String table, String groupement) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE groupement_id = :g").param("g", groupement)
                .query(Long.class).single();
    }

    /** The demo's rounds in every status of a season, once the background processes have caught up. */
    private void awaitEverySeasonStatus(Http http) {
        try {
            awaitSeason(http);
        } catch (AssertionError e) {
            // What the rounds' supplier orders and the projections' dead letters say, to find why a status lags.
            String orders = jdbc.sql("""
                    SELECT r.title || ' ' || r.status || ': ' || string_agg(o.status || COALESCE(' received ' || o.received_at, ''), ', ')
                    FROM purchase_round r LEFT JOIN supplier_order o ON o.round_id = r.id GROUP BY r.title, r.status""")
                    .query(String.class).list().toString();
            String deadLetters = jdbc.sql("SELECT processinggroup || ' ' || payloadtype || ': ' || COALESCE(causemessage, '') FROM deadletterentry")
                    .query(String.class).list().toString();
            throw new AssertionError(e.getMessage() + "\nrounds: " + orders + "\ndead letters: " + deadLetters, e);
        }
    }

    private void awaitSeason(Http http) {
        awaitEquals(List.of("CANCELLED", "DRAFT", "INVOICED", "OPEN", "POOLED", "RECEIVED", "SETTLED"), () -> {
            List<String> statuses = new ArrayList<>();
            http.get("/api/rounds", DemoData.GIRONDE_COORDINATOR, password).json()
                    .forEach(round -> statuses.add(round.get("status").asString()));
            return statuses.stream().sorted().toList();
        });
    }

    private static <T> void awaitEquals(T expected, Supplier<T> actual) {
        // Generous: on a loaded two-core machine the background processes may take a while after the seeding.
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
        while (!expected.equals(actual.get()) && Instant.now().isBefore(giveUp)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertThat(actual.get()).isEqualTo(expected);
    }
}
