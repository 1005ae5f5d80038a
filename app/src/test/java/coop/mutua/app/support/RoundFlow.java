package coop.mutua.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.support.TestGroupements.TestGroupement;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.SupplierId;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * A purchase round driven the way a groupement drives it, through the REST API only, from products to member invoices.
 * Every step checks the answer's status and waits for the work that follows asynchronously (pooling, invoicing) by
 * reading the API, never the tables.
 */
public final class RoundFlow {

    private static final String PASSWORD = TestGroupements.PASSWORD;

    private final Http http;
    private final TestGroupement groupement;

    public RoundFlow(Http http, TestGroupement groupement) {
        this.http = http;
        this.groupement = groupement;
    }

    public TestGroupement groupement() {
        return groupement;
    }

    public String coordinator() {
        return groupement.coordinator();
    }

    /** Registers a member structure through the API; returns its id (it may order at once). */
    public MemberId member(String name, String essFamily) {
        Http.Reply created = http.postJson("/api/members", coordinator(), PASSWORD, """
                {"name":"%s","siret":"%s","essFamily":"%s",
                 "billingAddress":{"street":"3 rue du Port","postalCode":"33000","city":"Bordeaux"},"contactEmail":"m@example.org"}"""
                .formatted(name, NodeRound.siret(), essFamily));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return MemberId.of(created.json().get("id").asString());
    }

    /** Adds a product to a supplier's catalog as the coordinator; returns its id. */
    public String product(SupplierId supplier, String json) {
        return RoundsThroughApi.product(http, coordinator(), supplier, json);
    }

    /** Creates a round on these suppliers with these terms and opens it; returns its id. */
    public String openRound(String title, String allocationPolicy, String feeSplitPolicy, String feePercent, List<SupplierId> suppliers) {
        Http.Reply created = http.postJson("/api/rounds", coordinator(), PASSWORD, """
                {"title":"%s","closesAt":"%s","deliveryDate":"%s","deliveryPlace":"Entrepôt"}"""
                .formatted(title, OffsetDateTime.now(ZoneOffset.UTC).plusDays(5).withNano(0), LocalDate.now().plusDays(8)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String round = created.json().get("id").asString();
        String chosen = suppliers.stream().map(supplier -> "\"" + supplier + "\"").collect(Collectors.joining(","));
        Http.Reply terms = http.putJson("/api/rounds/" + round + "/terms", coordinator(), PASSWORD, """
                {"suppliers":[%s],"allocationPolicy":"%s","feeSplitPolicy":"%s","groupementFeePercent":"%s"}"""
                .formatted(chosen, allocationPolicy, feeSplitPolicy, feePercent));
        assertThat(terms.status()).as(terms.body()).isBetween(200, 204);
        Http.Reply opened = http.postJson("/api/rounds/" + round + "/open", coordinator(), PASSWORD, "");
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        return round;
    }

    /** Replaces a member's order; {@code lines} are JSON objects separated by commas. */
    public void order(String round, MemberId member, String lines) {
        Http.Reply reply = http.putJson("/api/rounds/" + round + "/orders/" + member, coordinator(), PASSWORD,
                "{\"lines\":[" + lines + "]}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    /** Closes the round and waits until its pooling has ended one way or the other; returns the round as the API shows it. */
    public JsonNode close(String round) {
        Http.Reply closed = http.postJson("/api/rounds/" + round + "/close", coordinator(), PASSWORD, "");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        return waitWhile(round, Set.of("CLOSED"));
    }

    /** The round as the API shows it once its status is none of {@code transient} (or after 20 s, whatever it is). */
    public JsonNode waitWhile(String round, Set<String> transientStatuses) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode shown = round(round);
        while (transientStatuses.contains(shown.get("status").asString()) && System.nanoTime() < deadline) {
            pause();
            shown = round(round);
        }
        return shown;
    }

    /** The round's status once it is {@code expected} (fails with the last status seen after 20 s). */
    public JsonNode waitFor(String round, String expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode shown = round(round);
        while (!expected.equals(shown.get("status").asString()) && System.nanoTime() < deadline) {
            pause();
            shown = round(round);
        }
        assertThat(shown.get("status").asString()).as(shown.toString()).isEqualTo(expected);
        return shown;
    }

    public JsonNode round(String round) {
        Http.Reply reply = http.get("/api/rounds/" + round, coordinator(), PASSWORD);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    /** The round's supplier orders, with lines and shares. */
    public List<JsonNode> supplierOrders(String round) {
        Http.Reply reply = http.get("/api/rounds/" + round + "/supplier-orders", coordinator(), PASSWORD);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<JsonNode> orders = new ArrayList<>();
        reply.json().forEach(orders::add);
        return orders;
    }

    public JsonNode supplierOrder(String id) {
        Http.Reply reply = http.get("/api/supplier-orders/" + id, coordinator(), PASSWORD);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    /** Records a reception ({@code lines} as JSON objects separated by commas; empty: everything arrived as ordered). */
    public JsonNode receive(String supplierOrder, String lines) {
        Http.Reply reply = http.postJson("/api/supplier-orders/" + supplierOrder + "/reception", coordinator(), PASSWORD,
                "{\"lines\":[" + lines + "]}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    /** Records the supplier's invoice for an order; returns it as the API shows it. */
    public JsonNode invoice(String supplierOrder, String json) {
        Http.Reply reply = http.postJson("/api/supplier-orders/" + supplierOrder + "/invoice", coordinator(), PASSWORD, json);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    /** Issues the members' invoices and waits for the job to end; returns its progress. */
    public JsonNode issueMemberInvoices(String round) {
        Http.Reply started = http.postJson("/api/rounds/" + round + "/invoices", coordinator(), PASSWORD, "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode progress = http.get("/api/rounds/" + round + "/invoices", coordinator(), PASSWORD).json();
        while (!Set.of("COMPLETED", "FAILED").contains(progress.get("status").asString()) && System.nanoTime() < deadline) {
            pause();
            progress = http.get("/api/rounds/" + round + "/invoices", coordinator(), PASSWORD).json();
        }
        return progress;
    }

    /** The round's member invoices, each in full (document included). */
    public List<JsonNode> memberInvoices(String round) {
        List<JsonNode> invoices = new ArrayList<>();
        for (JsonNode listed : http.get("/api/member-invoices?round=" + round, coordinator(), PASSWORD).json()) {
            invoices.add(http.get("/api/member-invoices/" + listed.get("id").asString(), coordinator(), PASSWORD).json());
        }
        return invoices;
    }

    public Http http() {
        return http;
    }


    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
