package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.support.Http;
import coop.mutua.app.support.IntegrationTest;
import coop.mutua.app.support.Pages;
import coop.mutua.app.support.RoundFlow;
import coop.mutua.app.support.RoundsThroughApi;
import coop.mutua.app.support.TestGroupements;
import coop.mutua.kernel.SupplierId;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/**
 * An order's supplier invoices are matched together: what an invoice bills is compared with what arrived less what the
 * order's other invoices already bill (net of its credit notes), so that the same delivery invoiced twice is a difference
 * for the coordinator, not members billed twice; a round's billing forms reach only that round's invoices and orders;
 * no invoice is dated or paid after today (all found by a new user's trial).
 */
@IntegrationTest
class SupplierInvoicesIntegrationTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Value("${local.server.port}")
    int port;

    @Test
    void aSecondInvoiceOfWhatAFirstAlreadyBillsIsMoreThanReceivedAndACreditNoteMakesRoomAgain(RoundFlow flow) {
        Received received = received(flow);
        String apples = received.apples();
        String order = received.order();

        assertThat(flow.invoice(order, invoice("F-1", false, apples, "10", "1.10")).get("status").asString()).isEqualTo("MATCHED");
        JsonNode twice = flow.invoice(order, invoice("F-2", false, apples, "10", "1.10"));
        assertThat(twice.get("status").asString()).isEqualTo("TO_REVIEW");
        assertThat(kinds(twice)).containsExactly("MORE_THAN_RECEIVED");
        JsonNode rest = flow.invoice(order, invoice("F-3", false, apples, "0", "0.00"));
        assertThat(kinds(rest)).as("nothing left to invoice: an invoice of nothing is not short").isEmpty();

        // Recording F-2 again (corrected) replaces it: it is compared without itself.
        assertThat(kinds(flow.invoice(order, invoice("F-2", false, apples, "10", "1.10")))).containsExactly("MORE_THAN_RECEIVED");
        // A credit note of F-2's ten kilos: then F-2 recorded again bills what is left, and matches.
        flow.invoice(order, invoice("A-1", true, apples, "10", "1.10"));
        assertThat(flow.invoice(order, invoice("F-2", false, apples, "10", "1.10")).get("status").asString()).isEqualTo("MATCHED");
    }

    /** A round's billing forms act on that round's invoices and orders only (found by a new user's trial). */
    @Test
    void aRoundsBillingFormsDoNotReachAnotherRoundsInvoicesOrOrders(RoundFlow flow) {
        Received received = received(flow);
        String apples = received.apples();
        String invoiced = received.round();
        String order = received.order();
        flow.invoice(order, invoice("F-1", false, apples, "10", "1.10"));
        assertThat(flow.issueMemberInvoices(invoiced).get("status").asString()).isEqualTo("COMPLETED");
        String memberInvoice = flow.memberInvoices(invoiced).get(0).get("id").asString();
        String other = flow.openRound("Poires", "PRO_RATA", "BY_VALUE", "0", List.of(flow.groupement().supplierId()));

        Http pages = Pages.loggedIn(port, flow.coordinator());
        String billing = pages.get("/rounds/" + other + "/billing", null, null).body();
        Http.Reply paid = pages.postForm("/rounds/" + other + "/billing/invoices/" + memberInvoice + "/paid", Pages.form(billing));
        Http.Reply credited = pages.postForm("/rounds/" + other + "/billing/invoices/" + memberInvoice + "/credit-note",
                Pages.form(billing, "reason", "Erreur"));
        Http.Reply recorded = pages.postForm("/rounds/" + other + "/billing/orders/" + order + "/invoice",
                Pages.form(billing, "number", "F-2", "issueDate", LocalDate.now().toString()));
        String supplierInvoice = flow.http().get("/api/supplier-orders/" + order + "/invoices", flow.coordinator(),
                TestGroupements.PASSWORD).json().get(0).get("id").asString();
        Http.Reply disputed = pages.postForm("/rounds/" + other + "/billing/supplier-invoices/" + supplierInvoice + "/dispute",
                Pages.form(billing, "note", "Erreur"));

        assertThat(List.of(paid.status(), credited.status(), recorded.status(), disputed.status())).containsOnly(404);
        assertThat(flow.memberInvoices(invoiced).get(0).get("status").asString()).isEqualTo("ISSUED");
        assertThat(flow.http().get("/api/supplier-orders/" + order + "/invoices", flow.coordinator(), TestGroupements.PASSWORD).json()
                .findValues("status").stream().map(JsonNode::asString).toList()).as("F-1 alone, still matched").containsExactly("MATCHED");
        // Through its own round's address, the same form does its work.
        String own = pages.get("/rounds/" + invoiced + "/billing", null, null).body();
        assertThat(pages.postForm("/rounds/" + invoiced + "/billing/invoices/" + memberInvoice + "/paid", Pages.form(own)).status())
                .isEqualTo(302);
        assertThat(flow.memberInvoices(invoiced).get(0).get("status").asString()).isEqualTo("PAID");
    }

    /** Dates no invoice can have yet: paid after today, issued after today (found by a new user's trial). */
    @Test
    void aPaymentOrAnInvoiceDatedAfterTodayIsRefusedNamingItsDate(RoundFlow flow) {
        Received received = received(flow);
        String apples = received.apples();
        String round = received.round();
        String order = received.order();
        Http http = flow.http();
        String tomorrow = LocalDate.now(PARIS).plusDays(1).toString();

        Http.Reply future = http.postJson("/api/supplier-orders/" + order + "/invoice", flow.coordinator(), TestGroupements.PASSWORD,
                invoice("F-1", false, apples, "10", "1.10").replace(LocalDate.now().toString(), tomorrow));
        assertThat(future.status()).as(future.body()).isEqualTo(422);
        assertThat(future.json().get("field").asString()).isEqualTo("issueDate");
        assertThat(future.json().get("detail").asString()).contains(tomorrow);
        flow.invoice(order, invoice("F-1", false, apples, "10", "1.10"));
        assertThat(flow.issueMemberInvoices(round).get("status").asString()).isEqualTo("COMPLETED");
        String memberInvoice = flow.memberInvoices(round).get(0).get("id").asString();

        Http.Reply paidLater = http.postJson("/api/member-invoices/" + memberInvoice + "/paid", flow.coordinator(), TestGroupements.PASSWORD,
                "{\"paidOn\":\"2030-01-01\"}");
        assertThat(paidLater.status()).as(paidLater.body()).isEqualTo(422);
        assertThat(paidLater.json().get("field").asString()).isEqualTo("paidOn");
        assertThat(flow.memberInvoices(round).get(0).get("status").asString()).isEqualTo("ISSUED");
        assertThat(http.postJson("/api/member-invoices/" + memberInvoice + "/paid", flow.coordinator(), TestGroupements.PASSWORD,
                "{\"paidOn\":\"" + LocalDate.now(PARIS) + "\"}").status()).isEqualTo(200);
    }

    /** A round of 10 kg of apples (one member, the group's farm), closed, pooled and received as ordered. */
    private record Received(String apples, String round, String order) {
    }

    private static Received received(RoundFlow flow) {
        SupplierId farm = flow.groupement().supplierId();
        String apples = flow.product(farm, RoundsThroughApi.APPLES);
        String round = flow.openRound("Pommes", "PRO_RATA", "BY_VALUE", "0", List.of(farm));
        flow.order(round, flow.groupement().memberId(), "{\"productId\":\"" + apples + "\",\"quantity\":\"10\"}");
        flow.close(round);
        flow.waitFor(round, "POOLED");
        String order = flow.supplierOrders(round).get(0).get("id").asString();
        flow.receive(order, "");
        return new Received(apples, round, order);
    }

    private static List<String> kinds(JsonNode invoice) {
        return invoice.get("differences").valueStream().map(difference -> difference.get("kind").asString()).toList();
    }

    private static String invoice(String number, boolean creditNote, String product, String quantity, String vat) {
        return """
                {"number":"%s","issueDate":"%s","creditNote":%s,"lines":[{"productId":"%s","quantity":"%s","unitPrice":"2.00"}],
                 "vat":[{"rate":"5.5","amount":"%s"}]}""".formatted(number, LocalDate.now(), creditNote, product, quantity, vat);
    }
}
