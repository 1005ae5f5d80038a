package coop.mutua.app.bench;

import coop.mutua.app.account.Accounts;
import coop.mutua.app.support.PlainHttpClient;
import coop.mutua.catalog.api.AddProductCommand;
import coop.mutua.catalog.api.Address;
import coop.mutua.catalog.api.EssFamily;
import coop.mutua.catalog.api.OrderingTerms;
import coop.mutua.catalog.api.ProductDetails;
import coop.mutua.catalog.api.ProductIds;
import coop.mutua.catalog.api.ProductPrice;
import coop.mutua.catalog.api.RegisterGroupementCommand;
import coop.mutua.catalog.api.RegisterMemberCommand;
import coop.mutua.catalog.api.RegisterSupplierCommand;
import coop.mutua.catalog.api.SaleUnit;
import coop.mutua.catalog.api.SupplierDetails;
import coop.mutua.catalog.api.VatRegime;
import coop.mutua.kernel.GeoPoint;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.ProjectionCatchUp;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.Role;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.UnitPrice;
import coop.mutua.kernel.VatRate;
import coop.mutua.ordering.api.CreatePurchaseRoundCommand;
import coop.mutua.ordering.api.OfferedProduct;
import coop.mutua.ordering.api.OpenPurchaseRoundCommand;
import coop.mutua.ordering.api.SetRoundTermsCommand;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Order intake benchmark (not a test): members submit 20-line orders through {@code PUT /api/rounds/{id}/orders/{member}}
 * with 1, 4 and 16 concurrent clients, against a raw-JDBC comparator that replaces the same 20 lines in one
 * transaction per order, on the same PostgreSQL, in the same run. Prints orders/s, lines/s, p50/p99 latency and the
 * ratio API/JDBC. Run with {@code mvn -Pbench verify} (optional {@code -Dbench.orders=N} orders per client). The requests
 * go through {@link PlainHttpClient}; {@code -Dbench.jfr=DIR} records each measured API run for a profile.
 */
public final class OrderIntakeBenchmark {

    private static final int LINES = 20;
    private static final int[] CONCURRENCY = Arrays.stream(System.getProperty("bench.clients", "1,4,16").split(","))
            .mapToInt(Integer::parseInt).toArray();
    private static final String PASSWORD = "benchmark password";
    private static final int WARM_UP_MEMBERS = 64;
    private static final AtomicInteger JDBC_RUNS = new AtomicInteger();

    private OrderIntakeBenchmark() {
    }

    record Result(int clients, int orders, double seconds, double p50Millis, double p99Millis) {
        double ordersPerSecond() {
            return orders / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        int ordersPerClient = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int warmUpSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        // Further arguments go to the application, to compare settings: e.g. --server.tomcat.threads.max=6
        ConfigurableApplicationContext app = BenchmarkApp.start("intake", Arrays.asList(args).subList(Math.min(2, args.length), args.length));
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            Fixture fixture = Fixture.create(app, WARM_UP_MEMBERS + Arrays.stream(CONCURRENCY).map(c -> c * ordersPerClient).sum());
            System.out.printf(Locale.ROOT, "Order intake: %d orders of %d lines per client, PostgreSQL %s, %d cores, %d s warm-up%n",
                    ordersPerClient, LINES, "embedded 17 (durable)", Runtime.getRuntime().availableProcessors(), warmUpSeconds);
            // Both paths run until the JIT has compiled them (the API path is far larger than the comparator's), on
            // members kept apart for it; each measured run below then uses fresh members and fresh comparator orders.
            warmUp(port, app.getBean(DataSource.class), fixture, warmUpSeconds);
            System.out.printf(Locale.ROOT, "%8s | %10s %10s %9s %9s | %10s %10s %9s %9s | %6s%n", "clients", "API ord/s",
                    "lines/s", "p50 ms", "p99 ms", "JDBC ord/s", "lines/s", "p50 ms", "p99 ms", "ratio");
            BenchResults results = new BenchResults("order-intake").setup("ordersPerClient", ordersPerClient).setup("lines", LINES)
                    .setup("warmUpSeconds", warmUpSeconds);
            for (int clients : CONCURRENCY) {
                Result api = profiled("api-" + clients, () -> api(port, fixture, clients, ordersPerClient));
                Result jdbc = jdbc(app.getBean(DataSource.class), fixture, clients, ordersPerClient);
                System.out.printf(Locale.ROOT, "%8d | %10.1f %10.0f %9.1f %9.1f | %10.1f %10.0f %9.1f %9.1f | %6.2f%n", clients,
                        api.ordersPerSecond(), api.ordersPerSecond() * LINES, api.p50Millis(), api.p99Millis(),
                        jdbc.ordersPerSecond(), jdbc.ordersPerSecond() * LINES, jdbc.p50Millis(), jdbc.p99Millis(),
                        api.ordersPerSecond() / jdbc.ordersPerSecond());
                results.higherIsBetter("API orders/s at " + clients + " clients", api.ordersPerSecond(), "orders/s",
                                "raw JDBC, same lines", jdbc.ordersPerSecond(), clients == 16 ? 0.5 : null)
                        .report("  API p50 at " + clients + " clients", api.p50Millis(), "ms")
                        .report("  API p99 at " + clients + " clients", api.p99Millis(), "ms");
            }
            results.write();
        } finally {
            app.close();
        }
        System.exit(0);
    }

