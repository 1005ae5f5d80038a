package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.support.FreshGroupement.Named;
import coop.mutua.app.support.Http;
import coop.mutua.app.support.IntegrationTest;
import coop.mutua.app.support.RoundFlow;
import coop.mutua.app.support.RoundsThroughApi;
import coop.mutua.app.support.TestGroupements;
import coop.mutua.kernel.SupplierId;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Later stages lock earlier ones, on the server and for every role (ADR 14): through the API, a supplier order below its
 * minimum waits for the coordinator before anything else; once received, no confirmation or change report; once
 * invoiced, no reception (each reception says who stated it); nothing is invoiced before its reception. Each refusal is a 409 naming the reason, and the
 * statuses of the orders and of the round follow.
 */
@IntegrationTest
class SupplierOrderLocksIntegrationTest {

    private static final String PASSWORD = TestGroupements.PASSWORD;

    @Test
    void laterStagesLockEarlierOnesWithAReasonForEveryRole(@Named("Réseau verrous") RoundFlow flow) {
        Http http = flow.http();
        String supplier = flow.groupement().supplier();
        SupplierId farm = flow.groupement().supplierId();
        SupplierId mill = SupplierId.of(http.postJson("/api/suppliers", flow.coordinator(), PASSWORD, """
                {"name":"Moulin","siret":"73282932000074","address":{"street":"1 rue","postalCode":"24100","city":"Creysse"},
                 "location":"44.85, 0.56","orderEmail":"moulin@example.org","minimumOrder":"500.00"}""").json().get("id").asString());
        String apples = flow.product(farm, RoundsThroughApi.APPLES);
        String flour = flow.product(mill, """
                {"reference":"FAR","name":"Farine","category":"Épicerie","saleUnit":"PIECE","caseSize":"1","vatRate":"5.5","unitPrice":"30.00"}""");
        String round = flow.openRound("Verrous", "PRO_RATA", "BY_VALUE", "0", List.of(farm, mill));
        flow.order(round, flow.groupement().memberId(), "{\"productId\":\"" + apples + "\",\"quantity\":\"10\"},"
                + "{\"productId\":\"" + flour + "\",\"quantity\":\"2\"}");
        assertThat(flow.close(round).get("status").asString()).isEqualTo("POOLED");
        String farmOrder = orderOf(flow, round, farm).get("id").asString();
        String millOrder = orderOf(flow, round, mill).get("id").asString();
        assertThat(orderOf(flow, round, farm).get("status").asString()).isEqualTo("SENT");
        assertThat(orderOf(flow, round, mill).get("status").asString()).isEqualTo("BELOW_MINIMUM");

        // Below its minimum: nothing before the coordinator's decision.
        refused(http.postJson("/api/supplier-orders/" + millOrder + "/reception", flow.coordinator(), PASSWORD, "{\"lines\":[]}"),
                "supplier-order.awaiting-decision");
        refused(http.postJson("/api/supplier-orders/" + millOrder + "/confirm", flow.coordinator(), PASSWORD, ""),
                "supplier-order.awaiting-decision");

        // The farm confirms and reports a change before delivery; then everything arrives.
        assertThat(http.postJson("/api/supplier-orders/" + farmOrder + "/confirm", supplier, PASSWORD, "").json().get("status")
                .asString()).isEqualTo("CONFIRMED");
        refused(http.postJson("/api/supplier-orders/" + farmOrder + "/confirm", supplier, PASSWORD, ""), "supplier-order.already-confirmed");
        assertThat(http.postJson("/api/supplier-orders/" + farmOrder + "/changes", supplier, PASSWORD,
                "{\"productId\":\"" + apples + "\",\"change\":\"NEW_QUANTITY\",\"newQuantity\":\"10\"}").status()).isEqualTo(200);
        refused(http.postJson("/api/supplier-orders/" + farmOrder + "/invoice", flow.coordinator(), PASSWORD, invoice(apples)),
                "supplier-order.not-received");
        Http.Reply twice = http.postJson("/api/supplier-orders/" + farmOrder + "/reception", flow.coordinator(), PASSWORD,
                "{\"lines\":[{\"productId\":\"" + apples + "\",\"delivered\":\"10\"},{\"productId\":\"" + apples
                        + "\",\"delivered\":\"12\"}]}");
        assertThat(twice.status()).as("one line per product").isEqualTo(422);
        assertThat(twice.json().get("code").asString()).isEqualTo("reception.duplicate-line");
        assertThat(flow.receive(farmOrder, "").get("status").asString()).isEqualTo("RECEIVED");
        assertThat(flow.supplierOrder(farmOrder).get("receivedBy").asString()).as("who stated what arrived")
                .isEqualTo(http.get("/api/me", flow.coordinator(), PASSWORD).json().get("userId").asString());
        refused(http.postJson("/api/supplier-orders/" + farmOrder + "/changes", supplier, PASSWORD,
                "{\"productId\":\"" + apples + "\",\"change\":\"OUT_OF_STOCK\"}"), "supplier-order.locked");
        assertThat(flow.round(round).get("status").asString()).as("the mill's order still awaits a decision").isEqualTo("POOLED");

        // The coordinator cancels the mill's order: every order that stands has arrived.
        assertThat(http.postJson("/api/supplier-orders/" + millOrder + "/cancel", flow.coordinator(), PASSWORD, "").json()
                .get("status").asString()).isEqualTo("CANCELLED");
        assertThat(flow.round(round).get("status").asString()).isEqualTo("RECEIVED");
        refused(http.postJson("/api/supplier-orders/" + millOrder + "/accept-below-minimum", flow.coordinator(), PASSWORD, ""),
                "supplier-order.no-decision-pending");
        refused(http.postJson("/api/supplier-orders/" + millOrder + "/reception", flow.coordinator(), PASSWORD, "{\"lines\":[]}"),
                "supplier-order.locked");

        // Invoiced: what arrived is final, for the supplier and the coordinator alike.
        flow.invoice(farmOrder, invoice(apples));
        assertThat(flow.supplierOrder(farmOrder).get("status").asString()).isEqualTo("INVOICED");
        assertThat(http.postJson("/api/supplier-orders/" + farmOrder + "/reception", supplier, PASSWORD,
                "{\"lines\":[{\"productId\":\"" + apples + "\",\"delivered\":\"9\"}]}").status())
                .as("what arrived at the hub is the coordinator's to record, never the supplier's").isEqualTo(403);
        refused(http.postJson("/api/supplier-orders/" + farmOrder + "/reception", flow.coordinator(), PASSWORD, "{\"lines\":[]}"),
                "supplier-order.locked");
        assertThat(flow.supplierOrder(farmOrder).get("lines").get(0).at("/reception/delivered").asString()).isEqualTo("10");

        // The round is invoiced, then settled once its only invoice is paid.
        assertThat(flow.issueMemberInvoices(round).get("status").asString()).isEqualTo("COMPLETED");
        flow.waitFor(round, "INVOICED");
        refused(http.postJson("/api/rounds/" + round + "/cancel", flow.coordinator(), PASSWORD, "{}"), "round.not-cancellable");
        String invoiceId = flow.memberInvoices(round).get(0).get("id").asString();
        assertThat(http.postJson("/api/member-invoices/" + invoiceId + "/paid", flow.coordinator(), PASSWORD, "{}").status())
                .isEqualTo(200);
        flow.waitFor(round, "SETTLED");
        assertThat(http.get("/api/rounds?status=SETTLED", flow.coordinator(), PASSWORD).json().findValues("id").stream()
                .map(JsonNode::asString).toList()).containsExactly(round);
    }

    private static String invoice(String product) {
        return """
                {"number":"F-1","issueDate":"%s","lines":[{"productId":"%s","quantity":"10","unitPrice":"2.00"}],
                 "vat":[{"rate":"5.5","amount":"1.10"}]}""".formatted(LocalDate.now(), product);
    }

    private static JsonNode orderOf(RoundFlow flow, String round, SupplierId supplier) {
        return flow.supplierOrders(round).stream().filter(order -> order.get("supplierId").asString().equals(supplier.value()))
                .findFirst().orElseThrow();
    }

    private static void refused(Http.Reply reply, String code) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(409);
        assertThat(reply.json().get("code").asString()).isEqualTo(code);
        assertThat(reply.json().get("detail").asString()).isNotBlank();
    }
}
