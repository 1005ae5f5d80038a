package coop.mutua.app.bench;

import coop.mutua.app.axon.ReadModelCatalog;
import coop.mutua.app.axon.ReadModelRebuilds;
import coop.mutua.billing.application.InvoicingMembers;
import coop.mutua.kernel.RoundId;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Replay benchmark (not a test): N events (default 1,000,000) rebuilt into every read model by the operator's
 * rebuild, against the limit of the same machine in the same run: an ordered read of the event table (COPY out) plus a
 * COPY of the same rows into a table like it. The events are a real history made through the application (a groupement
 * of 20 suppliers and 50 members, four rounds ordered, closed, pooled, received, invoiced by suppliers and to members;
 * 10 members and one round for a smoke run under 10,000 events), then copied as further groupements until N
 * (EventCopies). Run with {@code mvn -Pbench verify} (optional
 * {@code -Dbench.events=N}).
 */
public final class ReplayBenchmark {

    /** The history made through the application; a smaller one for a smoke run (under 10,000 events). */
    private static final int MEMBERS = 50;
    private static final int ROUNDS = 4;
    private static final int SMOKE_EVENTS = 10_000;

    private ReplayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        ConfigurableApplicationContext app = BenchmarkApp.start("replay", List.of());
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            DataSource dataSource = app.getBean(DataSource.class);
            long began = System.nanoTime();
            boolean smoke = events < SMOKE_EVENTS;
            int members = smoke ? 10 : MEMBERS;
            ClosingBenchmark.Fixture fixture = ClosingBenchmark.Fixture.create(app, members);
            for (int r = 0; r < (smoke ? 1 : ROUNDS); r++) {
                RoundId round = InvoicingBenchmark.invoicedRound(app, port, fixture, members);
                app.getBean(InvoicingMembers.class).run(fixture.groupement(), round);
            }
            Thread.sleep(2000);
            // Nothing reads the copies as they are appended: the processes would act on them (pool, e-mail), the
            // projections would race the rebuild. The rebuild restarts the projections it swaps.
            app.getBean(EventProcessingConfiguration.class).eventProcessors().values().stream()
                    .filter(StreamingEventProcessor.class::isInstance).forEach(processor -> ((StreamingEventProcessor) processor).shutDown());
            int template = EventCopies.templateSize(jdbc);
            int copies = Math.max(0, (events - template + template - 1) / template);
            List<String> seeded = app.getBean(ReadModelCatalog.class).all().stream().flatMap(model -> model.seeded().stream()).toList();
            EventCopies.append(dataSource, jdbc, copies, seeded);
            jdbc.sql("VACUUM ANALYZE").update();
            long stored = jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
            long bytes = jdbc.sql("SELECT pg_total_relation_size('domainevententry')").query(Long.class).single();
            System.out.printf(Locale.ROOT, "Replay: %,d events (%d made through the application, %d copies; %,d MiB with indexes) in %.0f s%n",
                    stored, template, copies, bytes >> 20, (System.nanoTime() - began) / 1e9);

            double comparatorSeconds = comparator(dataSource);
            ReadModelRebuilds rebuilds = app.getBean(ReadModelRebuilds.class);
            long start = System.nanoTime();
            String id = rebuilds.start(List.of(ReadModelCatalog.ALL)).id();
            rebuilds.awaitIdle(Duration.ofHours(2));
            double seconds = (System.nanoTime() - start) / 1e9;
            ReadModelRebuilds.Rebuild done = rebuilds.find(id).orElseThrow();
            if (done.state() != ReadModelRebuilds.State.DONE) {
                throw new IllegalStateException("The rebuild did not complete: " + done);
            }
            long rows = 0;
            for (ReadModelCatalog.Entry model : app.getBean(ReadModelCatalog.class).all()) {
                for (String table : model.allTables()) {
                    rows += jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
                }
            }
            new BenchResults("replay")
                    .setup("events", stored).setup("eventTableMiB", bytes >> 20).setup("readModels", done.readModels())
                    .setup("readModelRows", rows)
                    .higherIsBetter("rebuild all read models (start to swapped)", stored / seconds, "events/s",
                            "ordered read + COPY of the events", stored / comparatorSeconds, 0.4)
                    .report("rebuild all: seconds", seconds, "s")
                    .report("  of which copying the tables", Duration.between(done.startedAt(), done.replayingAt()).toMillis() / 1e3, "s")
                    .report("  of which replaying", Duration.between(done.replayingAt(), done.swappingAt()).toMillis() / 1e3, "s")
                    .report("  of which swapping", Duration.between(done.swappingAt(), done.finishedAt()).toMillis() / 1e3, "s")
                    .report("comparator: seconds", comparatorSeconds, "s")
                    .write();
        } finally {
            app.close();
        }
        System.exit(0);
    }

    /** Every event read in order (COPY out to a file) and written as they are (COPY in) into a table like the event table. */
    static double comparator(DataSource dataSource) throws Exception {
        Path file = Files.createTempFile("mutua-bench-events", ".copy");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (var statement = connection.createStatement()) {
                statement.execute("CREATE TABLE bench_events (LIKE domainevententry)");
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            long began = System.nanoTime();
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
                copy.copyOut("COPY (SELECT * FROM domainevententry ORDER BY globalindex) TO STDOUT (FORMAT binary)", out);
            }
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
                copy.copyIn("COPY bench_events FROM STDIN (FORMAT binary)", in);
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            try (var statement = connection.createStatement()) {
                statement.execute("DROP TABLE bench_events");
            }
            return seconds;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