    /**
     * With {@code -Dbench.jfr=DIR}, records the measured run in a Java Flight Recording {@code DIR/NAME.jfr}: execution
     * samples only, every 10 ms (JFR's "default" settings, with their lock, socket and allocation events, halved the
     * throughput of this run).
     */
    static <T> T profiled(String name, Callable<T> run) throws Exception {
        String directory = System.getProperty("bench.jfr");
        if (directory == null || directory.isBlank()) {
            return run.call();
        }
        try (jdk.jfr.Recording recording = new jdk.jfr.Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.setDestination(Path.of(directory, name + ".jfr"));
            recording.start();
            try {
                return run.call();
            } finally {
                recording.stop();
            }
        }
    }

    /**
     * Replaces the warm-up members' orders for {@code seconds}, then the comparator's for a quarter of that: on two cores
     * the JIT needs about a minute of the API path (Spring, Axon, Jackson, Tomcat) before its compiler threads go quiet,
     * and a few seconds of the comparator's.
     */
    static void warmUp(int port, DataSource dataSource, Fixture fixture, int seconds) throws Exception {
        PlainHttpClient[] http = clients(port, 4);
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        for (int round = 0; System.nanoTime() < until; round++) {
            int shift = round;
            run(4, 16, (client, i) -> put(http[client], fixture, fixture.members().get(client * 16 + i), shift + i));
        }
        close(http);
        until = System.nanoTime() + seconds * 250_000_000L;
        while (System.nanoTime() < until) {
            jdbc(dataSource, fixture, 4, 16);
        }
        fixture.used().set(WARM_UP_MEMBERS);
    }

    /**
     * Every client places {@code count} new orders, each for another member (as a coordinator placing members' orders
     * does; one account, so the measure is not about logins). Members are never reused across runs.
     */
    static Result api(int port, Fixture fixture, int clients, int count) throws Exception {
        PlainHttpClient[] http = clients(port, clients);
        int first = fixture.take(clients * count);
        try {
            return run(clients, count, (client, i) -> put(http[client], fixture, fixture.members().get(first + client * count + i), i));
        } finally {
            close(http);
        }
    }

    /** One kept-alive connection per client thread (see PlainHttpClient for why not the JDK's client). */
    private static PlainHttpClient[] clients(int port, int count) {
        PlainHttpClient[] clients = new PlainHttpClient[count];
        Arrays.setAll(clients, i -> new PlainHttpClient("localhost", port));
        return clients;
    }

    private static void close(PlainHttpClient[] clients) throws IOException {
        for (PlainHttpClient client : clients) {
            client.close();
        }
    }

    private static void put(PlainHttpClient http, Fixture fixture, MemberId member, int iteration) throws Exception {
        PlainHttpClient.Response response = http.send("PUT", "/api/rounds/" + fixture.round() + "/orders/" + member,
                basic(fixture.coordinator()), orderJson(fixture, iteration));
        if (response.status() != 200 || !response.body().contains(member.value())) {
            throw new IllegalStateException("HTTP " + response.status() + ": " + response.body());
        }
    }

