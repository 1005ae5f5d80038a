package coop.mutua.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.kernel.Luhn;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;

/**
 * A round made through the API of {@link Node}s (which have no test helpers inside): the groupement and its coordinator
 * come from the MUTUA_BOOTSTRAP_* variables ({@link #bootstrap()}), then a supplier with one product, {@code members}
 * member structures (member i orders i+1 kg), a round opened with that supplier; the orders may go through several nodes.
 * Also the checks on the mail a round sends, and waiting.
 */
public final class NodeRound {

    public static final String COORDINATOR = "coord-noeuds";
    public static final String PASSWORD = "correct horse battery staple";

    public final String supplier;
    public final String product;
    public final List<String> members = new ArrayList<>();
    public final String round;

    public NodeRound(Http http, int members) {
        supplier = created(http.postJson("/api/suppliers", COORDINATOR, PASSWORD, """
                {"name":"Ferme des nœuds","siret":"%s","address":{"street":"1 rue","postalCode":"33000","city":"Bordeaux"},
                 "location":"44.85, -0.56","orderEmail":"ferme@example.org"}""".formatted(siret())));
        product = created(http.postJson("/api/suppliers/" + supplier + "/products", COORDINATOR, PASSWORD, """
                {"reference":"POM","name":"Pommes","category":"Fruits","saleUnit":"KG","caseSize":"1","vatRate":"5.5","unitPrice":"2.00"}"""));
        for (int i = 0; i < members; i++) {
            this.members.add(created(http.postJson("/api/members", COORDINATOR, PASSWORD, """
                    {"name":"Structure %d","siret":"%s","essFamily":"ASSOCIATION",
                     "billingAddress":{"street":"%d rue du Port","postalCode":"33000","city":"Bordeaux"},"contactEmail":"membre-%d@example.org"}"""
                    .formatted(i, siret(), i + 1, i))));
        }
        round = created(http.postJson("/api/rounds", COORDINATOR, PASSWORD, "{\"title\":\"Campagne des nœuds\",\"closesAt\":\""
                + OffsetDateTime.now().plusDays(3).withNano(0) + "\",\"deliveryDate\":\"" + LocalDate.now().plusDays(5)
                + "\",\"deliveryPlace\":\"Entrepôt\"}"));
        assertThat(http.putJson("/api/rounds/" + round + "/terms", COORDINATOR, PASSWORD, "{\"suppliers\":[\"" + supplier + "\"]}")
                .status()).isEqualTo(200);
        assertThat(http.postJson("/api/rounds/" + round + "/open", COORDINATOR, PASSWORD, "").status()).isEqualTo(200);
    }

    /** The first groupement and its coordinator, for a node started on an empty database. */
    public static Map<String, String> bootstrap() {
        return Map.of("MUTUA_BOOTSTRAP_GROUPEMENT_NAME", "Réseau des nœuds", "MUTUA_BOOTSTRAP_GROUPEMENT_SIRET", siret(),
                "MUTUA_BOOTSTRAP_GROUPEMENT_EMAIL", "coordination@example.org", "MUTUA_BOOTSTRAP_COORDINATOR_USERNAME", COORDINATOR,
                "MUTUA_BOOTSTRAP_COORDINATOR_PASSWORD", PASSWORD);
    }

    /** Member i orders i+1 kg, through the given node. */
    public void order(Http http, int member) {
        assertThat(http.putJson("/api/rounds/" + round + "/orders/" + members.get(member), COORDINATOR, PASSWORD,
                "{\"lines\":[{\"productId\":\"" + product + "\",\"quantity\":\"" + (member + 1) + "\"}]}").status()).isEqualTo(200);
    }

