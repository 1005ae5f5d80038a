package coop.mutua.app.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import coop.mutua.app.support.Http;
import coop.mutua.app.support.Node;
import coop.mutua.app.support.NodeRound;
import coop.mutua.app.support.PlainHttpClient;
import coop.mutua.testsupport.TestDatabase;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * Deadline rush benchmark (not a test): two instances of Mutua (JVMs of their own, as operators run them) on one
 * PostgreSQL; a round offering 20 products to N members (default 2,000); in the last T seconds (default 60) every member's
 * 20-line order arrives, at a moment drawn at random in that minute, alternately through either instance. Each
 * accepted submission's latency counts from the moment it was due, so a queue that builds up shows in the figures (no coordinated
 * omission). Then the round is closed and pooled: every accepted order must be in the supplier order, to the unit.
 * Prints p50/p99 latency, errors and orders/s against the rate offered. Orders are placed with the coordinator's login
 * (as a coordinator entering members' orders does): N members logging in at once would each cost one bcrypt check, a
 * separate matter reported with it. Run with {@code mvn -Pbench verify} ({@code -Dbench.rush.members=N},
 * {@code -Dbench.rush.seconds=T}).
 */
public final class DeadlineRushBenchmark {

    private static final int LINES = 20;
    private static final String COORDINATOR = NodeRound.COORDINATOR;
    private static final String PASSWORD = NodeRound.PASSWORD;
    /** Submissions in flight at most (a member's browser waiting for its answer each). */
    private static final int IN_FLIGHT = 64;
    /** The first members' orders placed before the rush (then replaced by it). */
    private static final int WARM_UP = 400;

    private DeadlineRushBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        Map<String, String> database = TestDatabase.newDatabaseProperties();
        List<Node> nodes = new ArrayList<>();
        try {
            long starting = System.nanoTime();
            Node a = new Node("rush-a", database, mail.getSmtp().getPort(), NodeRound.bootstrap()).launch();
            nodes.add(a);
            a.awaitHealthy();
            Node b = new Node("rush-b", database, mail.getSmtp().getPort(), Map.of()).start();
            nodes.add(b);
            System.out.printf(Locale.ROOT, "Deadline rush: two instances up in %.1f s%n", (System.nanoTime() - starting) / 1e9);
            Http viaA = new Http(a.port());
            Fixture fixture = Fixture.create(viaA, members);
            warmUp(List.of(a.port(), b.port()), fixture);

            Rush rush = rush(List.of(a.port(), b.port()), fixture, seconds);
            long[] sorted = rush.latencies().stream().mapToLong(Long::longValue).sorted().toArray();
            double p50 = sorted.length == 0 ? 0 : sorted[sorted.length / 2] / 1e6;
            double p99 = sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))] / 1e6;
            double offered = (double) members / seconds;
            double achieved = rush.accepted() / rush.seconds();

            // The deadline: closed through one instance, pooled; every accepted order is in the supplier order.
            long closing = System.nanoTime();
            Http.Reply closed = viaA.postJson("/api/rounds/" + fixture.round() + "/close", COORDINATOR, PASSWORD, "");
            if (closed.status() != 200) {
                throw new IllegalStateException("close: " + closed.status() + " " + closed.body());
            }
            NodeRound.waitFor(java.time.Duration.ofMinutes(5), () -> "POOLED".equals(viaA.get("/api/rounds/" + fixture.round(), COORDINATOR,
                    PASSWORD).json().get("status").asString()), "the round pooled");
            double pooledSeconds = (System.nanoTime() - closing) / 1e9;
            BigDecimal pooled = BigDecimal.ZERO;
            for (JsonNode order : viaA.get("/api/rounds/" + fixture.round() + "/supplier-orders", COORDINATOR, PASSWORD).json()) {
                for (JsonNode line : order.get("lines")) {
                    pooled = pooled.add(new BigDecimal(line.get("quantity").asString()));
                }
            }
            // Every member with an order: accepted in the rush, or left from the warm-up (the same lines) if its rush failed.
            long ordering = rush.accepted() + rush.failedAfterWarmUp();
            BigDecimal expected = BigDecimal.valueOf(ordering * LINES * 3);
            boolean complete = pooled.compareTo(expected) == 0;

            System.out.printf(Locale.ROOT, "  %d members x %d lines in %d s through 2 instances, PostgreSQL embedded 17 (durable), %d cores%n",
                    members, LINES, seconds, Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "  accepted       : %d of %d (errors %d%s)%n", rush.accepted(), members, rush.errors().size(),
                    rush.errors().isEmpty() ? "" : ": " + rush.errors().peek());
            System.out.printf(Locale.ROOT, "  latency        : p50 %.1f ms, p99 %.1f ms, max %.1f ms (from the moment each was due)%n", p50, p99,
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
            System.out.printf(Locale.ROOT, "  orders/s       : %.1f achieved, %.1f offered (%.2f x)%n", achieved, offered, achieved / offered);
            System.out.printf(Locale.ROOT, "  close -> pooled: %.1f s; pooled quantity %s, %s%n", pooledSeconds, pooled.toPlainString(),
                    complete ? "every accepted order in it" : "EXPECTED " + expected);
            new BenchResults("deadline-rush").setup("members", members).setup("lines", LINES).setup("seconds", seconds).setup("instances", 2)
                    .setup("inFlight", IN_FLIGHT)
                    .higherIsBetter("orders/s achieved", achieved, "orders/s", "orders/s offered (N in T seconds)", offered, 0.95)
                    .report("  submission p50 latency", p50, "ms")
                    .report("  submission p99 latency", p99, "ms")
                    .atMost("  errors", rush.errors().size(), "", 0)
                    .atMost("  orders missing from the pooling", complete ? 0 : 1, "", 0)
                    .report("  close -> round pooled", pooledSeconds, "s")
                    .write();
            if (!complete || !rush.errors().isEmpty()) {
                System.out.println("  SEE rush-a.log and rush-b.log in app/target/nodes/");
            }
        } finally {
            nodes.forEach(Node::close);
            mail.stop();
        }
        System.exit(0);
    }

    /** Latencies of the accepted submissions; failed ones are counted, and those whose member kept its warm-up order. */
    record Rush(List<Long> latencies, ConcurrentLinkedQueue<String> errors, int accepted, int failedAfterWarmUp, double seconds) {
    }

    /**
     * Every member's order at its moment in the window, alternately through each instance; at most {@link #IN_FLIGHT} at
     * once (later ones wait, their waiting counted in their latency).
     */
    static Rush rush(List<Integer> ports, Fixture fixture, int seconds) throws Exception {
        Random random = new Random(42);
        long[] due = new long[fixture.members().size()];
        for (int i = 0; i < due.length; i++) {
            due[i] = (long) (random.nextDouble() * seconds * 1e9);
        }
        Integer[] order = new Integer[due.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (x, y) -> Long.compare(due[x], due[y]));
        ExecutorService pool = Executors.newFixedThreadPool(IN_FLIGHT);
        ThreadLocal<PlainHttpClient[]> connections = ThreadLocal.withInitial(() -> ports.stream()
                .map(port -> new PlainHttpClient("localhost", port)).toArray(PlainHttpClient[]::new));
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger failedAfterWarmUp = new AtomicInteger();
        List<Future<?>> sent = new ArrayList<>();
        long start = System.nanoTime();
        for (int n = 0; n < order.length; n++) {
            int member = order[n];
            long at = start + due[member];
            long wait = at - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int through = n % ports.size();
            sent.add(pool.submit(() -> {
                PlainHttpClient[] http = connections.get();
                try {
                    PlainHttpClient.Response response = http[through].send("PUT", "/api/rounds/" + fixture.round() + "/orders/"
                            + fixture.members().get(member), basic(), orderJson(fixture));
                    if (response.status() == 200) {
                        accepted.incrementAndGet();
                        latencies.add(System.nanoTime() - at);
                    } else {
                        errors.add("HTTP " + response.status() + " " + response.body());
                        failed(member, failedAfterWarmUp);
                    }
                } catch (IOException | RuntimeException e) {
                    errors.add(e.toString());
                    failed(member, failedAfterWarmUp);
                    try {
                        http[through].close();
                    } catch (IOException ignored) {
                        // a new connection next time
                    }
                    http[through] = new PlainHttpClient("localhost", ports.get(through));
                }
                return null;
            }));
        }
        for (Future<?> future : sent) {
            future.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Rush(latencies, errors, accepted.get(), failedAfterWarmUp.get(), elapsed);
    }

    private static void failed(int member, AtomicInteger failedAfterWarmUp) {
        if (member < WARM_UP) {
            failedAfterWarmUp.incrementAndGet();
        }
    }

    /** A few hundred orders through both instances (then replaced in the rush), until the JIT has compiled the path. */
    static void warmUp(List<Integer> ports, Fixture fixture) throws Exception {
        List<PlainHttpClient> clients = new ArrayList<>();
        for (int port : ports) {
            clients.add(new PlainHttpClient("localhost", port));
        }
        int count = Math.min(fixture.members().size(), WARM_UP);
        for (int i = 0; i < count; i++) {
            PlainHttpClient.Response response = clients.get(i % clients.size()).send("PUT", "/api/rounds/" + fixture.round() + "/orders/"
                    + fixture.members().get(i), basic(), orderJson(fixture));
            if (response.status() != 200) {
                throw new IllegalStateException("warm-up: HTTP " + response.status() + " " + response.body());
            }
        }
        for (PlainHttpClient client : clients) {
            client.close();
        }
    }

    /** Every line 3 units (its case size is 1): the pooled quantity is 60 per order. */
    private static String orderJson(Fixture fixture) {
        StringBuilder json = new StringBuilder("{\"lines\":[");
        for (int line = 0; line < LINES; line++) {
            json.append(line == 0 ? "" : ",").append("{\"productId\":\"").append(fixture.products().get(line)).append("\",\"quantity\":\"3\"}");
        }
        return json.append("]}").toString();
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((COORDINATOR + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** Through the API: a supplier of 20 products, N members, a round open with that supplier. */
    record Fixture(String round, List<String> products, List<String> members) {

        static Fixture create(Http http, int count) throws Exception {
            String supplier = NodeRound.created(http.postJson("/api/suppliers", COORDINATOR, PASSWORD, """
                    {"name":"Ferme de la ruée","siret":"%s","address":{"street":"1 rue","postalCode":"33000","city":"Bordeaux"},
                     "location":"44.85, -0.56","orderEmail":"ferme@example.org"}""".formatted(NodeRound.siret())));
            List<String> products = new ArrayList<>();
            for (int p = 0; p < LINES; p++) {
                products.add(NodeRound.created(http.postJson("/api/suppliers/" + supplier + "/products", COORDINATOR, PASSWORD, """
                        {"reference":"R-%d","name":"Produit %d","category":"Épicerie","saleUnit":"PIECE","caseSize":"1","vatRate":"5.5",
                         "unitPrice":"2.00"}""".formatted(p, p))));
            }
            String[] members = new String[count];
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> created = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                created.add(pool.submit(() -> {
                    members[index] = NodeRound.created(http.postJson("/api/members", COORDINATOR, PASSWORD, """
                            {"name":"Structure %05d","siret":"%s","essFamily":"ASSOCIATION",
                             "billingAddress":{"street":"%d rue du Port","postalCode":"33000","city":"Bordeaux"},
                             "contactEmail":"membre-%d@example.org"}""".formatted(index, NodeRound.siret(), index + 1, index)));
                    return null;
                }));
            }
            for (Future<?> future : created) {
                future.get();
            }
            pool.shutdown();
            String round = NodeRound.created(http.postJson("/api/rounds", COORDINATOR, PASSWORD, "{\"title\":\"Ruée de fin de campagne\",\"closesAt\":\""
                    + OffsetDateTime.now().plusDays(3).withNano(0) + "\",\"deliveryDate\":\"" + LocalDate.now().plusDays(5)
                    + "\",\"deliveryPlace\":\"Entrepôt\"}"));
            expect(http.putJson("/api/rounds/" + round + "/terms", COORDINATOR, PASSWORD, "{\"suppliers\":[\"" + supplier + "\"]}"), 200);
            expect(http.postJson("/api/rounds/" + round + "/open", COORDINATOR, PASSWORD, ""), 200);
            return new Fixture(round, products, List.of(members));
        }

        private static void expect(Http.Reply reply, int status) {
            if (reply.status() != status) {
                throw new IllegalStateException("HTTP " + reply.status() + ": " + reply.body());
            }
        }
    }
}
