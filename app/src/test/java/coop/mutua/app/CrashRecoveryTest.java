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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Crashes of a real node (issue 15): Mutua runs in a JVM of its own, on its database and an SMTP server, and is killed as
 * {@code kill -9} would, then started again on the same database. After a crash during the pooling job, another during
 * the mails that follow it, and a third during the members' invoicing, everything ends done exactly once: one supplier
 * order per supplier, every member's share mail and invoice, invoice numbers without gap or duplicate, and at most one
 * mail sent twice per crash (the one in flight), always with the same Message-ID.
 */
class CrashRecoveryTest {

    private static final int MEMBERS = 30;

    private GreenMail mail;
    private Node node;

    @BeforeEach
    void mailServer() {
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
    }

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
        mail.stop();
    }

    @Test
    void aNodeKilledDuringPoolingDuringItsMailsAndDuringInvoicingEndsWithEverythingDoneOnceAndAtMostOneMailTwicePerCrash() {
        Map<String, String> database = TestDatabase.newDatabaseProperties();
        node = new Node("crash-1", database, mail.getSmtp().getPort(), NodeRound.bootstrap()).start();
        Http http = new Http(node.port());
        NodeRound scenario = new NodeRound(http, MEMBERS);
        for (int i = 0; i < MEMBERS; i++) {
            scenario.order(http, i);
        }

        // Crash 1: during the pooling job itself. The test holds a lock that keeps the job from writing the supplier orders,
        // so that it is surely in the middle of its transaction when the node dies; the next node finds the job's owner
        // silent, recovers the execution and the schedule pools the round again, once.
        try (Connection lock = DriverManager.getConnection(database.get("spring.datasource.url"),
                database.get("spring.datasource.username"), database.get("spring.datasource.password"))) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("LOCK TABLE supplier_order IN SHARE MODE");
            }
            assertThat(http.postJson("/api/rounds/" + scenario.round + "/close", COORDINATOR, PASSWORD, "").status()).isEqualTo(200);
            waitFor(Duration.ofSeconds(60), () -> waitingForTheLock(lock), "the pooling job writing its supplier order");
            node.kill();
            lock.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(mail.getReceivedMessages()).as("no mail before the pooling is done").isEmpty();
        node = new Node("crash-2", database, mail.getSmtp().getPort(), Map.of()).start();

        // Crash 2: as soon as the first of the 31 mails after pooling (the supplier's, then each member's) are out.
        waitFor(Duration.ofSeconds(90), () -> mail.getReceivedMessages().length >= 3, "the first mails after the pooling, recovered");
        node.kill();
        assertThat(node.log()).as("the interrupted pooling recovered").contains("made restartable");
        int atCrash = mail.getReceivedMessages().length;
        node = new Node("crash-3", database, mail.getSmtp().getPort(), Map.of()).start();
        http = new Http(node.port());
        int poolingMails = MEMBERS + 1;
        waitFor(Duration.ofSeconds(90), () -> NodeRound.distinct(mail.getReceivedMessages()) >= poolingMails,
                "every pooling mail after the restart");
        assertThat(NodeRound.distinct(mail.getReceivedMessages())).as("distinct mails after pooling (%d before the crash)", atCrash)
                .isEqualTo(poolingMails);
        NodeRound.checkMail(mail.getReceivedMessages(), poolingMails, 1);

        // Crash 3: once the first member invoices are out; the coordinator starts the invoicing again, which resumes.
        scenario.receiveAndRecordTheSuppliersInvoice(http);
        int beforeInvoicing = mail.getReceivedMessages().length;
        Http.Reply started = http.postJson("/api/rounds/" + scenario.round + "/invoices", COORDINATOR, PASSWORD, "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        waitFor(Duration.ofSeconds(60), () -> mail.getReceivedMessages().length >= beforeInvoicing + 3, "the first invoice mails");
        node.kill();
        node = new Node("crash-4", database, mail.getSmtp().getPort(), Map.of()).start();
        Http restarted = new Http(node.port());
        waitFor(Duration.ofSeconds(120), () -> {
            Node.sleep(300);
            JsonNode progress = restarted.get("/api/rounds/" + scenario.round + "/invoices", COORDINATOR, PASSWORD).json();
            String status = progress.get("status").asString();
            if ("FAILED".equals(status)) {
                restarted.postJson("/api/rounds/" + scenario.round + "/invoices", COORDINATOR, PASSWORD, "");
            }
            return "COMPLETED".equals(status);
        }, "the invoicing resumed to its end");
        waitFor(Duration.ofSeconds(60), () -> NodeRound.distinct(mail.getReceivedMessages()) >= poolingMails + MEMBERS, "every invoice mail");

        String numbers = scenario.checkInvoices(restarted);
        NodeRound.checkMail(mail.getReceivedMessages(), poolingMails + MEMBERS, 2);
        assertThat(restarted.get("/api/rounds/" + scenario.round + "/supplier-orders", COORDINATOR, PASSWORD).json().size())
                .as("supplier orders").isEqualTo(1);
        int sent = mail.getReceivedMessages().length;
        System.out.printf("CrashRecoveryTest: 3 crashes (pooling, its mails, invoicing); %d mails sent for %d, %d twice;"
                + " %d invoices numbered %s%n", sent,
                poolingMails + MEMBERS, sent - NodeRound.distinct(mail.getReceivedMessages()), MEMBERS, numbers);
    }

    /** Whether a session (the pooling job's) is waiting for the test's lock on the supplier orders. */
    private static boolean waitingForTheLock(Connection lock) {
        try (Statement statement = lock.createStatement();
             ResultSet waiting = statement.executeQuery(
                     "SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = 'supplier_order'::regclass")) {
            Node.sleep(50);
            return waiting.next() && waiting.getInt(1) > 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
