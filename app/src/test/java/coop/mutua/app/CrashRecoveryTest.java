package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import coop.mutua.app.support.Http;
import coop.mutua.app.support.Node;
import coop.mutua.app.support.TestDatabase;
import coop.mutua.kernel.Luhn;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Crashes of a real node (issue 15): Mutua runs in a JVM of its own, on its database and an SMTP server, and is killed as
 * {@code kill -9} would, then started again on the same database. After a crash during the mails that follow a pooling,
 * and another during the members' invoicing, everything ends done exactly once: one supplier order per supplier, every
 * member's share mail and invoice, invoice numbers without gap or duplicate, and at most one mail sent twice per crash
 * (the one in flight), always with the same Message-ID.
 */
class CrashRecoveryTest {

    private static final String PASSWORD = "correct horse battery staple";
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
    void aNodeKilledDuringThePoolingMailsAndDuringInvoicingEndsWithEverythingDoneOnceAndAtMostOneMailTwicePerCrash() {
        Map<String, String> database = TestDatabase.newDatabaseProperties();
        Map<String, String> bootstrap = Map.of("MUTUA_BOOTSTRAP_GROUPEMENT_NAME", "Réseau des pannes",
                "MUTUA_BOOTSTRAP_GROUPEMENT_SIRET", siret(), "MUTUA_BOOTSTRAP_GROUPEMENT_EMAIL", "coordination@example.org",
                "MUTUA_BOOTSTRAP_COORDINATOR_USERNAME", "coord-pannes", "MUTUA_BOOTSTRAP_COORDINATOR_PASSWORD", PASSWORD);
        node = new Node("crash-1", database, mail.getSmtp().getPort(), bootstrap).start();
        Http http = new Http(node.port());

        // A round of 30 members, each ordering from one supplier, closed: pooling, then 1 supplier mail and 30 member mails.
        String supplier = created(http.postJson("/api/suppliers", "coord-pannes", PASSWORD, """
                {"name":"Ferme des pannes","siret":"%s","address":{"street":"1 rue","postalCode":"33000","city":"Bordeaux"},
                 "location":"44.85, -0.56","orderEmail":"ferme@example.org"}""".formatted(siret())));
        String apples = created(http.postJson("/api/suppliers/" + supplier + "/products", "coord-pannes", PASSWORD, """
                {"reference":"POM","name":"Pommes","category":"Fruits","saleUnit":"KG","caseSize":"1","vatRate":"5.5","unitPrice":"2.00"}"""));
        List<String> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            members.add(created(http.postJson("/api/members", "coord-pannes", PASSWORD, """
                    {"name":"Structure %d","siret":"%s","essFamily":"ASSOCIATION",
                     "billingAddress":{"street":"%d rue du Port","postalCode":"33000","city":"Bordeaux"},"contactEmail":"membre-%d@example.org"}"""
                    .formatted(i, siret(), i + 1, i))));
        }
        String round = created(http.postJson("/api/rounds", "coord-pannes", PASSWORD, "{\"title\":\"Campagne des pannes\",\"closesAt\":\""
                + OffsetDateTime.now().plusDays(3).withNano(0) + "\",\"deliveryDate\":\"" + LocalDate.now().plusDays(5)
                + "\",\"deliveryPlace\":\"Entrepôt\"}"));
        assertThat(http.putJson("/api/rounds/" + round + "/terms", "coord-pannes", PASSWORD, "{\"suppliers\":[\"" + supplier + "\"]}")
                .status()).isEqualTo(200);
        assertThat(http.postJson("/api/rounds/" + round + "/open", "coord-pannes", PASSWORD, "").status()).isEqualTo(200);
        for (int i = 0; i < MEMBERS; i++) {
            assertThat(http.putJson("/api/rounds/" + round + "/orders/" + members.get(i), "coord-pannes", PASSWORD,
                    "{\"lines\":[{\"productId\":\"" + apples + "\",\"quantity\":\"" + (i + 1) + "\"}]}").status()).isEqualTo(200);
        }
        assertThat(http.postJson("/api/rounds/" + round + "/close", "coord-pannes", PASSWORD, "").status()).isEqualTo(200);

        // Crash 1: as soon as the first mails are out.
        waitFor(Duration.ofSeconds(60), () -> mail.getReceivedMessages().length >= 3, "the first mails after pooling");
        node.kill();
        int atCrash = mail.getReceivedMessages().length;
        node = new Node("crash-2", database, mail.getSmtp().getPort(), Map.of()).start();
        http = new Http(node.port());
        int poolingMails = MEMBERS + 1;
        waitFor(Duration.ofSeconds(90), () -> distinctIds() >= poolingMails, "every pooling mail after the restart");
        assertThat(distinctIds()).as("distinct mails after pooling (sent before the crash: %d)", atCrash).isEqualTo(poolingMails);
        assertThat(mail.getReceivedMessages().length - distinctIds()).as("mails sent twice by the crash").isLessThanOrEqualTo(1);
        JsonNode orders = http.get("/api/rounds/" + round + "/supplier-orders", "coord-pannes", PASSWORD).json();
        assertThat(orders.size()).as("supplier orders").isEqualTo(1);
        String order = orders.get(0).get("id").asString();

