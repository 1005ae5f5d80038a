package coop.mutua.app.axon;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.zaxxer.hikari.HikariDataSource;
import coop.mutua.app.axon.ReadModelCatalog.Entry;
import coop.mutua.kernel.ConflictException;
import coop.mutua.kernel.ReadModel;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.AbstractTokenEntry;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.ClasspathHandlerDefinition;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds read models from the event store while the service keeps answering from the current ones (README,
 * "Rebuilding read models"; ADR 19).
 *
 * <ol>
 * <li><b>Copy.</b> Empty copies of the read models' tables are made in a schema of their own ({@value #SHADOW}), with
 * their indexes; tables a job also writes are filled from the current ones, and the projections' reset handlers bring
 * them back to what the job wrote.</li>
 * <li><b>Replay.</b> One tracking processor of its own, holding every projection rebuilt, reads every event from the
 * first, in transactions whose search path puts the new schema first: the projections' unchanged SQL writes the new
 * tables, and reads other read models' current ones. Its position against the event store's head is the progress.</li>
 * <li><b>Swap.</b> Once it has caught up, the current projections of this node stop; one transaction takes their tokens
 * (fencing every node's processors), locks the current tables, lets the processor handle what was committed meanwhile,
 * moves the current tables out and the new ones in, and gives each projection's token the rebuild's position, claimed by
 * this node. Readers wait for that transaction only; until it, they read the current tables.</li>
 * </ol>
 * One rebuild runs at a time on the whole database (a PostgreSQL advisory lock, held by the node running it).
 */
@Service
public class ReadModelRebuilds implements SmartLifecycle {

    /** Where the new tables are built. */
    static final String SHADOW = "mutua_rebuild";
    /** Where the current tables go at the swap, to be dropped after it. */
    static final String RETIRED = "mutua_retired";
    /** The rebuild's own processor (and its token's name). */
    static final String PROCESSOR = "mutua-rebuild";
    /** The database-wide rebuild lock (a PostgreSQL advisory lock). */
    static final long LOCK_KEY = 0x4d5554554152L;
    /** How long one attempt of the swap waits for a lock, and for the rebuild to catch up with the tables locked. */
    private static final Duration LOCK_WAIT = Duration.ofSeconds(2);
    private static final Duration CATCH_UP_LOCKED = Duration.ofSeconds(5);
    private static final String INTERRUPTED = "interrupted: the node running it stopped";
    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuilds.class);

    /** Where a rebuild stands. */
    public enum State { COPYING, REPLAYING, SWAPPING, DONE, FAILED }

    /** A rebuild, as the operator sees it: position and head are global event indexes (the progress). */
    public record Rebuild(String id, List<String> readModels, State state, String node, Instant startedAt, Instant updatedAt,
                          Instant replayingAt, Instant swappingAt, Instant finishedAt, long position, long head, String failure) {

        @JsonProperty
        public boolean running() {
            return state != State.DONE && state != State.FAILED;
        }

        /** Share of the events replayed, 0 to 100. */
        @JsonProperty
        public int percent() {
            return state == State.DONE ? 100 : head <= 0 ? 0 : (int) Math.min(100, position * 100 / head);
        }

        /** Events replayed per second, from the start to the last update. */
        @JsonProperty
        public long eventsPerSecond() {
            long millis = Duration.between(startedAt, finishedAt == null ? updatedAt : finishedAt).toMillis();
            return millis <= 0 ? 0 : position * 1000 / millis;
        }
    }

    private final ReadModelCatalog catalog;
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final TokenStore tokenStore;
    private final TransactionManager axonTransactions;
    private final TransactionTemplate transactions;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final int batchSize;
    private final Duration swapWait;
    private final String node;
    private volatile Thread worker;
    private volatile boolean stopping;

    ReadModelRebuilds(ReadModelCatalog catalog, EventProcessingConfiguration processing, EventStore eventStore, TokenStore tokenStore,
                      TransactionManager axonTransactions, PlatformTransactionManager transactionManager, DataSource dataSource,
                      JdbcClient jdbc, Clock clock, @Value("${mutua.rebuild.batch-size:1000}") int batchSize,
                      @Value("${mutua.rebuild.swap-wait:30s}") Duration swapWait) {
        this.catalog = catalog;
        this.processing = processing;
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.axonTransactions = axonTransactions;
        this.transactions = new TransactionTemplate(transactionManager);
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.clock = clock;
        this.batchSize = batchSize;
        this.swapWait = swapWait;
        this.node = ManagementFactory.getRuntimeMXBean().getName();
    }

    /**
     * Starts rebuilding the read models named ({@value ReadModelCatalog#ALL} for all) and those they also write, in the
     * background; refused while another rebuild runs, on any node.
     */
    public synchronized Rebuild start(Collection<String> names) {
        List<Entry> models = catalog.closure(names);
        Connection lock = lock();
        try {
            jdbc.sql("UPDATE read_model_rebuild SET state = 'FAILED', failure = :why, finished_at = updated_at WHERE state NOT IN ('DONE', 'FAILED')")
                    .param("why", INTERRUPTED).update();
            String id = UUID.randomUUID().toString();
            Timestamp now = Timestamp.from(clock.instant());
            jdbc.sql("""
                    INSERT INTO read_model_rebuild (id, read_models, state, node, started_at, updated_at)
                    VALUES (:id, :models, 'COPYING', :node, :now, :now)""")
                    .param("id", id).param("models", models.stream().map(Entry::name).collect(Collectors.joining(",")))
                    .param("node", node).param("now", now).update();
            Thread thread = new Thread(() -> run(id, models, lock), "read-model-rebuild");
            thread.setDaemon(true);
            worker = thread;
            thread.start();
            return find(id).orElseThrow();
        } catch (RuntimeException e) {
            release(lock);
            throw e;
        }
    }

    /** The running rebuild, else the last one. */
    public Optional<Rebuild> current() {
        return jdbc.sql("SELECT * FROM read_model_rebuild ORDER BY started_at DESC LIMIT 1").query(this::rebuild).optional()
                .map(this::interruptedUnlessLocked);
    }

    public Optional<Rebuild> find(String id) {
        return recorded(id).map(this::interruptedUnlessLocked);
    }

    /** The rebuild as recorded, whether or not its node still runs it. */
    private Optional<Rebuild> recorded(String id) {
        return jdbc.sql("SELECT * FROM read_model_rebuild WHERE id = :id").param("id", id).query(this::rebuild).optional();
    }

    /**
     * A rebuild recorded as running whose node no longer holds the lock stopped with its node (a crash, a kill): shown
     * as failed, so that no page waits for it; the next rebuild records it so. A rebuild records its end before it
     * lets the lock go: a record read as running just before that, and the lock found free just after, is read again.
     */
    private Rebuild interruptedUnlessLocked(Rebuild rebuild) {
        if (!rebuild.running() || locked()) {
            return rebuild;
        }
        Rebuild again = recorded(rebuild.id()).orElseThrow();
        if (!again.running()) {
            return again;
        }
        return new Rebuild(again.id(), again.readModels(), State.FAILED, again.node(), again.startedAt(), again.updatedAt(),
                again.replayingAt(), again.swappingAt(), again.updatedAt(), again.position(), again.head(), INTERRUPTED);
    }

    private boolean locked() {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted
                    AND classid::bigint = :high AND objid::bigint = :low AND objsubid = 1)""")
                .param("high", LOCK_KEY >>> 32).param("low", LOCK_KEY & 0xffffffffL).query(Boolean.class).single();
    }

    /** Waits until no rebuild runs on this node (tests, the command-line switch). */
    public void awaitIdle(Duration timeout) throws InterruptedException {
        Thread running = worker;
        if (running != null) {
            running.join(timeout.toMillis());
        }
    }

    private Rebuild rebuild(ResultSet rs, int row) throws SQLException {
        return new Rebuild(rs.getString("id"), List.of(rs.getString("read_models").split(",")), State.valueOf(rs.getString("state")),
                rs.getString("node"), instant(rs, "started_at"), instant(rs, "updated_at"), instant(rs, "replaying_at"),
                instant(rs, "swapping_at"), instant(rs, "finished_at"),
                rs.getLong("position"), rs.getLong("head"), rs.getString("failure"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    // ---------------------------------------------------------------------------------------------------------- run

    private void run(String id, List<Entry> models, Connection lock) {
        long began = System.nanoTime();
        TrackingEventProcessor processor = null;
        List<StreamingEventProcessor> stopped = new ArrayList<>();
        State outcome = null;
        String failure = null;
        try {
            String live = jdbc.sql("SELECT current_schema()").query(String.class).single();
            cleanUp();
            copy(models, live);
            processor = processor(models, live);
            state(id, State.REPLAYING, null);
            processor.start();
            follow(id, processor);
            state(id, State.SWAPPING, null);
            swap(id, models, live, processor, stopped);
            outcome = State.DONE;
            log.info("Rebuilt {} in {} s", names(models), (System.nanoTime() - began) / 1_000_000_000);
        } catch (Exception e) {
            log.error("Rebuild of {} failed", names(models), e);
            if (processor != null) {
                processor.shutDown();
            }
            outcome = State.FAILED;
            failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        } finally {
            // The projections first, then the old tables (readers still on them may hold the drop up), then the outcome:
            // whoever reads DONE or FAILED finds nothing of the rebuild left. Then the lock.
            stopped.forEach(ReadModelRebuilds::restart);
            try {
                cleanUp();
            } catch (RuntimeException e) {
                log.warn("Could not clean up after the rebuild (the next one will)", e);
            }
            if (outcome != null) {
                state(id, outcome, failure);
            }
            release(lock);
            worker = null;
        }
    }

    /** New empty tables like the current ones; seeded tables filled from them, then reset by their projection. */
    private void copy(List<Entry> models, String live) {
        List<String> tables = tables(models);
        List<String> foreignKeys = jdbc.sql("""
                SELECT conname FROM pg_constraint WHERE contype = 'f' AND connamespace = CAST(:live AS regnamespace)
                    AND (conrelid::regclass::text = ANY (:tables) OR confrelid::regclass::text = ANY (:tables))""")
                .param("live", live).param("tables", new SqlArrayValue("text", tables.toArray())).query(String.class).list();
        if (!foreignKeys.isEmpty()) {
            // A new table would come without them (LIKE does not copy them), and a key from another table would follow the old one.
            throw new IllegalStateException("read model tables take no foreign key, found " + foreignKeys);
        }
        transactions.executeWithoutResult(status -> {
            jdbc.sql("CREATE SCHEMA " + SHADOW).update();
            for (Entry model : models) {
                for (String table : model.allTables()) {
                    jdbc.sql("CREATE TABLE " + SHADOW + "." + table + " (LIKE " + live + "." + table + " INCLUDING ALL)").update();
                    nameIndexesAsLive(table, live);
                }
                for (String table : model.seeded()) {
                    // Half of each page left free: the reset that follows rewrites every row, on its own page.
                    jdbc.sql("ALTER TABLE " + SHADOW + "." + table + " SET (fillfactor = 50)").update();
                    jdbc.sql("INSERT INTO " + SHADOW + "." + table + " SELECT * FROM " + live + "." + table).update();
                }
            }
        });
        Transaction transaction = shadowTransactions(live).startTransaction();
        try {
            invoker(models).performReset();
            transaction.commit();
        } catch (RuntimeException e) {
            transaction.rollback();
            throw e;
        }
        // The reset rewrote every seeded row (what the events set is cleared), each beside its old version: no index
        // written. Vacuumed, the old versions leave room for the replay's updates, on their page too; analysed, the
        // statements are planned for the tables' real size. Pages written later are filled as the live ones are.
        for (Entry model : models) {
            for (String table : model.seeded()) {
                jdbc.sql("VACUUM (ANALYZE) " + SHADOW + "." + table).update();
                jdbc.sql("ALTER TABLE " + SHADOW + "." + table + " RESET (fillfactor)").update();
            }
        }
    }

    /**
     * LIKE names the new table's indexes after its columns; each takes the name of the current index it copies (with its
     * constraint, for a key), so that the swapped table is what later migrations expect. Index names are per schema, so
     * the current names are free in the new one.
     */
    private void nameIndexesAsLive(String table, String live) {
        record Index(String name, String definition) {
        }
        String indexes = """
                SELECT i.relname, x.indisprimary || ' ' || x.indisunique || ' ' || regexp_replace(pg_get_indexdef(i.oid), '^.*? USING ', '')
                FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = CAST(:table AS regclass) ORDER BY i.relname""";
        List<Index> current = new ArrayList<>(jdbc.sql(indexes).param("table", live + "." + table)
                .query((rs, n) -> new Index(rs.getString(1), rs.getString(2))).list());
        List<Index> copies = jdbc.sql(indexes).param("table", SHADOW + "." + table).query((rs, n) -> new Index(rs.getString(1), rs.getString(2))).list();
        List<String[]> renames = new ArrayList<>();
        for (Index copy : copies) {
            Index original = current.stream().filter(index -> index.definition().equals(copy.definition())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no index of " + table + " like " + copy));
            current.remove(original);
            if (!original.name().equals(copy.name())) {
                renames.add(new String[] {copy.name(), original.name()});
            }
        }
        // Through names of their own first: a generated name may be another index's current one.
        for (int i = 0; i < renames.size(); i++) {
            jdbc.sql("ALTER INDEX " + SHADOW + "." + renames.get(i)[0] + " RENAME TO mutua_rebuild_index_" + i).update();
        }
        for (int i = 0; i < renames.size(); i++) {
            jdbc.sql("ALTER INDEX " + SHADOW + ".mutua_rebuild_index_" + i + " RENAME TO " + renames.get(i)[1]).update();
        }
    }

    /** The rebuild's processor: every projection rebuilt, from the first event, in batches, failing on any error. */
    private TrackingEventProcessor processor(List<Entry> models, String live) {
        return TrackingEventProcessor.builder()
                .name(PROCESSOR)
                .eventHandlerInvoker(invoker(models))
                .messageSource(eventStore)
                .tokenStore(tokenStore)
                .transactionManager(shadowTransactions(live))
                .errorHandler(PropagatingErrorHandler.instance())
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(batchSize)
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken)
                        .andTokenClaimInterval(100, TimeUnit.MILLISECONDS)
                        .andEventAvailabilityTimeout(100, TimeUnit.MILLISECONDS))
                .build();
    }

    /**
     * The projections' handlers as they are, without the savepoint each live tracking handler runs in (a failure here
     * fails the rebuild), and with failures propagated.
     */
    private static SimpleEventHandlerInvoker invoker(List<Entry> models) {
        Class<?> type = AopUtils.getTargetClass(models.get(0).handler());
        return SimpleEventHandlerInvoker.builder()
                .eventHandlers(models.stream().map(Entry::handler).toList())
                .parameterResolverFactory(ClasspathParameterResolverFactory.forClass(type))
                .handlerDefinition(ClasspathHandlerDefinition.forClass(type))
                .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                .build();
    }

    /**
     * Transactions whose unqualified table names find the new tables first. They commit without waiting for the disk
     * (a rebuild interrupted by a crash starts over), and plan each statement for the tables as they are: a plan cached
     * while a new table was empty would scan it whole once it holds millions of rows.
     */
    private TransactionManager shadowTransactions(String live) {
        return () -> {
            Transaction transaction = axonTransactions.startTransaction();
            try {
                jdbc.sql("""
                        SELECT set_config('search_path', :path, true), set_config('synchronous_commit', 'off', true),
                               set_config('plan_cache_mode', 'force_custom_plan', true), set_config(:rebuilding, 'on', true)""")
                        .param("path", SHADOW + ", " + live).param("rebuilding", ReadModel.REBUILDING).query().listOfRows();
                return transaction;
            } catch (RuntimeException e) {
                transaction.rollback();
                throw e;
            }
        };
    }

    /** Until the processor has handled every event committed so far; its progress recorded every second. */
    private void follow(String id, TrackingEventProcessor processor) throws InterruptedException {
        long lastUpdate = 0;
        long lastLog = System.nanoTime();
        while (true) {
            checkRunning(processor);
            TrackingToken token = token(processor);
            if (System.nanoTime() - lastUpdate > 1_000_000_000L) {
                progress(id, token);
                lastUpdate = System.nanoTime();
            }
            if (System.nanoTime() - lastLog > 10_000_000_000L) {
                find(id).ifPresent(rebuild -> log.info("Rebuild {}: {} % (event {} of {}, {} events/s)", rebuild.readModels(),
                        rebuild.percent(), rebuild.position(), rebuild.head(), rebuild.eventsPerSecond()));
                lastLog = System.nanoTime();
            }
            if (covers(token)) {
                progress(id, token);
                return;
            }
            Thread.sleep(200);
        }
    }

    private void checkRunning(TrackingEventProcessor processor) {
        if (stopping) {
            throw new IllegalStateException("the node is stopping");
        }
        EventTrackerStatus status = processor.processingStatus().get(0);
        if (status != null && status.isErrorState()) {
            throw new IllegalStateException("an event could not be replayed: " + status.getError(), status.getError());
        }
    }

    private static TrackingToken token(TrackingEventProcessor processor) {
        EventTrackerStatus status = processor.processingStatus().get(0);
        return status == null ? null : status.getTrackingToken();
    }

    /** Whether the token covers every event committed now (beyond it nothing, and none of its gaps filled since). */
    private boolean covers(TrackingToken token) {
        if (token == null) {
            return !jdbc.sql("SELECT EXISTS (SELECT 1 FROM domainevententry)").query(Boolean.class).single();
        }
        if (!(token instanceof GapAwareTrackingToken position)) {
            throw new IllegalStateException("Unexpected token " + token);
        }
        // Two index probes (an OR of both would read the whole table).
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM domainevententry WHERE globalindex > :index)").param("index", position.getIndex())
                .query(Boolean.class).single()) {
            return false;
        }
        return position.getGaps().isEmpty() || !jdbc.sql("SELECT EXISTS (SELECT 1 FROM domainevententry WHERE globalindex IN (:gaps))")
                .param("gaps", List.copyOf(position.getGaps())).query(Boolean.class).single();
    }

    private void progress(String id, TrackingToken token) {
        long position = token == null ? 0 : token.position().orElse(0);
        jdbc.sql("""
                UPDATE read_model_rebuild SET position = :position, head = (SELECT coalesce(max(globalindex), 0) FROM domainevententry),
                    updated_at = :now WHERE id = :id""")
                .param("position", position).param("now", Timestamp.from(clock.instant())).param("id", id).update();
    }

    /**
     * Stops this node's current projections and, in one transaction: takes their tokens and locks their tables, lets the
     * rebuild handle what was committed meanwhile, moves the tables and hands the rebuild's position to the projections,
     * claimed by this node. Each attempt waits briefly for its locks and is tried again until {@code swap-wait} has passed.
     */
    private void swap(String id, List<Entry> models, String live, TrackingEventProcessor processor, List<StreamingEventProcessor> stopped)
            throws InterruptedException {
        // Most rows the job wrote since the copy, before any lock and while the projections still run (the swap copies
        // those written since).
        copySeeded(models, live);
        for (Entry model : models) {
            processing.eventProcessor(model.name(), StreamingEventProcessor.class).filter(StreamingEventProcessor::isRunning).ifPresent(current -> {
                current.shutDown();
                stopped.add(current);
            });
        }
        long deadline = System.nanoTime() + swapWait.toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.executeWithoutResult(status -> swapOnce(id, models, live, processor));
                return;
            } catch (DataAccessException | NotCaughtUp e) {
                if (e instanceof DataAccessException failure && !lockFailure(failure)) {
                    throw failure;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the tables could not be swapped within " + swapWait + ": " + e.getMessage(), e);
                }
                log.info("Swap of {} tried again (attempt {}): {}", names(models), attempt, e.getMessage());
                if (!processor.isRunning()) {
                    // The attempt failed after stopping it: it goes on from its last stored position.
                    processor.start();
                }
                while (!covers(token(processor)) && System.nanoTime() < deadline) {
                    checkRunning(processor);
                    Thread.sleep(50);
                }
            }
        }
    }

    /**
     * A lock not granted in time, or a deadlock the swap lost (PostgreSQL's 55P03 and 40P01; Spring reports the first as
     * an uncategorised error).
     */
    static boolean lockFailure(DataAccessException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && ("55P03".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return failure instanceof PessimisticLockingFailureException;
    }

    /** The rebuild had not caught up with the tables locked: the swap lets go of them and tries again. */
    private static final class NotCaughtUp extends RuntimeException {
        NotCaughtUp() {
            super("the rebuild had not caught up after " + CATCH_UP_LOCKED + " with the tables locked");
        }
    }

    private void swapOnce(String id, List<Entry> models, String live, TrackingEventProcessor processor) {
        List<String> tables = tables(models);
        List<String> names = models.stream().map(Entry::name).toList();
        jdbc.sql("SELECT set_config('lock_timeout', :timeout, true)").param("timeout", LOCK_WAIT.toMillis() + "ms").query().listOfRows();
        // Every node's processor stores its token at the start of a batch, before writing the tables: the tokens first,
        // in the same order. A batch under way ends before the swap; the next one finds the tokens taken, then claimed
        // by this node, and lets go of its segment (its position is not the new tables').
        jdbc.sql("SELECT processorname FROM tokenentry WHERE processorname IN (:names) ORDER BY processorname, segment FOR UPDATE")
                .param("names", names).query(String.class).list();
        jdbc.sql("LOCK TABLE " + tables.stream().map(table -> live + "." + table).collect(Collectors.joining(", "))
                + " IN ACCESS EXCLUSIVE MODE").update();
        long deadline = System.nanoTime() + CATCH_UP_LOCKED.toNanos();
        while (!covers(token(processor))) {
            checkRunning(processor);
            if (System.nanoTime() > deadline) {
                throw new NotCaughtUp();
            }
            sleep(10);
        }
        processor.shutDown();
        record Stored(byte[] token, String type) {
        }
        Stored position = jdbc.sql("SELECT token, tokentype FROM tokenentry WHERE processorname = :name AND segment = 0")
                .param("name", PROCESSOR).query((rs, n) -> new Stored(rs.getBytes(1), rs.getString(2))).single();
        copySeeded(models, live);
        jdbc.sql("CREATE SCHEMA " + RETIRED).update();
        for (String table : tables) {
            jdbc.sql("ALTER TABLE " + live + "." + table + " SET SCHEMA " + RETIRED).update();
            jdbc.sql("ALTER TABLE " + SHADOW + "." + table + " SET SCHEMA " + live).update();
        }
        // Claimed by this node now, as Axon's token store writes a claim: another node may claim a segment once this
        // claim is older than its claim timeout, and by then this node's processors hold it (or it is free to take).
        String claimedAt = DateTimeUtils.formatInstant(AbstractTokenEntry.clock.instant());
        for (Entry model : models) {
            int updated = jdbc.sql("""
                    UPDATE tokenentry SET token = :token, tokentype = :type, timestamp = :timestamp, owner = :owner
                    WHERE processorname = :name""")
                    .param("token", position.token()).param("type", position.type()).param("timestamp", claimedAt).param("owner", node)
                    .param("name", model.name()).update();
            if (updated == 0 && processing.eventProcessor(model.name(), StreamingEventProcessor.class).isPresent()) {
                jdbc.sql("""
                        INSERT INTO tokenentry (processorname, segment, token, tokentype, timestamp, owner)
                        VALUES (:name, 0, :token, :type, :timestamp, :owner)""")
                        .param("token", position.token()).param("type", position.type()).param("timestamp", claimedAt).param("owner", node)
                        .param("name", model.name()).update();
            }
            // What the current projection held back was handled by the rebuild (which fails on any error).
            jdbc.sql("DELETE FROM deadletterentry WHERE processinggroup = :name").param("name", model.name()).update();
            jdbc.sql("DELETE FROM dead_letter_overflow WHERE processing_group = :name").param("name", model.name()).update();
        }
        jdbc.sql("""
                UPDATE read_model_rebuild r SET head = e.last, position = e.last
                FROM (SELECT coalesce(max(globalindex), 0) AS last FROM domainevententry) e WHERE r.id = :id""").param("id", id).update();
    }

    /** Rows the job wrote after the copy, as they stand (their events were handled by the current projection). */
    private void copySeeded(List<Entry> models, String live) {
        for (Entry model : models) {
            for (String table : model.seeded()) {
                jdbc.sql("INSERT INTO " + SHADOW + "." + table + " SELECT * FROM " + live + "." + table + " ON CONFLICT DO NOTHING").update();
            }
        }
    }

    /**
     * Starts a projection stopped for the swap again; a start refused while its last worker is still ending is tried
     * again, for a while.
     */
    private static void restart(StreamingEventProcessor processor) {
        for (int attempt = 1; ; attempt++) {
            try {
                processor.start();
                return;
            } catch (RuntimeException e) {
                if (attempt == 20) {
                    log.error("Could not restart projection {} after the rebuild: restart the node", processor.getName(), e);
                    return;
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Drops what a rebuild leaves: its schemas (the new tables if it failed, the old ones after a swap) and its token. */
    private void cleanUp() {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("SELECT set_config('lock_timeout', :timeout, true)").param("timeout", swapWait.toMillis() + "ms").query().listOfRows();
            jdbc.sql("DROP SCHEMA IF EXISTS " + SHADOW + " CASCADE").update();
            jdbc.sql("DROP SCHEMA IF EXISTS " + RETIRED + " CASCADE").update();
            jdbc.sql("DELETE FROM tokenentry WHERE processorname = :name").param("name", PROCESSOR).update();
        });
    }

    private void state(String id, State state, String failure) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                UPDATE read_model_rebuild SET state = :state, failure = :failure, updated_at = :now,
                    replaying_at = CASE WHEN :replaying THEN CAST(:now AS TIMESTAMPTZ) ELSE replaying_at END,
                    swapping_at = CASE WHEN :swapping THEN CAST(:now AS TIMESTAMPTZ) ELSE swapping_at END,
                    finished_at = CASE WHEN :finished THEN CAST(:now AS TIMESTAMPTZ) END
                WHERE id = :id""")
                .param("state", state.name()).param("failure", failure).param("now", now).param("replaying", state == State.REPLAYING)
                .param("swapping", state == State.SWAPPING).param("finished", state == State.DONE || state == State.FAILED)
                .param("id", id).update();
    }

    // -------------------------------------------------------------------------------------------- one at a time

    /** A connection of its own holding the database-wide rebuild lock, or a refusal when another rebuild holds it. */
    private Connection lock() {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                statement.setLong(1, LOCK_KEY);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        throw new ConflictException("rebuild.running");
                    }
                }
            }
            return connection;
        } catch (SQLException e) {
            release(connection);
            throw new IllegalStateException("Could not take the rebuild lock", e);
        } catch (RuntimeException e) {
            release(connection);
            throw e;
        }
    }

    private void release(Connection connection) {
        if (connection == null) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock_all()")) {
            statement.execute();
        } catch (SQLException e) {
            // Back in the pool, the connection would hold the lock for ever: it is closed for good instead, before any
            // other thread can borrow it.
            log.warn("Could not release the rebuild lock: its connection is closed", e);
            evict(connection);
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.warn("Could not return the rebuild lock's connection", e);
        }
    }

    private void evict(Connection connection) {
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                dataSource.unwrap(HikariDataSource.class).evictConnection(connection);
            } else {
                connection.unwrap(Connection.class).close();
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("Could not close the rebuild lock's connection", e);
        }
    }

    /** Every table the read models write, their own and those they also write. */
    private static List<String> tables(List<Entry> models) {
        return models.stream().flatMap(model -> model.allTables().stream()).toList();
    }

    private static String names(List<Entry> models) {
        return models.stream().map(Entry::name).collect(Collectors.joining(", "));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    // ---------------------------------------------------------------------------------------------- lifecycle

    @Override
    public void start() {
        stopping = false;
    }

    /** A rebuild running when the node stops fails (nothing swapped); the next one starts over. */
    @Override
    public void stop() {
        stopping = true;
        try {
            awaitIdle(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return !stopping;
    }

    /** Stopped before Axon's processors and the database (which stop in later phases of the shutdown). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 10;
    }
}
