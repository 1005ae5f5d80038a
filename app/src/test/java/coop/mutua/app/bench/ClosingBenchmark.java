package coop.mutua.app.bench;

import coop.mutua.app.account.Accounts;
import coop.mutua.catalog.api.AddProductCommand;
import coop.mutua.catalog.api.Address;
import coop.mutua.catalog.api.EssFamily;
import coop.mutua.catalog.api.OrderingTerms;
import coop.mutua.catalog.api.PriceTier;
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
import coop.mutua.ordering.api.ClosePurchaseRoundCommand;
import coop.mutua.ordering.api.ClosingTrigger;
import coop.mutua.ordering.api.CreatePurchaseRoundCommand;
import coop.mutua.ordering.api.OfferedProduct;
import coop.mutua.ordering.api.OpenPurchaseRoundCommand;
import coop.mutua.ordering.api.SetRoundTermsCommand;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Closing benchmark (not a test): a round of N members x 50 lines over 20 suppliers of 10 products each is closed;
 * measured from the close command to the round recorded as pooled (every supplier order and member share written), with
 * the peak heap in that time, against a comparator in the same run: one SQL statement grouping the same lines by
 * product with the case rounding, written to a table. Run with {@code mvn -Pbench verify} (optional
 * {@code -Dbench.members=N}, default 2000).
 */
public final class ClosingBenchmark {

    private static final int SUPPLIERS = 20;
    private static final int PRODUCTS_PER_SUPPLIER = 10;
    private static final int LINES = 50;
    private static final String PASSWORD = "benchmark password";

    private ClosingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        ConfigurableApplicationContext app = BenchmarkApp.start("closing", List.of());
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            Fixture fixture = Fixture.create(app, members);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            // Warm-up: a small round closed and pooled, and the comparator once, so that neither is measured cold.
            RoundId warmUp = fixture.round(app, port, Math.min(100, members));
            close(app, fixture, warmUp);
            comparator(jdbc, warmUp);