        // Reception, the supplier's invoice, then the members' invoicing: crash 2 once the first invoices are out.
        assertThat(http.postJson("/api/supplier-orders/" + order + "/reception", "coord-pannes", PASSWORD, "{\"lines\":[]}").status())
                .isEqualTo(200);
        int quantity = MEMBERS * (MEMBERS + 1) / 2;
        Http.Reply recorded = http.postJson("/api/supplier-orders/" + order + "/invoice", "coord-pannes", PASSWORD, "{\"number\":\"FP-1\","
                + "\"issueDate\":\"" + LocalDate.now() + "\",\"lines\":[{\"productId\":\"" + apples + "\",\"quantity\":\"" + quantity
                + "\",\"unitPrice\":\"2.00\"}]}");
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        if (!"MATCHED".equals(recorded.json().get("status").asString())) {
            assertThat(http.postJson("/api/supplier-invoices/" + recorded.json().get("id").asString() + "/accept", "coord-pannes", PASSWORD, "")
                    .status()).isEqualTo(200);
        }
        int beforeInvoicing = mail.getReceivedMessages().length;
        int distinctBeforeInvoicing = distinctIds();
        Http.Reply started = http.postJson("/api/rounds/" + round + "/invoices", "coord-pannes", PASSWORD, "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        waitFor(Duration.ofSeconds(60), () -> mail.getReceivedMessages().length >= beforeInvoicing + 3, "the first invoice mails");
        node.kill();
        node = new Node("crash-3", database, mail.getSmtp().getPort(), Map.of()).start();
        Http restarted = new Http(node.port());
        // The coordinator starts the invoicing again: it resumes where it stopped.
        waitFor(Duration.ofSeconds(120), () -> {
            pause(300);
            JsonNode progress = restarted.get("/api/rounds/" + round + "/invoices", "coord-pannes", PASSWORD).json();
            if (!"COMPLETED".equals(progress.get("status").asString()) && !"STARTED".equals(progress.get("status").asString())
                    && !"STARTING".equals(progress.get("status").asString())) {
                restarted.postJson("/api/rounds/" + round + "/invoices", "coord-pannes", PASSWORD, "");
            }
            return "COMPLETED".equals(progress.get("status").asString());
        }, "the invoicing resumed to its end");
        waitFor(Duration.ofSeconds(60), () -> distinctIds() >= distinctBeforeInvoicing + MEMBERS, "every invoice mail");

        JsonNode invoices = restarted.get("/api/member-invoices?round=" + round, "coord-pannes", PASSWORD).json();
        assertThat(invoices.size()).as("member invoices").isEqualTo(MEMBERS);
        List<Integer> numbers = new ArrayList<>();
        Map<String, Integer> perMember = new HashMap<>();
        invoices.forEach(invoice -> {
            String number = invoice.get("number").asString();
            numbers.add(Integer.parseInt(number.substring(number.lastIndexOf('-') + 1)));
            perMember.merge(invoice.get("memberId").asString(), 1, Integer::sum);
        });
        assertThat(perMember.values()).as("invoices per member").containsOnly(1);
        assertThat(numbers.stream().sorted().toList()).as("invoice numbers, without gap or duplicate")
                .isEqualTo(java.util.stream.IntStream.rangeClosed(numbers.stream().min(Integer::compare).orElseThrow(),
                        numbers.stream().min(Integer::compare).orElseThrow() + MEMBERS - 1).boxed().toList());
        assertThat(distinctIds()).as("distinct mails in all").isEqualTo(distinctBeforeInvoicing + MEMBERS);
        assertThat(mail.getReceivedMessages().length - distinctIds()).as("mails sent twice by the two crashes").isLessThanOrEqualTo(2);
        // Whatever their Message-IDs: each recipient got each mail once, but at most one per crash twice, the copy
        // carrying the same Message-ID as the first.
        Map<String, java.util.Set<String>> idsPerMail = new HashMap<>();
        Map<String, Integer> copiesPerMail = new HashMap<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            try {
                String key = String.join(",", message.getHeader("To")) + " | " + message.getSubject();
                idsPerMail.computeIfAbsent(key, k -> new java.util.HashSet<>()).add(message.getMessageID());
                copiesPerMail.merge(key, 1, Integer::sum);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(idsPerMail.size()).as("mails (recipient and subject)").isEqualTo(1 + 2 * MEMBERS);
        assertThat(idsPerMail.values()).as("Message-IDs per mail").allSatisfy(ids -> assertThat(ids).hasSize(1));
        assertThat(copiesPerMail.values().stream().mapToInt(copies -> copies - 1).sum()).as("copies beyond the first").isLessThanOrEqualTo(2);
        System.out.printf("CrashRecoveryTest: %d mails sent, %d distinct, %d twice (2 crashes); %d invoices numbered %s..%s%n",
                mail.getReceivedMessages().length, distinctIds(), mail.getReceivedMessages().length - distinctIds(), numbers.size(),
                numbers.stream().min(Integer::compare).orElseThrow(), numbers.stream().max(Integer::compare).orElseThrow());
    }

    private int distinctIds() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            try {
                ids.add(message.getMessageID() + " " + String.join(",", message.getHeader("To") == null ? new String[0] : message.getHeader("To")));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return ids.size();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String created(Http.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("id").asString();
    }

    private static void waitFor(Duration limit, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static String siret() {
        StringBuilder body = new StringBuilder("9");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (body.length() < 13) {
            body.append(random.nextInt(10));
        }
        return body.toString() + Luhn.checkDigit(body.toString());
    }
}
