package coop.mutua.app.bench;

import coop.mutua.app.account.Accounts;
import coop.mutua.billing.application.InvoicingMembers;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.Role;
import coop.mutua.kernel.RoundId;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * History benchmark (not a test): years of weekly rounds for several groupements (default 5 years x 20 groupements of 50
 * members, 20 lines per order: about 5,000 rounds, 5 million shares and order lines, 250,000 invoices), made from one
 * round through the application and copied by {@link HistoryGenerator}; then, on that history, what a coordinator and a
 * member wait for: the impact report over every round, every list page and list API (p50 / p99), the accounting exports;
 * and the database's size per year of activity. Run with {@code mvn -Pbench verify} or {@code scripts/generate-history.sh}
 * (optional {@code -Dbench.history.groupements=G -Dbench.history.years=Y -Dbench.history.members=M}, and
 * {@code -Dbench.history.data-dir=DIR} to keep the database, to serve it afterwards with {@code --mutua.data-dir=DIR}).
 */
public final class HistoryBenchmark {

    static final String PASSWORD = "history password";
    private static final int LINES = 20;
    private static final int REQUESTS = 50;
    private static final int WARM_UP = 10;

    private HistoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int groupements = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        double years = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        int members = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        String keep = args.length > 3 ? args[3].strip() : "";
        int weeks = Math.max(1, (int) Math.round(years * 52));
        ConfigurableApplicationContext app = keep.isEmpty() ? BenchmarkApp.start("history", List.of())
                : BenchmarkApp.start(Files.createDirectories(Path.of(keep)), List.of());
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            // A kept data directory that holds a history already: measured again, not made again.
            boolean made = jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single() > 0;
            double generateSeconds = made ? 0 : generate(app, port, jdbc, groupements, weeks, members);
            measure(port, jdbc, generateSeconds);
        } finally {
            app.close();
        }
        System.exit(0);
    }

    /** Makes the template through the application and the history from it; returns the seconds the copies took. */
    private static double generate(ConfigurableApplicationContext app, int port, JdbcClient jdbc, int groupements, int weeks, int members)
            throws Exception {
        long began = System.nanoTime();
        ClosingBenchmark.Fixture fixture = ClosingBenchmark.Fixture.create(app, members);
        RoundId round = InvoicingBenchmark.invoicedRound(app, port, fixture, members, LINES);
        app.getBean(InvoicingMembers.class).run(fixture.groupement(), round);
        Thread.sleep(2000);
        // Nothing acts on the copies while they are written (the processes would pool, send e-mails).
        EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
        List<StreamingEventProcessor> processors = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
        processors.forEach(StreamingEventProcessor::shutDown);
        long firstRoundEvent = jdbc.sql("SELECT min(globalindex) FROM domainevententry WHERE aggregateidentifier = :r")
                .param("r", round.value()).query(Long.class).single();
        HistoryGenerator history = new HistoryGenerator(jdbc, app.getBean(DataSource.class), groupements, weeks);
        history.capture(firstRoundEvent);
        double templateSeconds = (System.nanoTime() - began) / 1e9;
        long generating = System.nanoTime();
        history.generate();
        double generateSeconds = (System.nanoTime() - generating) / 1e9;
        // Every processor's position: the new head (the history is already in every table).
        long head = jdbc.sql("SELECT max(globalindex) FROM domainevententry").query(Long.class).single();
        TokenStore tokens = app.getBean(TokenStore.class);
        List<Map.Entry<String, Integer>> segments = jdbc.sql("SELECT processorname, segment FROM tokenentry")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list();
        app.getBean(TransactionTemplate.class).executeWithoutResult(status -> segments.forEach(segment -> tokens.storeToken(
                GapAwareTrackingToken.newInstance(head, Collections.emptySortedSet()), segment.getKey(), segment.getValue())));
        processors.forEach(StreamingEventProcessor::start);
        jdbc.sql("VACUUM ANALYZE").update();

        // People to measure with: a coordinator of the first groupement and a member user of its first member.
        GroupementId first = GroupementId.of(history.groupementId(0));
        Accounts accounts = app.getBean(Accounts.class);
        for (int g = 0; g < groupements; g++) {
            accounts.create("coordination-" + g, PASSWORD, "Coordination " + g, Role.COORDINATOR, GroupementId.of(history.groupementId(g)),
                    null, null);
        }
        MemberId member = MemberId.of(history.groupementCopyOf(0, fixture.members().get(0).value()));
        accounts.create("adherent-0", PASSWORD, "Adhérent 0", Role.MEMBER, first, member, null);
        System.out.printf(Locale.ROOT, "History made: %,d events, %,d rows in %.0f s (template %.0f s)%n", history.events(), history.rows(),
                generateSeconds, templateSeconds);
        return generateSeconds;
    }

    /** What the history holds, read from the database (a kept history may have been made with other sizes), then the waits. */
    private static void measure(int port, JdbcClient jdbc, double generateSeconds) throws Exception {
        long events = jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
        // What else runs while measuring: processors behind the head, autovacuum on the history's tables.
        jdbc.sql("SELECT processorname, segment, coalesce(convert_from(token, 'UTF8'), '') FROM tokenentry ORDER BY 1")
                .query((rs, n) -> {
                    String token = rs.getString(3).replaceAll("\\s+", "");
                    return String.format(Locale.ROOT, "  token %-32s %d %s", rs.getString(1), rs.getInt(2), token.substring(0, Math.min(60, token.length())));
                })
                .list().forEach(System.out::println);
        System.out.println("  head " + jdbc.sql("SELECT max(globalindex) FROM domainevententry").query(Long.class).single()
                + "; autovacuum now: " + jdbc.sql("SELECT string_agg(query, ' | ') FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'")
                .query(String.class).optional().orElse("none"));
        long database = jdbc.sql("SELECT pg_database_size(current_database())").query(Long.class).single();
        long eventBytes = jdbc.sql("SELECT pg_total_relation_size('domainevententry')").query(Long.class).single();
        long rounds = jdbc.sql("SELECT count(*) FROM purchase_round").query(Long.class).single();
        int groupements = jdbc.sql("SELECT count(DISTINCT groupement_id) FROM purchase_round").query(Integer.class).single();
        int weeks = groupements == 0 ? 0 : (int) (rounds / groupements);
        int members = groupements == 0 ? 0 : jdbc.sql("SELECT count(*) FROM member_structure").query(Integer.class).single() / groupements;
        double years = Math.max(weeks, 1) / 52.0;
        long shares = jdbc.sql("SELECT count(*) FROM member_allocation").query(Long.class).single();
        long orderLines = jdbc.sql("SELECT count(*) FROM member_order_line").query(Long.class).single();
        long invoices = jdbc.sql("SELECT count(*) FROM member_invoice").query(Long.class).single();
        System.out.printf(Locale.ROOT, "History: %d groupements x %d weeks (%d rounds), %d members each: %,d events; %,d shares, "
                + "%,d order lines, %,d member invoices%n", groupements, weeks, rounds, members, events, shares, orderLines, invoices);
        System.out.printf(Locale.ROOT, "  database       : %,d MiB (%,d MiB per year of activity; events %,d MiB)%n", database >> 20,
                (long) (database / years) >> 20, eventBytes >> 20);
        jdbc.sql("""
                SELECT relname, pg_total_relation_size(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND c.relkind = 'r' ORDER BY 2 DESC LIMIT 8""")
                .query((rs, n) -> String.format(Locale.ROOT, "    %-24s %,8d MiB", rs.getString(1), rs.getLong(2) >> 20)).list()
                .forEach(System.out::println);

        BenchResults results = new BenchResults("history").setup("groupements", groupements).setup("weeks", weeks)
                .setup("membersPerGroupement", members).setup("rounds", rounds).setup("events", events)
                .setup("shares", shares).setup("orderLines", orderLines).setup("memberInvoices", invoices)
                .report("generate the history", generateSeconds, "s")
                .report("database size", database >> 20, "MiB")
                .report("database size per year of activity", (long) (database / years) >> 20, "MiB");
        String coordinator = "coordination-0";
        Map<String, String> apis = new LinkedHashMap<>();
        apis.put("impact report, every round (coordinator)", "/api/reports/impact");
        apis.put("rounds (API)", "/api/rounds");
        apis.put("supplier orders (API)", "/api/supplier-orders");
        apis.put("member invoices (API)", "/api/member-invoices");
        apis.put("members (API)", "/api/members");
        apis.put("suppliers (API)", "/api/suppliers");
        apis.put("account history (API)", "/api/account-history");
        for (Map.Entry<String, String> api : apis.entrySet()) {
            measure(results, api.getKey(), port, api.getValue(), basic(coordinator));
        }
        measure(results, "impact report, every round (member)", port, "/api/reports/impact", basic("adherent-0"));
        measure(results, "member invoices (API, member)", port, "/api/member-invoices", basic("adherent-0"));
        Pages pages = new Pages(port, coordinator);
        for (String page : List.of("/", "/rounds", "/supplier-orders", "/invoices", "/reports", "/members", "/suppliers")) {
            pages.measure(results, page, "coordinator");
        }
        Pages memberPages = new Pages(port, "adherent-0");
        for (String page : List.of("/", "/rounds", "/invoices", "/reports")) {
            memberPages.measure(results, page, "member");
        }
        for (String export : List.of("/api/reports/sales.csv", "/api/reports/purchases.csv")) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = get(port, export, basic(coordinator));
            results.report("export " + export + " (" + (response.body().length >> 10) + " KiB)", (System.nanoTime() - start) / 1e6, "ms");
        }
        results.write();
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static String basic(String username) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<byte[]> get(int port, String path, String authorization) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + ": HTTP " + response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response;
    }

    /** p50 and p99 (with 50 calls, the slowest) of REQUESTS calls after WARM_UP not counted, and the size of the answer. */
    private static void measure(BenchResults results, String name, int port, String path, String authorization) throws Exception {
        double[] millis = new double[REQUESTS];
        int bytes = 0;
        for (int i = -WARM_UP; i < REQUESTS; i++) {
            long start = System.nanoTime();
            bytes = get(port, path, authorization).body().length;
            if (i >= 0) {
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(millis);
        // The goals: the impact report over every round under 200 ms, every list under 100 ms at p99.
        results.report(name + " p50 (" + (bytes >> 10) + " KiB)", millis[REQUESTS / 2], "ms")
                .atMost(name + " p99", millis[(int) Math.ceil(REQUESTS * 0.99) - 1], "ms", path.startsWith("/api/reports/impact") ? 200 : 100);
    }

    /** A browser's session: logged in through the form, then pages fetched as HTML. */
    private static final class Pages {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        private final int port;

        Pages(int port, String username) throws Exception {
            this.port = port;
            String login = http.send(request("/login").build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher csrf = CSRF.matcher(login);
            if (!csrf.find()) {
                throw new IllegalStateException("no CSRF token on the login page");
            }
            String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
            String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
            HttpResponse<String> after = http.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (after.uri().getPath().startsWith("/login")) {
                throw new IllegalStateException("login refused for " + username);
            }
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept-Language", "fr");
        }

        void measure(BenchResults results, String path, String who) throws Exception {
            List<Double> millis = new ArrayList<>();
            for (int i = -WARM_UP; i < REQUESTS; i++) {
                long start = System.nanoTime();
                HttpResponse<String> response = http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200 || response.uri().getPath().startsWith("/login")) {
                    throw new IllegalStateException(path + ": HTTP " + response.statusCode());
                }
                if (i >= 0) {
                    millis.add((System.nanoTime() - start) / 1e6);
                }
            }
            Collections.sort(millis);
            results.report("page " + path + " p50 (" + who + ")", millis.get(REQUESTS / 2), "ms")
                    .atMost("page " + path + " p99 (" + who + ")", millis.get((int) Math.ceil(REQUESTS * 0.99) - 1), "ms", 100);
        }
    }
}
