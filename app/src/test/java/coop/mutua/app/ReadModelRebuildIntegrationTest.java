package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.mutua.app.account.Accounts;
import coop.mutua.app.axon.ReadModelCatalog;
import coop.mutua.app.axon.ReadModelRebuilds;
import coop.mutua.app.support.Eventually;
import coop.mutua.app.support.FreshGroupement.Named;
import coop.mutua.app.support.GeneratedRound;
import coop.mutua.app.support.Http;
import coop.mutua.app.support.IntegrationTest;
import coop.mutua.app.support.NodeRound;
import coop.mutua.app.support.Pages;
import coop.mutua.app.support.RoundFlow;
import coop.mutua.app.support.RoundScenario;
import coop.mutua.app.support.RoundsThroughApi;
import coop.mutua.app.support.TableRows;
import coop.mutua.app.support.TestGroupements;
import coop.mutua.app.support.TestGroupements.TestGroupement;
import coop.mutua.catalog.api.ListSupplierCommand;
import coop.mutua.catalog.api.EssFamily;
import coop.mutua.catalog.api.ListingRequestDetails;
import coop.mutua.catalog.api.RefuseListingRequestCommand;
import coop.mutua.catalog.api.RequestListingChangesCommand;
import coop.mutua.catalog.api.Sector;
import coop.mutua.catalog.api.SetMemberGoalsCommand;
import coop.mutua.catalog.api.SubmitListingRequestCommand;
import coop.mutua.kernel.GeoPoint;
import coop.mutua.kernel.ListingRequestId;
import coop.mutua.kernel.Money;
import java.util.Set;
import coop.mutua.catalog.api.UnlistSupplierCommand;
import coop.mutua.kernel.ListingId;
import coop.mutua.kernel.Siret;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Rebuilding read models (issue 17, ADR 19): every rebuildable table is rebuilt from the events identical to what the
 * live projections wrote, the service answers throughout, and writes made during a rebuild are neither lost nor
 * applied twice.
 */
@IntegrationTest
class ReadModelRebuildIntegrationTest {

    private static final String PASSWORD = TestGroupements.PASSWORD;

    @Value("${local.server.port}")
    int port;
    @Autowired
    TestGroupements groupements;
    @Autowired
    ReadModelCatalog catalog;
    @Autowired
    ReadModelRebuilds rebuilds;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    @Qualifier("serializer")
    Serializer serializer;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    CommandGateway commands;

    private String operator;
    private Http http;

    @BeforeEach
    void operator() {
        operator = "reconstruction-" + System.nanoTime();
        accounts.createOperator(operator, PASSWORD, "Exploitation");
        http = new Http(port);
    }