    /** Everything arrived, the supplier's invoice recorded (and its differences accepted): the round is ready to invoice. */
    public void receiveAndRecordTheSuppliersInvoice(Http http) {
        JsonNode orders = http.get("/api/rounds/" + round + "/supplier-orders", COORDINATOR, PASSWORD).json();
        assertThat(orders.size()).as("supplier orders").isEqualTo(1);
        String order = orders.get(0).get("id").asString();
        assertThat(http.postJson("/api/supplier-orders/" + order + "/reception", COORDINATOR, PASSWORD, "{\"lines\":[]}").status())
                .isEqualTo(200);
        int quantity = members.size() * (members.size() + 1) / 2;
        Http.Reply recorded = http.postJson("/api/supplier-orders/" + order + "/invoice", COORDINATOR, PASSWORD, "{\"number\":\"FN-1\","
                + "\"issueDate\":\"" + LocalDate.now() + "\",\"lines\":[{\"productId\":\"" + product + "\",\"quantity\":\"" + quantity
                + "\",\"unitPrice\":\"2.00\"}]}");
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        if (!"MATCHED".equals(recorded.json().get("status").asString())) {
            assertThat(http.postJson("/api/supplier-invoices/" + recorded.json().get("id").asString() + "/accept", COORDINATOR, PASSWORD, "")
                    .status()).isEqualTo(200);
        }
    }

    /** The round's member invoices: one per member, numbered without gap or duplicate; returns the numbers' range. */
    public String checkInvoices(Http http) {
        JsonNode invoices = http.get("/api/member-invoices?round=" + round, COORDINATOR, PASSWORD).json();
        assertThat(invoices.size()).as("member invoices").isEqualTo(members.size());
        List<Integer> numbers = new ArrayList<>();
        Map<String, Integer> perMember = new HashMap<>();
        invoices.forEach(invoice -> {
            String number = invoice.get("number").asString();
            numbers.add(Integer.parseInt(number.substring(number.lastIndexOf('-') + 1)));
            perMember.merge(invoice.get("memberId").asString(), 1, Integer::sum);
        });
        assertThat(perMember.values()).as("invoices per member").containsOnly(1);
        int first = numbers.stream().min(Integer::compare).orElseThrow();
        assertThat(numbers.stream().sorted().toList()).as("invoice numbers, without gap or duplicate")
                .isEqualTo(IntStream.rangeClosed(first, first + members.size() - 1).boxed().toList());
        return first + ".." + (first + members.size() - 1);
    }

    /** Distinct mails received: by Message-ID and recipient. */
    public static int distinct(MimeMessage[] received) {
        Set<String> ids = new HashSet<>();
        for (MimeMessage message : received) {
            try {
                ids.add(message.getMessageID() + " " + String.join(",", message.getHeader("To")));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return ids.size();
    }

    /**
     * Each mail (a recipient and a subject) received once, but at most {@code repeatsAllowed} copies beyond the first in all,
     * each copy with the first's Message-ID; {@code mails} distinct ones.
     */
    public static void checkMail(MimeMessage[] received, int mails, int repeatsAllowed) {
        Map<String, Set<String>> idsPerMail = new HashMap<>();
        Map<String, Integer> copies = new HashMap<>();
        for (MimeMessage message : received) {
            try {
                String key = String.join(",", message.getHeader("To")) + " | " + message.getSubject();
                idsPerMail.computeIfAbsent(key, k -> new HashSet<>()).add(message.getMessageID());
                copies.merge(key, 1, Integer::sum);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(idsPerMail.size()).as("mails (recipient and subject)").isEqualTo(mails);
        assertThat(idsPerMail.values()).as("Message-IDs per mail").allSatisfy(ids -> assertThat(ids).hasSize(1));
        assertThat(copies.values().stream().mapToInt(count -> count - 1).sum()).as("copies beyond the first").isLessThanOrEqualTo(repeatsAllowed);
    }

    public static void waitFor(Duration limit, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Node.sleep(5);
        }
    }

    /** A valid SIRET always the same for the same {@code seed} (a request repeated as it was, one per name in a groupement). */
    public static String siret(String seed) {
        String body = String.format("9%012d", Math.floorMod((long) seed.hashCode(), 1_000_000_000_000L));
        return body + Luhn.checkDigit(body);
    }

    public static String siret() {
        StringBuilder body = new StringBuilder("9");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (body.length() < 13) {
            body.append(random.nextInt(10));
        }
        return body.toString() + Luhn.checkDigit(body.toString());
    }

    /** The id of what the request created (201). */
    public static String created(Http.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("id").asString();
    }
}