    /** The comparator: the same lines replaced with plain JDBC, one transaction per order. */
    static Result jdbc(DataSource dataSource, Fixture fixture, int clients, int count) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("""
                    CREATE TABLE IF NOT EXISTS bench_order_line (order_id VARCHAR(64), product_id VARCHAR(64),
                        quantity NUMERIC(12,3), tolerance NUMERIC(12,3), PRIMARY KEY (order_id, product_id))""");
        }
        int run = JDBC_RUNS.incrementAndGet();
        return run(clients, count, (client, i) -> {
            String orderId = "bench-" + run + "-" + client + "-" + i;
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM bench_order_line WHERE order_id = ?");
                     PreparedStatement insert = connection.prepareStatement(
                             "INSERT INTO bench_order_line (order_id, product_id, quantity, tolerance) VALUES (?, ?, ?, ?)")) {
                    delete.setString(1, orderId);
                    delete.executeUpdate();
                    for (int line = 0; line < LINES; line++) {
                        insert.setString(1, orderId);
                        insert.setString(2, fixture.products().get(line).value());
                        insert.setBigDecimal(3, BigDecimal.valueOf(1 + (i + line) % 9));
                        insert.setBigDecimal(4, BigDecimal.ONE);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                connection.commit();
            }
        });
    }

    interface Work {
        void submit(int client, int iteration) throws Exception;
    }

    private static Result run(int clients, int count, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long[][] latencies = new long[clients][count];
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < count; i++) {
                    long began = System.nanoTime();
                    work.submit(client, i);
                    latencies[client][i] = System.nanoTime() - began;
                }
                return null;
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        for (Future<?> future : futures) {
            future.get();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        pool.shutdown();
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(clients, clients * count, seconds, all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6);
    }

    private static String orderJson(Fixture fixture, int iteration) {
        StringBuilder json = new StringBuilder("{\"lines\":[");
        for (int line = 0; line < LINES; line++) {
            json.append(line == 0 ? "" : ",").append("{\"productId\":\"").append(fixture.products().get(line))
                    .append("\",\"quantity\":\"").append(1 + (iteration + line) % 9).append("\",\"tolerance\":\"1\"}");
        }
        return json.append("]}").toString();
    }

    private static String basic(String login) {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** A groupement with one supplier of 20 products, an open round, a coordinator login and many members. */
    record Fixture(RoundId round, List<ProductId> products, List<MemberId> members, String coordinator,
                   AtomicInteger used) {

        /** The index of the first of {@code count} members not used by an earlier run. */
        int take(int count) {
            return used.getAndAdd(count);
        }

        static Fixture create(ConfigurableApplicationContext app, int members) {
            CommandGateway commands = app.getBean(CommandGateway.class);
            Accounts accounts = app.getBean(Accounts.class);
            ProjectionCatchUp catchUp = app.getBean(ProjectionCatchUp.class);
            GroupementId groupement = GroupementId.random();
            Address address = new Address("1 quai", "33000", "Bordeaux", "FR");
            commands.sendAndWait(new RegisterGroupementCommand(groupement, "Banc d'essai", "73282932000074", null,
                    VatRegime.NOT_REGISTERED, address, new GeoPoint(44.84, -0.57), "bench@example.org"));
            SupplierId supplier = SupplierId.random();
            commands.sendAndWait(new RegisterSupplierCommand(supplier, groupement, new SupplierDetails("Fournisseur", "73282932000074", null, null, Set.of(), address, new GeoPoint(44.8, -0.5), "f@example.org",
                new OrderingTerms(Money.ZERO, Money.ZERO, Money.ZERO), null)));
            List<OfferedProduct> offer = new ArrayList<>();
            for (int p = 0; p < LINES; p++) {
                String reference = "P-" + p;
                ProductDetails details = new ProductDetails("Produit " + p, "Catégorie", SaleUnit.PIECE, Quantity.of(1),
                        Quantity.of(6), Quantity.ZERO, VatRate.REDUCED, Set.of(), null);
                ProductPrice price = new ProductPrice(UnitPrice.of("2.50"), List.of());
                commands.sendAndWait(new AddProductCommand(ProductIds.of(supplier, reference), groupement, supplier, reference, details, price));
                offer.add(new OfferedProduct(ProductIds.of(supplier, reference), supplier, reference, details, price));
            }
            RoundId round = RoundId.random();
            commands.sendAndWait(new CreatePurchaseRoundCommand(round, groupement, "Banc d'essai", Instant.now().plus(Duration.ofDays(2)),
                    LocalDate.now().plusDays(5), "Entrepôt"));
            commands.sendAndWait(new SetRoundTermsCommand(round, groupement, Set.of(supplier), null, null, null));
            commands.sendAndWait(new OpenPurchaseRoundCommand(round, groupement, offer));
            List<MemberId> memberIds = new ArrayList<>();
            for (int m = 0; m < members; m++) {
                MemberId member = MemberId.random();
                commands.sendAndWait(new RegisterMemberCommand(member, groupement, "Structure " + m, "73282932000074", null,
                        EssFamily.ASSOCIATION, address, address, "m" + m + "@example.org"));
                memberIds.add(member);
            }
            memberIds.forEach(member -> catchUp.await("catalog-directory", member));
            String coordinator = "bench-" + groupement.value().substring(0, 8);
            accounts.create(coordinator, PASSWORD, "Coordination", Role.COORDINATOR, groupement, null, null);
            catchUp.await("ordering-rounds", round);
            return new Fixture(round, offer.stream().map(OfferedProduct::productId).toList(), memberIds, coordinator,
                    new AtomicInteger());
        }
    }
}
