package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.support.IntegrationTest;
import coop.mutua.app.support.RoundFlow;
import coop.mutua.kernel.SupplierId;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An order's supplier invoices are matched together: what an invoice bills is compared with what arrived less what the
 * order's other invoices already bill (net of its credit notes), so that the same delivery invoiced twice is a difference
 * for the coordinator, not members billed twice (found by a new user's trial).
 */
@IntegrationTest
class SupplierInvoicesIntegrationTest {

    @Test
    void aSecondInvoiceOfWhatAFirstAlreadyBillsIsMoreThanReceivedAndACreditNoteMakesRoomAgain(RoundFlow flow) {
        SupplierId farm = flow.groupement().supplierId();
        String apples = flow.product(farm, """
                {"reference":"POM","name":"Pommes","category":"Fruits","saleUnit":"KG","caseSize":"5","vatRate":"5.5","unitPrice":"2.00"}""");
        String round = flow.openRound("Pommes", "PRO_RATA", "BY_VALUE", "0", List.of(farm));
        flow.order(round, flow.groupement().memberId(), "{\"productId\":\"" + apples + "\",\"quantity\":\"10\"}");
        flow.close(round);
        flow.waitFor(round, "POOLED");
        String order = flow.supplierOrders(round).get(0).get("id").asString();
        flow.receive(order, "");

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

    private static List<String> kinds(JsonNode invoice) {
        return invoice.get("differences").valueStream().map(difference -> difference.get("kind").asString()).toList();
    }

    private static String invoice(String number, boolean creditNote, String product, String quantity, String vat) {
        return """
                {"number":"%s","issueDate":"%s","creditNote":%s,"lines":[{"productId":"%s","quantity":"%s","unitPrice":"2.00"}],
                 "vat":[{"rate":"5.5","amount":"%s"}]}""".formatted(number, LocalDate.now(), creditNote, product, quantity, vat);
    }
}