    @Test
    void rebuildingEveryReadModelGivesTheSameTablesWhileTheServiceAnswers(@Named("Réseau reconstruit") RoundFlow flow) throws Exception {
        // Whole rounds, from the catalog to payments and credit notes: every read model has rows.
        for (long seed = 1; seed <= 3; seed++) {
            GeneratedRound.run(RoundScenario.generate(seed * 7919), port, groupements, new GeneratedRound.Options(false, true));
        }
        // And a supplier's report of a change (which the generated rounds leave out).
        TestGroupement groupement = flow.groupement();
        String apples = flow.product(groupement.supplierId(), RoundsThroughApi.APPLES);
        String round = flow.openRound("Reconstruite", "PRO_RATA", "BY_VALUE", "0", List.of(groupement.supplierId()));
        flow.order(round, groupement.memberId(), "{\"productId\":\"" + apples + "\",\"quantity\":\"10\"}");
        flow.close(round);
        String order = flow.supplierOrders(round).get(0).get("id").asString();
        Http.Reply reported = http.postJson("/api/supplier-orders/" + order + "/changes", groupement.supplier(), PASSWORD,
                "{\"productId\":\"" + apples + "\",\"change\":\"OUT_OF_STOCK\"}");
        assertThat(reported.status()).as(reported.body()).isEqualTo(200);
        // The network directory: one entity listed by two groupements, another listed then withdrawn.
        TestGroupement other = groupements.create("Réseau voisin reconstruit");
        String shared = NodeRound.siret();
        String withdrawn = NodeRound.siret();
        commands.sendAndWait(new ListSupplierCommand(ListingId.ofSiret(new Siret(shared)), groupement.id(), groupement.supplierId(),
                NetworkListingIntegrationTest.details(shared, "Conserverie partagée")));
        commands.sendAndWait(new ListSupplierCommand(ListingId.ofSiret(new Siret(shared)), other.id(), other.supplierId(),
                NetworkListingIntegrationTest.details(shared, "Conserverie partagée (SCIC)")));
        commands.sendAndWait(new ListSupplierCommand(ListingId.ofSiret(new Siret(withdrawn)), other.id(), other.supplierId(),
                NetworkListingIntegrationTest.details(withdrawn, "Retirée")));
        commands.sendAndWait(new UnlistSupplierCommand(ListingId.ofSiret(new Siret(withdrawn)), other.id()));
        commands.sendAndWait(new SetMemberGoalsCommand(groupement.memberId(), groupement.id(), 40, null, 60));
        // Listing requests: one waiting, one asked for changes, one refused.
        ListingRequestDetails asked = new ListingRequestDetails("Recyclerie reconstruite", NodeRound.siret(), EssFamily.ASSOCIATION, List.of(),
                Sector.SERVICES, List.of("Réemploi"), "1 rue du Port", "64100", "64102", new GeoPoint(43.49, -1.47), Set.of("64"), null,
                Money.ZERO, "Inès Duval", "ines@example.org", null, null, null);
        ListingRequestId waiting = ListingRequestId.random();
        ListingRequestId questioned = ListingRequestId.random();
        ListingRequestId refused = ListingRequestId.random();
        for (ListingRequestId request : List.of(waiting, questioned, refused)) {
            commands.sendAndWait(new SubmitListingRequestCommand(request, groupement.id(), asked, "c".repeat(64)));
        }
        commands.sendAndWait(new RequestListingChangesCommand(questioned, groupement.id(), "Vos jours de collecte ?", "d".repeat(64)));
        commands.sendAndWait(new RefuseListingRequestCommand(refused, groupement.id(), "Hors secteur"));
        Eventually.equal(3L, () -> jdbc.sql("SELECT count(*) FROM listing_request WHERE groupement_id = :g")
                .param("g", groupement.id().value()).query(Long.class).single());
        Eventually.equal(List.of("Conserverie partagée (SCIC) 2"), () -> jdbc.sql(
                "SELECT name || ' ' || listed_by FROM network_listing WHERE siret IN (:shared, :withdrawn)")
                .param("shared", shared).param("withdrawn", withdrawn).query(String.class).list());
        Map<String, List<Map<String, Object>>> before = tables();
        before.forEach((table, rows) -> assertThat(rows).as(table + " has rows to rebuild").isNotEmpty());
        Map<String, Long> tablesBefore = oids();
        Map<String, List<String>> structureBefore = structure();
        // What a faulty projection or a hand edit could leave: the rebuild writes it again from the events.
        jdbc.sql("UPDATE purchase_round SET title = 'abîmé' WHERE id = :id").param("id", round).update();
        jdbc.sql("DELETE FROM member_order_line WHERE round_id = :id").param("id", round).update();
        jdbc.sql("UPDATE member_allocation SET received = 999 WHERE round_id = :id").param("id", round).update();

        AtomicBoolean rebuilding = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
        Thread reader = new Thread(() -> {
            Http reads = new Http(port);
            while (rebuilding.get()) {
                statuses.add(reads.get("/api/suppliers", groupement.coordinator(), PASSWORD).status());
            }
        });
        reader.start();
        JsonNode done = awaitEnd(startRebuild("all"));
        rebuilding.set(false);
        reader.join();

        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("readModels").size()).isEqualTo(catalog.all().size());
        assertThat(done.get("percent").asInt()).isEqualTo(100);
        assertThat(done.get("running").asBoolean()).isFalse();
        assertThat(statuses).as("the service answered during the rebuild").isNotEmpty().containsOnly(200);
        Map<String, List<Map<String, Object>>> rebuilt = tables();
        before.forEach((table, rows) -> assertThat(rebuilt.get(table)).as("rebuilt " + table).isEqualTo(rows));
        oids().forEach((table, oid) -> assertThat(oid).as("a new " + table).isNotEqualTo(tablesBefore.get(table)));
        // Same index and constraint names and definitions: a later migration naming one finds it.
        assertThat(structure()).isEqualTo(structureBefore);
        assertThat(leftovers()).as("schemas and token of the rebuild, dropped").isZero();

