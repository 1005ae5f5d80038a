package coop.mutua.app;

import static coop.mutua.app.support.NodeRound.COORDINATOR;
import static coop.mutua.app.support.NodeRound.PASSWORD;
import static coop.mutua.app.support.NodeRound.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import coop.mutua.app.support.Http;
import coop.mutua.app.support.Node;
import coop.mutua.app.support.NodeRound;
import coop.mutua.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Several nodes on one PostgreSQL (issue 15): orders through two nodes, the close through one, every mail sent once, one
 * supplier order per supplier; then a third node sweeping for abandoned jobs and a fourth starting while the first
 * invoices (a rolling deploy) leave that invoicing alone, and it finishes, numbered without gap.
 */
class TwoNodesTest {

    private static final int MEMBERS = 40;

    private GreenMail mail;
    private final List<Node> nodes = new ArrayList<>();

    @BeforeEach
    void mailServer() {
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
    }

    @AfterEach
    void stop() {
        nodes.forEach(Node::close);
        mail.stop();
    }

    @Test
    void ordersThroughTwoNodesAreEachPooledOnceAndANodeStartingDuringInvoicingLeavesItToFinish() {
        Map<String, String> database = TestDatabase.newDatabaseProperties();
        Node a = node(new Node("two-a", database, mail.getSmtp().getPort(), NodeRound.bootstrap()).start());
        Node b = node(new Node("two-b", database, mail.getSmtp().getPort(), Map.of()).start());
        Http viaA = new Http(a.port());
        Http viaB = new Http(b.port());
        NodeRound scenario = new NodeRound(viaA, MEMBERS);
        for (int i = 0; i < MEMBERS; i++) {
            scenario.order(i % 2 == 0 ? viaA : viaB, i);
        }
        assertThat(viaB.get("/api/rounds/" + scenario.round + "/orders/" + scenario.members.get(0), COORDINATOR, PASSWORD).json()
                .get("lines").size()).as("an order taken by A, read through B").isEqualTo(1);
        assertThat(viaA.postJson("/api/rounds/" + scenario.round + "/close", COORDINATOR, PASSWORD, "").status()).isEqualTo(200);
        waitFor(Duration.ofSeconds(90), () -> NodeRound.distinct(mail.getReceivedMessages()) >= MEMBERS + 1, "every pooling mail");
        Node.sleep(2000);
        NodeRound.checkMail(mail.getReceivedMessages(), MEMBERS + 1, 0);
        String pooled = viaB.get("/api/rounds/" + scenario.round, COORDINATOR, PASSWORD).json().get("status").asString();
        assertThat(pooled).isEqualTo("POOLED");

        // A rolling deploy: node C is up (its recovery sweeps every 2 s in tests) and node D starts while A invoices; neither
        // may touch A's invoicing (before: the starting node marked it failed, A's next chunk then ended it UNKNOWN, and it
        // could never be resumed). To be sure D starts in the middle of it, the test holds the invoice number series'
        // lock, so A's job waits in its first chunk until D is up.
        scenario.receiveAndRecordTheSuppliersInvoice(viaB);
        Node c = node(new Node("two-c", database, mail.getSmtp().getPort(), Map.of()).start());
        String whenDWasUp;
        long startedAt;
        try (Connection lock = DriverManager.getConnection(database.get("spring.datasource.url"),
                database.get("spring.datasource.username"), database.get("spring.datasource.password"))) {
            lock.setAutoCommit(false);
            try (PreparedStatement series = lock.prepareStatement("""
                    INSERT INTO invoice_series (groupement_id, year, last_number) SELECT id, ?, 0 FROM groupement
                    ON CONFLICT (groupement_id, year) DO UPDATE SET last_number = invoice_series.last_number""")) {
                series.setInt(1, LocalDate.now(ZoneId.of("Europe/Paris")).getYear());
                series.executeUpdate();
            }
            Http.Reply started = viaA.postJson("/api/rounds/" + scenario.round + "/invoices", COORDINATOR, PASSWORD, "");
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            assertThat(started.json().get("status").asString()).as("the answer tells the job runs").isEqualTo("STARTED");
            startedAt = System.nanoTime();
            Node d = node(new Node("two-d", database, mail.getSmtp().getPort(), Map.of()).start());
            Node.sleep(3000);
            whenDWasUp = viaA.get("/api/rounds/" + scenario.round + "/invoices", COORDINATOR, PASSWORD).json().get("status").asString();
            assertThat(whenDWasUp).as("A's invoicing once D is up").isEqualTo("STARTED");
            assertThat(d.log()).doesNotContain("made restartable");
            lock.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        waitFor(Duration.ofSeconds(120), () -> {
            Node.sleep(300);
            String status = viaA.get("/api/rounds/" + scenario.round + "/invoices", COORDINATOR, PASSWORD).json().get("status").asString();
            assertThat(status).as("the invoicing on A").isNotIn("FAILED", "UNKNOWN", "ABANDONED");
            return "COMPLETED".equals(status);
        }, "the invoicing to end on A");
        long invoicingSeconds = (System.nanoTime() - startedAt) / 1_000_000_000;
        String numbers = scenario.checkInvoices(new Http(c.port()));
        waitFor(Duration.ofSeconds(60), () -> NodeRound.distinct(mail.getReceivedMessages()) >= 2 * MEMBERS + 1, "every invoice mail");
        Node.sleep(2000);
        NodeRound.checkMail(mail.getReceivedMessages(), 2 * MEMBERS + 1, 0);
        System.out.printf("TwoNodesTest: %d orders through 2 nodes, 1 supplier order, %d mails once each; invoicing ran about %d s"
                + " beside node C's sweeps, node D up while it was %s; %d invoices numbered %s%n", MEMBERS, mail.getReceivedMessages().length,
                invoicingSeconds, whenDWasUp, MEMBERS, numbers);
    }

    private Node node(Node node) {
        nodes.add(node);
        return node;
    }
}