            RoundId round = fixture.round(app, port, members);
            long lines = jdbc.sql("SELECT count(*) FROM member_order_line WHERE round_id = :r").param("r", round.value())
                    .query(Long.class).single();
            System.gc();
            Measure pooling = close(app, fixture, round);
            long supplierOrders = jdbc.sql("SELECT count(*) FROM supplier_order WHERE round_id = :r").param("r", round.value())
                    .query(Long.class).single();
            long shares = jdbc.sql("SELECT count(*) FROM member_allocation WHERE round_id = :r").param("r", round.value())
                    .query(Long.class).single();
            double sql = comparator(jdbc, round);
            System.out.printf(Locale.ROOT, "Closing: %d members, %d lines, %d suppliers, PostgreSQL embedded 17 (durable), %d cores%n",
                    members, lines, SUPPLIERS, Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "  close -> written: %7.0f ms  (%d supplier orders, %d member shares; live heap after collections "
                    + "at most %d MiB, used with garbage %d MiB)%n", pooling.millis(), supplierOrders, shares, pooling.liveHeapMiB(),
                    pooling.usedHeapMiB());
            System.out.printf(Locale.ROOT, "  close -> shown  : %7.0f ms  (the round's read model says pooled)%n", pooling.shownMillis());
            jdbc.sql("""
                    SELECT s.step_name, round(extract(epoch FROM s.end_time - s.start_time) * 1000) AS ms, s.commit_count
                    FROM batch_step_execution s JOIN batch_job_execution_params p ON p.job_execution_id = s.job_execution_id
                    WHERE p.parameter_name = 'roundId' AND p.parameter_value = :round ORDER BY s.step_execution_id""")
                    .param("round", round.value())
                    .query((rs, n) -> String.format(Locale.ROOT, "    step %-18s %6d ms (%d commits)", rs.getString(1), rs.getLong(2), rs.getLong(3)))
                    .list().forEach(System.out::println);
            System.out.printf(Locale.ROOT, "  SQL GROUP BY    : %7.0f ms  (same lines, case rounding, %d product totals written)%n", sql,
                    jdbc.sql("SELECT count(*) FROM bench_pooled WHERE round_id = :r").param("r", round.value()).query(Long.class).single());
            System.out.printf(Locale.ROOT, "  ratio           : %7.1f x  (written / SQL; target <= 10, aim <= 3)%n", pooling.millis() / sql);
            new BenchResults("closing").setup("members", members).setup("lines", lines).setup("supplierOrders", supplierOrders)
                    .setup("shares", shares)
                    .lowerIsBetter("close -> every order and share written", pooling.millis(), "ms", "SQL GROUP BY with case rounding", sql, 3.0)
                    .atMost("  live heap while pooling (after each collection)", pooling.liveHeapMiB(), "MiB", 300)
                    .report("  heap used, garbage included", pooling.usedHeapMiB(), "MiB")
                    .report("  close -> round shown pooled", pooling.shownMillis(), "ms")
                    .write();
        } finally {
            app.close();
        }
        System.exit(0);
    }

    /** Until the job completed (every supplier order and share written), and until the round's page shows it pooled. */
    record Measure(double millis, double shownMillis, long usedHeapMiB, long liveHeapMiB) {
    }

    /**
     * Closes the round and waits until it is pooled; the heap it held is the largest left by a collection meanwhile
     * (with the heap pools' peak, garbage included, for comparison).
     */
    static Measure close(ConfigurableApplicationContext app, Fixture fixture, RoundId round) throws InterruptedException {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        LiveHeap live = new LiveHeap();
        long began = System.nanoTime();
        app.getBean(CommandGateway.class).sendAndWait(new ClosePurchaseRoundCommand(round, fixture.groupement(), ClosingTrigger.COORDINATOR));
        double written = 0;
        while (!jdbc.sql("SELECT pooled_at IS NOT NULL FROM purchase_round WHERE id = :id").param("id", round.value())
                .query(Boolean.class).single()) {
            if (written == 0 && jdbc.sql("""
                    SELECT count(*) FROM batch_job_execution e JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
                    WHERE p.parameter_name = 'roundId' AND p.parameter_value = :round AND e.status = 'COMPLETED'""")
                    .param("round", round.value()).query(Long.class).single() > 0) {
                written = (System.nanoTime() - began) / 1e6;
            }
            Thread.sleep(2);
        }
        double shown = (System.nanoTime() - began) / 1e6;
        live.close();
        return new Measure(written == 0 ? shown : written, shown, live.peakUsedMiB(), live.peakMiB());
    }

    /** One statement: the lines grouped by product with the case rounding (DOMAIN.md rule 2), written to a table. */
    static double comparator(JdbcClient jdbc, RoundId round) {
        jdbc.sql("""
                CREATE TABLE IF NOT EXISTS bench_pooled (round_id VARCHAR(64), supplier_id VARCHAR(64), product_id VARCHAR(64),
                    asked NUMERIC, tolerance NUMERIC, cases BIGINT, quantity NUMERIC)""").update();
        long began = System.nanoTime();
        jdbc.sql("""
                INSERT INTO bench_pooled
                SELECT round_id, supplier_id, product_id, q, t,
                       floor(q / s) + CASE WHEN mod(q, s) > 0 AND mod(q, s) + t >= s THEN 1 ELSE 0 END,
                       s * (floor(q / s) + CASE WHEN mod(q, s) > 0 AND mod(q, s) + t >= s THEN 1 ELSE 0 END)
                FROM (SELECT l.round_id, o.supplier_id, l.product_id, sum(l.quantity) AS q, sum(l.tolerance) AS t,
                             (o.offered -> 'details' -> 'caseSize' ->> 'value')::numeric AS s
                      FROM member_order_line l JOIN round_offer o ON o.round_id = l.round_id AND o.product_id = l.product_id
                      WHERE l.round_id = :round
                      GROUP BY l.round_id, o.supplier_id, l.product_id, s) AS pooled""")
                .param("round", round.value()).update();
        return (System.nanoTime() - began) / 1e6;
    }

    /** A groupement with 20 suppliers of 10 products, many members, and rounds where every member orders 50 lines. */
    record Fixture(GroupementId groupement, List<SupplierId> suppliers, List<OfferedProduct> offer, List<MemberId> members,
                   String coordinator) {

        static Fixture create(ConfigurableApplicationContext app, int memberCount) throws Exception {
            CommandGateway commands = app.getBean(CommandGateway.class);
            GroupementId groupement = GroupementId.random();
            Address address = new Address("1 quai", "33000", "Bordeaux", "FR");
            commands.sendAndWait(new RegisterGroupementCommand(groupement, "Banc d'essai", "73282932000074", null,
                    VatRegime.NOT_REGISTERED, address, new GeoPoint(44.84, -0.57), "bench@example.org"));
            List<SupplierId> suppliers = new ArrayList<>();
            List<OfferedProduct> offer = new ArrayList<>();
            for (int s = 0; s < SUPPLIERS; s++) {
                SupplierId supplier = SupplierId.random();
                commands.sendAndWait(new RegisterSupplierCommand(supplier, groupement, new SupplierDetails("Fournisseur " + s, "73282932000074", null, null, Set.of(), address, new GeoPoint(44.8, -0.5), "f" + s + "@example.org",
                new OrderingTerms(Money.parse("100.00"), Money.parse("500.00"), Money.parse("15.00")), null)));
                suppliers.add(supplier);
                for (int p = 0; p < PRODUCTS_PER_SUPPLIER; p++) {
                    String reference = "P-" + s + "-" + p;
                    ProductDetails details = new ProductDetails("Produit " + s + "-" + p, "Catégorie", SaleUnit.PIECE, Quantity.of(1),
                            Quantity.of(p % 2 == 0 ? 6 : 12), Quantity.ZERO, VatRate.REDUCED, Set.of(), null);
                    ProductPrice price = new ProductPrice(UnitPrice.of("2.50"),
                            List.of(new PriceTier(Quantity.of(120), UnitPrice.of("2.30"))));
                    commands.sendAndWait(new AddProductCommand(ProductIds.of(supplier, reference), groupement, supplier, reference, details, price));
                    offer.add(new OfferedProduct(ProductIds.of(supplier, reference), supplier, reference, details, price));
                }
            }
            List<MemberId> members = new ArrayList<>();
            for (int m = 0; m < memberCount; m++) {
                MemberId member = MemberId.random();
                commands.sendAndWait(new RegisterMemberCommand(member, groupement, "Structure " + m, "73282932000074", null,
                        EssFamily.ASSOCIATION, address, address, "m" + m + "@example.org"));
                members.add(member);
            }
            ProjectionCatchUp catchUp = app.getBean(ProjectionCatchUp.class);
            members.forEach(member -> catchUp.await("catalog-directory", member));
            String coordinator = "bench-" + groupement.value().substring(0, 8);
            app.getBean(Accounts.class).create(coordinator, PASSWORD, "Coordination", Role.COORDINATOR, groupement, null, null);
            return new Fixture(groupement, suppliers, offer, members, coordinator);
        }

        /** An open round where the first {@code count} members each ordered 50 lines (through the REST API). */
        RoundId round(ConfigurableApplicationContext app, int port, int count) throws Exception {
            return round(app, port, count, LINES);
        }

        /** An open round where the first {@code count} members each ordered {@code lines} lines (through the REST API). */
        RoundId round(ConfigurableApplicationContext app, int port, int count, int lines) throws Exception {
            CommandGateway commands = app.getBean(CommandGateway.class);
            RoundId round = RoundId.random();
            commands.sendAndWait(new CreatePurchaseRoundCommand(round, groupement, "Banc d'essai", Instant.now().plus(Duration.ofDays(2)),
                    LocalDate.now().plusDays(5), "Entrepôt"));
            commands.sendAndWait(new SetRoundTermsCommand(round, groupement, new HashSet<>(suppliers), null, null, null));
            commands.sendAndWait(new OpenPurchaseRoundCommand(round, groupement, offer));
            app.getBean(ProjectionCatchUp.class).await("ordering-rounds", round);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String authorization = "Basic " + Base64.getEncoder().encodeToString((coordinator + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> futures = new ArrayList<>();
            for (int m = 0; m < count; m++) {
                int member = m;
                futures.add(pool.submit(() -> {
                    StringBuilder json = new StringBuilder("{\"lines\":[");
                    for (int k = 0; k < lines; k++) {
                        ProductId product = offer.get((member * 7 + 4 * k) % offer.size()).productId();
                        json.append(k == 0 ? "" : ",").append("{\"productId\":\"").append(product).append("\",\"quantity\":\"")
                                .append(1 + (member + k) % 5).append("\",\"tolerance\":\"").append(member % 3).append("\"}");
                    }
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                    + "/api/rounds/" + round + "/orders/" + members.get(member)))
                            .header("Authorization", authorization).header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString(json.append("]}").toString())).build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            pool.shutdown();
            return round;
        }
    }
}