        // The projections go on from the rebuild's position: new events reach the new tables, once.
        String after = createRound(http, groupement, "Après la reconstruction");
        assertThat(http.get("/api/rounds/" + after, groupement.coordinator(), PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void writesDuringARebuildAreNeitherLostNorAppliedTwice() throws Exception {
        TestGroupement groupement = groupements.create("Réseau en activité");
        Http writes = new Http(port);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger created = new AtomicInteger();
        List<Throwable> failures = new ArrayList<>();
        Thread writer = new Thread(() -> {
            try {
                while (writing.get()) {
                    createRound(writes, groupement, "Pendant " + created.incrementAndGet());
                }
            } catch (Throwable e) {
                failures.add(e);
            }
        });
        writer.start();
        Thread.sleep(300);
        JsonNode first = http.postJson("/api/operator/read-models/rebuilds", operator, PASSWORD,
                "{\"readModels\":[\"ordering-rounds\",\"catalog-directory\"]}").json();
        assertThat(http.postJson("/api/operator/read-models/rebuilds", operator, PASSWORD, "{\"readModels\":[\"all\"]}").status())
                .as("one rebuild at a time").isEqualTo(409);
        assertThat(awaitEnd(first.get("id").asString()).get("state").asString()).isEqualTo("DONE");
        Thread.sleep(300);
        writing.set(false);
        writer.join();
        assertThat(failures).isEmpty();

        Map<String, List<Map<String, Object>>> live = tables();
        assertThat(jdbc.sql("SELECT count(*) FROM purchase_round WHERE groupement_id = :g").param("g", groupement.id().value())
                .query(Long.class).single()).as("every round created, before, during and after the swap").isEqualTo(created.get());
        // A second rebuild, with nothing written meanwhile, finds exactly what the first one and the live projection left.
        assertThat(awaitEnd(startRebuild("ordering-rounds")).get("state").asString()).isEqualTo("DONE");
        assertThat(tables()).isEqualTo(live);
    }

    @Test
    void onlyTheOperatorRebuildsAndUnknownReadModelsAreNamed() {
        TestGroupement groupement = groupements.create("Réseau curieux");
        assertThat(http.postJson("/api/operator/read-models/rebuilds", groupement.coordinator(), PASSWORD, "{\"readModels\":[\"all\"]}").status())
                .isEqualTo(403);
        Http.Reply unknown = http.postJson("/api/operator/read-models/rebuilds", operator, PASSWORD, "{\"readModels\":[\"nope\"]}");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("readModels").contains("nope");
        assertThat(http.postJson("/api/operator/read-models/rebuilds", operator, PASSWORD, "{\"readModels\":[]}").status()).isEqualTo(422);
        // The closure: the supplier orders projection also writes the rounds' table, so both are rebuilt.
        assertThat(catalog.closure(List.of("ordering-supplier-orders"))).extracting(ReadModelCatalog.Entry::name)
                .containsExactly("ordering-rounds", "ordering-supplier-orders");

        String page = Pages.loggedIn(port, operator, PASSWORD).get("/operator/read-models", null, null).body();
        catalog.all().forEach(model -> assertThat(page).contains(model.name()));

        // A rebuild whose node died (recorded as running, its lock gone) is shown as failed, and does not block the next.
        String dead = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO read_model_rebuild (id, read_models, state, node, started_at, updated_at, position, head)
                VALUES (:id, 'ordering-rounds', 'REPLAYING', 'noeud-disparu', now(), now(), 10, 100)""").param("id", dead).update();
        JsonNode interrupted = http.get("/api/operator/read-models", operator, PASSWORD).json().get("rebuild");
        assertThat(interrupted.get("id").asString()).isEqualTo(dead);
        assertThat(interrupted.get("state").asString()).isEqualTo("FAILED");
        assertThat(interrupted.get("failure").asString()).contains("interrupted");
        assertThat(Pages.loggedIn(port, operator, PASSWORD).get("/operator/read-models", null, null).body())
                .doesNotContain("follow-work").contains("rebuild-failure");
    }

    /**
     * Another node's processor, holding a projection's segment at an old position when the swap happens, can neither
     * store that position over the rebuild's nor claim the segment again before the claim the swap wrote times out.
     */
    @Test
    void anotherNodesProcessorCannotGoOnFromItsOldPosition() throws Exception {
        groupements.create("Réseau à deux nœuds");
        String name = "catalog-directory";
        StreamingEventProcessor ours = processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
        ours.shutDown();
        try {
            JdbcTokenStore otherNode = JdbcTokenStore.builder().connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                    .serializer(serializer).nodeId("autre-noeud").build();
            TrackingToken old = transactions.execute(status -> otherNode.fetchToken(name, 0));

            assertThat(awaitEnd(startRebuild(name), Duration.ofMinutes(1)).get("state").asString()).isEqualTo("DONE");
            assertThat(ours.isRunning()).as("a processor stopped before the rebuild stays stopped").isFalse();

            assertThat(jdbc.sql("SELECT DISTINCT owner FROM tokenentry WHERE processorname = :name").param("name", name).query(String.class).list())
                    .as("the segments are claimed by the node that swapped").containsExactly(ManagementFactory.getRuntimeMXBean().getName());
            assertThatThrownBy(() -> transactions.executeWithoutResult(status -> otherNode.storeToken(old, name, 0)))
                    .isInstanceOf(UnableToClaimTokenException.class);
            assertThatThrownBy(() -> transactions.execute(status -> otherNode.fetchToken(name, 0)))
                    .isInstanceOf(UnableToClaimTokenException.class);
            // This node's projection, started again, takes its segment at once (its own claim), well before the claim
            // timeout would let any node take it.
            ours.start();
            long claimed = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!ours.processingStatus().containsKey(0) && System.nanoTime() < claimed) {
                Thread.sleep(20);
            }
            assertThat(ours.processingStatus()).as("segment 0 claimed by this node within 5 s").containsKey(0);
        } finally {
            if (!ours.isRunning()) {
                ours.start();
            }
        }
    }

    /**
     * A long read on a live table holds the swap's lock up: the swap lets go after its short lock wait and tries again, so
     * readers that queue behind its lock request wait seconds at most, not until the long read ends; then it swaps.
     */
    @Test
    void aLongReadDelaysTheSwapWithoutHoldingUpOtherReaders() throws Exception {
        groupements.create("Réseau en longue lecture");
        List<Long> waits = new ArrayList<>();
        try (Connection longRead = dataSource.getConnection()) {
            longRead.setAutoCommit(false);
            longRead.createStatement().execute("LOCK TABLE purchase_round IN ACCESS SHARE MODE");
            String started = startRebuild("ordering-rounds");
            long until = System.nanoTime() + Duration.ofSeconds(8).toNanos();
            while (System.nanoTime() < until) {
                long began = System.nanoTime();
                jdbc.sql("SELECT count(*) FROM purchase_round").query(Long.class).single();
                waits.add((System.nanoTime() - began) / 1_000_000);
                Thread.sleep(100);
            }
            assertThat(rebuilds.find(started).orElseThrow().state()).as("still waiting for the long read")
                    .isEqualTo(ReadModelRebuilds.State.SWAPPING);
            longRead.rollback();
            assertThat(awaitEnd(started, Duration.ofSeconds(40)).get("state").asString()).isEqualTo("DONE");
        }
        assertThat(waits.stream().mapToLong(Long::longValue).max().orElseThrow()).as("longest wait of a reader, ms").isLessThan(4000);
    }

    /** A member's submission holding a round's gate does not hold up the replay of that round's opening. */
    @Test
    void aSubmissionAtTheGateDoesNotHoldUpTheRebuild(@Named("Réseau au portillon") RoundFlow flow) throws Exception {
        TestGroupement groupement = flow.groupement();
        flow.product(groupement.supplierId(), RoundsThroughApi.APPLES);
        String round = flow.openRound("Portillon", "PRO_RATA", "BY_VALUE", "0", List.of(groupement.supplierId()));
        try (Connection submission = dataSource.getConnection()) {
            submission.setAutoCommit(false);
            try (PreparedStatement gate = submission.prepareStatement("SELECT pg_advisory_xact_lock_shared(?, hashtext(?))")) {
                gate.setInt(1, 0x4d494e54);
                gate.setString(2, round);
                gate.execute();
            }
            assertThat(awaitEnd(startRebuild("ordering-intake"), Duration.ofSeconds(30)).get("state").asString()).isEqualTo("DONE");
            submission.rollback();
        }
        assertThat(jdbc.sql("SELECT state FROM round_intake WHERE round_id = :id").param("id", round).query(String.class).single()).isEqualTo("OPEN");
    }

    /**
     * An event a projection cannot replay fails the rebuild: the live tables stay as they were, this node's projections
     * go on, and the next rebuild may start.
     */
    @Test
    void aRebuildThatFailsLeavesTheLiveTablesAndReleasesItsLock() throws Exception {
        groupements.create("Réseau empoisonné");
        Map<String, List<Map<String, Object>>> before = tables();
        Map<String, Long> oidsBefore = oids();
        // Before every stored event (the live projections are past it): a round's creation without its fields.
        jdbc.sql("""
                INSERT INTO domainevententry (globalindex, aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload,
                    payloadtype, timestamp)
                VALUES (0, :aggregate, 0, 'PurchaseRound', :event, CAST('{}' AS BYTEA), CAST('{"title":null}' AS BYTEA),
                    'coop.mutua.ordering.api.PurchaseRoundCreatedEvent', '2020-01-01T00:00:00Z')""")
                .param("aggregate", UUID.randomUUID().toString()).param("event", UUID.randomUUID().toString()).update();
        try {
            JsonNode failed = awaitEnd(startRebuild("ordering-rounds"), Duration.ofMinutes(1));
            assertThat(failed.get("state").asString()).isEqualTo("FAILED");
            assertThat(failed.get("failure").asString()).isNotBlank();
        } finally {
            jdbc.sql("DELETE FROM domainevententry WHERE globalindex = 0").update();
        }
        assertThat(tables()).isEqualTo(before);
        assertThat(oids()).isEqualTo(oidsBefore);
        assertThat(leftovers()).isZero();
        catalog.all().forEach(model -> processing.eventProcessor(model.name(), StreamingEventProcessor.class)
                .ifPresent(processor -> assertThat(processor.isRunning()).as(model.name()).isTrue()));
        // The projections go on, and the lock is free for the next rebuild.
        TestGroupement after = groupements.create("Réseau après l'échec");
        String round = createRound(http, after, "Après l'échec");
        assertThat(http.get("/api/rounds/" + round, after.coordinator(), PASSWORD).status()).isEqualTo(200);
        assertThat(awaitEnd(startRebuild("ordering-rounds"), Duration.ofMinutes(1)).get("state").asString()).isEqualTo("DONE");
    }

    /** Starts a rebuild of one read model (or "all") through the API, as the operator; its id. */
    private String startRebuild(String readModel) {
        Http.Reply started = http.postJson("/api/operator/read-models/rebuilds", operator, PASSWORD, "{\"readModels\":[\"" + readModel + "\"]}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        return started.json().get("id").asString();
    }

    private JsonNode awaitEnd(String id) throws InterruptedException {
        return awaitEnd(id, Duration.ofMinutes(2));
    }

    private JsonNode awaitEnd(String id, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode rebuild = http.get("/api/operator/read-models", operator, PASSWORD).json().get("rebuild");
            assertThat(rebuild.get("id").asString()).isEqualTo(id);
            String state = rebuild.get("state").asString();
            if (state.equals("DONE") || state.equals("FAILED")) {
                return rebuild;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("rebuild " + id + " did not end");
    }

    private long leftovers() {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM pg_namespace WHERE nspname IN ('mutua_rebuild', 'mutua_retired'))
                     + (SELECT count(*) FROM tokenentry WHERE processorname = 'mutua-rebuild')""").query(Long.class).single();
    }

    /** Each rebuildable table's indexes and constraints: names and definitions (without the schema). */
    private Map<String, List<String>> structure() {
        Map<String, List<String>> structure = new LinkedHashMap<>();
        catalog.all().forEach(model -> model.allTables().forEach(table -> structure.put(table, jdbc.sql("""
                SELECT 'index ' || i.relname || ' ' || regexp_replace(pg_get_indexdef(i.oid), '^.*? USING ', '') AS item
                FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = CAST(:t AS regclass)
                UNION ALL
                SELECT 'constraint ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = CAST(:t AS regclass)
                ORDER BY 1""").param("t", table).query(String.class).list())));
        return structure;
    }

    private Map<String, Long> oids() {
        Map<String, Long> oids = new LinkedHashMap<>();
        catalog.all().forEach(model -> model.allTables().forEach(table ->
                oids.put(table, jdbc.sql("SELECT :t::regclass::oid").param("t", table).query(Long.class).single())));
        return oids;
    }

    /** Every rebuildable table's rows, in a fixed order, arrays as lists. */
    private Map<String, List<Map<String, Object>>> tables() {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        for (ReadModelCatalog.Entry model : catalog.all()) {
            for (String table : model.allTables()) {
                List<Map<String, Object>> rows = TableRows.of(jdbc, "SELECT * FROM " + table + " t ORDER BY t::text");
                tables.put(table, rows);
            }
        }
        return tables;
    }

    /** A draft round, through the API; its id. */
    private static String createRound(Http http, TestGroupement groupement, String title) {
        Http.Reply created = http.postJson("/api/rounds", groupement.coordinator(), PASSWORD, "{\"title\":\"" + title + "\",\"closesAt\":\""
                + OffsetDateTime.now().plusDays(5).withNano(0) + "\",\"deliveryDate\":\"" + OffsetDateTime.now().plusDays(8).toLocalDate()
                + "\",\"deliveryPlace\":\"Ici\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }
}
