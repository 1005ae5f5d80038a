package coop.mutua.app.bench;

import coop.mutua.billing.api.InvoiceContent;
import coop.mutua.billing.application.InvoicingMembers;
import coop.mutua.billing.application.InvoicingPlan;
import coop.mutua.billing.application.InvoicingPlans;
import coop.mutua.billing.application.MatchingSupplierInvoices;
import coop.mutua.billing.domain.MemberInvoiceDrafts;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.ProjectionCatchUp;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.Role;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.UserId;
import coop.mutua.ordering.api.DecideBelowMinimumCommand;
import coop.mutua.ordering.api.FindSupplierOrdersQuery;
import coop.mutua.ordering.api.OrderingReadModels;
import coop.mutua.ordering.api.RecordReceptionCommand;
import coop.mutua.ordering.api.SupplierOrderStatus;
import coop.mutua.ordering.api.SupplierOrderView;
import coop.mutua.ordering.query.SupplierOrderQueries;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Invoicing benchmark (not a test): the closing benchmark's round of N members x 50 lines over 20 suppliers is received
 * and each supplier order invoiced; then every member invoice is issued in one run of the job (split, numbering, PDF,
 * Factur-X, events, files), measured with its peak heap. In the same run, the split alone (the round's plan and every
 * member's invoice content) against one SQL statement sharing each supplier line among the members by largest remainder
 * with window functions. Run with {@code mvn -Pbench verify} (optional {@code -Dbench.members=N}, default 2000).
 */
public final class InvoicingBenchmark {

    private InvoicingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        ConfigurableApplicationContext app = BenchmarkApp.start("invoicing", List.of());
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            ClosingBenchmark.Fixture fixture = ClosingBenchmark.Fixture.create(app, members);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            // Warm-up: rounds invoiced until the JIT compiler has done most of its work (a server that has run a while),
            // and the comparator once, so that neither is measured cold.
            int warmUpMembers = args.length > 1 ? Integer.parseInt(args[1]) : 500;
            RoundId warmUp = null;
            for (int done = 0; done < warmUpMembers; done += Math.min(250, members)) {
                warmUp = invoicedRound(app, port, fixture, Math.min(250, members));
                CpuTime issuing = CpuTime.now();
                app.getBean(InvoicingMembers.class).run(fixture.groupement(), warmUp);
                System.out.printf(Locale.ROOT, "  warm-up round  : %s%n", CpuTime.now().busiestThreads(issuing, 3));
            }
            if (warmUp != null) {
                comparator(jdbc, warmUp);
                split(app, fixture, warmUp);
            }

            // Measured runs: each a new round of every member; the figures are the last run's, every run is printed.
            int runs = args.length > 2 ? Integer.parseInt(args[2]) : 2;
            RoundId round = null;
            double splitMillis = 0;
            double sqlMillis = 0;
            double seconds = 0;
            boolean completed = false;
            long peak = 0;
            long live = 0;
            CpuTime cpuBefore = null;
            CpuTime cpu = null;
            for (int run = 1; run <= runs; run++) {
                round = invoicedRound(app, port, fixture, members);
                splitMillis = split(app, fixture, round);
                sqlMillis = comparator(jdbc, round);
                System.gc();
                long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
                try (LiveHeap liveHeap = new LiveHeap()) {
                    cpuBefore = CpuTime.now();
                    long began = System.nanoTime();
                    completed = app.getBean(InvoicingMembers.class).run(fixture.groupement(), round);
                    seconds = (System.nanoTime() - began) / 1e9;
                    cpu = CpuTime.now();
                    live = liveHeap.peakMiB();
                    peak = liveHeap.peakUsedMiB();
                }
                System.out.printf(Locale.ROOT, "  run %d          : %7.1f s  (%s; %d classes loaded)%n", run, seconds, cpu.busiestThreads(cpuBefore, 3),
                        ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount() - classes);
            }
            long invoices = jdbc.sql("SELECT count(*) FROM member_invoice WHERE round_id = :r").param("r", round.value())
                    .query(Long.class).single();
            long bytes = jdbc.sql("SELECT coalesce(sum(length(f.pdf)), 0) FROM member_invoice_file f JOIN member_invoice i ON i.id = f.invoice_id "
                    + "WHERE i.round_id = :r").param("r", round.value()).query(Long.class).single();
            System.out.printf(Locale.ROOT, "Invoicing: %d members, 20 suppliers, PostgreSQL embedded 17 (durable), %d cores%n",
                    members, Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "  issue all      : %7.1f s  (%s; %d invoices, %.1f invoices/s, PDF+Factur-X %d KiB on average; "
                    + "live heap after collections at most %d MiB, used with garbage %d MiB)%n",
                    seconds, completed ? "completed" : "NOT completed", invoices, invoices / seconds, invoices == 0 ? 0 : bytes / invoices >> 10,
                    live, peak);
            System.out.printf(Locale.ROOT, "  where          : %s%n", cpu.since(cpuBefore, seconds));
            System.out.printf(Locale.ROOT, "  busiest threads: %s%n", cpu.busiestThreads(cpuBefore, 8));
            System.out.printf(Locale.ROOT, "  split alone    : %7.0f ms  (plan: supplier orders, shares, invoices read; every member's content)%n", splitMillis);
            System.out.printf(Locale.ROOT, "  SQL window     : %7.0f ms  (each supplier line shared by largest remainder, %d rows written)%n", sqlMillis,
                    jdbc.sql("SELECT count(*) FROM bench_split WHERE round_id = :r").param("r", round.value()).query(Long.class).single());
            System.out.printf(Locale.ROOT, "  ratio          : %7.1f x  (split / SQL)%n", splitMillis / sqlMillis);
            new BenchResults("invoicing").setup("members", members).setup("invoices", invoices).setup("completed", completed)
                    // The goal: 2,000 invoices in 8 s, growing linearly (4 ms per invoice).
                    .atMost("issue every member invoice", seconds, "s", 8.0 * members / 2000)
                    .report("  invoices per second", invoices / seconds, "invoices/s")
                    .atMost("  live heap while issuing (after each collection)", live, "MiB", 300)
                    .report("  heap used, garbage included", peak, "MiB")
                    .report("  JVM CPU per invoice", cpu.jvmSeconds(cpuBefore) * 1000 / Math.max(1, invoices), "ms")
                    .report("  PostgreSQL CPU per invoice", cpu.postgresSeconds(cpuBefore) * 1000 / Math.max(1, invoices), "ms")
                    .lowerIsBetter("split alone (plan + every member's content)", splitMillis, "ms", "SQL window functions, largest remainder",
                            sqlMillis, null)
                    .write();
        } finally {
            app.close();
        }
        System.exit(0);
    }

    /** A round of {@code count} members, closed, pooled, received (all that was ordered arrived), and invoiced by every supplier as ordered. */
    static RoundId invoicedRound(ConfigurableApplicationContext app, int port, ClosingBenchmark.Fixture fixture, int count) throws Exception {
        return invoicedRound(app, port, fixture, count, 50);
    }

    /** The same with {@code lines} lines per member order. */
    static RoundId invoicedRound(ConfigurableApplicationContext app, int port, ClosingBenchmark.Fixture fixture, int count, int lines)
            throws Exception {
        RoundId round = fixture.round(app, port, count, lines);
        ClosingBenchmark.close(app, fixture, round);
        CommandGateway commands = app.getBean(CommandGateway.class);
        SupplierOrderQueries orders = app.getBean(SupplierOrderQueries.class);
        List<SupplierOrderView> pooled = orders.handle(new FindSupplierOrdersQuery(fixture.groupement(), round, null, null, false));
        ProjectionCatchUp catchUp = app.getBean(ProjectionCatchUp.class);
        // A small round (a smoke run) leaves orders below their supplier's minimum: sent after all.
        for (SupplierOrderView order : pooled) {
            if (order.status() == SupplierOrderStatus.BELOW_MINIMUM) {
                commands.sendAndWait(new DecideBelowMinimumCommand(order.id(), fixture.groupement(), round, order.supplierId(), true));
                catchUp.await(OrderingReadModels.SUPPLIER_ORDERS, order.id());
            }
        }
        for (SupplierOrderView order : pooled) {
            if (order.status() == SupplierOrderStatus.CANCELLED) {
                continue;
            }
            Map<ProductId, Quantity> delivered = new HashMap<>();
            order.lines().forEach(line -> delivered.put(line.product().id(), line.quantity()));
            commands.sendAndWait(new RecordReceptionCommand(order.id(), fixture.groupement(), round, order.supplierId(), delivered));
            catchUp.await(OrderingReadModels.SUPPLIER_ORDERS, order.id());
        }
        Actor coordinator = new Actor(UserId.random(), fixture.coordinator(), "Coordination", Role.COORDINATOR, fixture.groupement(),
                null, null);
        MatchingSupplierInvoices invoices = app.getBean(MatchingSupplierInvoices.class);
        for (SupplierOrderView order : orders.handle(new FindSupplierOrdersQuery(fixture.groupement(), round, null, null, false))) {
            if (order.status() == SupplierOrderStatus.CANCELLED) {
                continue;
            }
            invoices.record(coordinator, order.id(), MatchingSupplierInvoices.asDelivered(order, "F-" + order.id().value().substring(0, 8), LocalDate.now(), null));
        }
        return round;
    }

    /** The split alone: the round's plan (reads and split) and every member's invoice content. */
    static double split(ConfigurableApplicationContext app, ClosingBenchmark.Fixture fixture, RoundId round) {
        long began = System.nanoTime();
        InvoicingPlan plan = app.getBean(InvoicingPlans.class).load(fixture.groupement(), round);
        long cents = 0;
        for (MemberId member : plan.membersInOrder()) {
            InvoiceContent content = MemberInvoiceDrafts.of(plan.parts().get(member), plan.groupement().vatRegime(), plan.feePercent(), "Frais");
            cents += content.totalCents();
        }
        double millis = (System.nanoTime() - began) / 1e6;
        if (cents == 0) {
            throw new IllegalStateException("nothing split");
        }
        return millis;
    }

    /**
     * One statement: every supplier line's amount shared among the members by their received quantities, by largest
     * remainder (floors, then the cents left to the largest remainders, ties to the larger quantity then the member id).
     */
    static double comparator(JdbcClient jdbc, RoundId round) {
        jdbc.sql("""
                CREATE TABLE IF NOT EXISTS bench_split (round_id VARCHAR(64), member_id VARCHAR(64), product_id VARCHAR(64),
                    amount_cents BIGINT)""").update();
        long began = System.nanoTime();
        jdbc.sql("""
                INSERT INTO bench_split
                WITH shares AS (
                    SELECT a.round_id, a.member_id, a.product_id, l.amount_excl_vat_cents AS total,
                           coalesce(a.received, a.allocated) AS q,
                           sum(coalesce(a.received, a.allocated)) OVER (PARTITION BY a.product_id) AS qsum
                    FROM member_allocation a
                    JOIN supplier_order_line l ON l.supplier_order_id = a.supplier_order_id AND l.product_id = a.product_id
                    WHERE a.round_id = :round AND coalesce(a.received, a.allocated) > 0),
                floors AS (
                    SELECT *, floor(total * q / qsum) AS base, total * q / qsum - floor(total * q / qsum) AS remainder FROM shares),
                ranked AS (
                    SELECT *, row_number() OVER (PARTITION BY product_id ORDER BY remainder DESC, q DESC, member_id) AS rank,
                           total - sum(base) OVER (PARTITION BY product_id) AS left_over
                    FROM floors)
                SELECT round_id, member_id, product_id, (base + CASE WHEN rank <= left_over THEN 1 ELSE 0 END)::BIGINT FROM ranked""")
                .param("round", round.value()).update();
        return (System.nanoTime() - began) / 1e6;
    }
}
