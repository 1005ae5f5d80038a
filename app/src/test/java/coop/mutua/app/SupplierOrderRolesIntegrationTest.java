package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.support.FreshGroupement.Named;
import coop.mutua.app.support.Http;
import coop.mutua.app.support.IntegrationTest;
import coop.mutua.app.support.Pages;
import coop.mutua.app.support.RoundFlow;
import coop.mutua.app.support.RoundsThroughApi;
import coop.mutua.app.support.TestGroupements;
import coop.mutua.kernel.SupplierId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/**
 * Each role sees only its own actions on a grouped order, and the server refuses the others whatever a page shows: the
 * supplier confirms and reports changes, the coordinator records what arrived (or notes the supplier's confirmation on
 * its behalf); a supplier never records a reception, a coordinator never reports a supplier's change.
 */
@IntegrationTest
class SupplierOrderRolesIntegrationTest {

    private static final String PASSWORD = TestGroupements.PASSWORD;

    @Value("${local.server.port}")
    int port;

    @Test
    void eachRoleSeesAndMayDoOnlyItsOwnActionsOnAGroupedOrder(@Named("Réseau rôles") RoundFlow flow) {
        SupplierId farm = flow.groupement().supplierId();
        String apples = flow.product(farm, RoundsThroughApi.APPLES);
        String round = flow.openRound("Rôles", "PRO_RATA", "BY_VALUE", "0", List.of(farm));
        flow.order(round, flow.groupement().memberId(), "{\"productId\":\"" + apples + "\",\"quantity\":\"10\"}");
        flow.close(round);
        String order = flow.http().get("/api/rounds/" + round + "/supplier-orders", flow.coordinator(), PASSWORD).json()
                .get(0).get("id").asString();

        Http supplier = Pages.loggedIn(port, flow.groupement().supplier());
        String supplierPage = supplier.get("/supplier-orders/" + order, null, null).body();
        assertThat(supplierPage).contains("Signaler un changement").contains("Confirmer la commande")
                .doesNotContain("reception-form").doesNotContain("Enregistrer la réception");
        Http.Reply supplierReception = supplier.postForm("/supplier-orders/" + order + "/reception",
                Pages.form(supplierPage, "delivered." + apples, "10"));
        assertThat(supplierReception.status()).as("a supplier never records what arrived at the hub").isEqualTo(403);
        assertThat(supplierReception.header("Content-Type")).as("a page refusal is a page").startsWith("text/html");
        assertThat(flow.http().postJson("/api/supplier-orders/" + order + "/reception", flow.groupement().supplier(), PASSWORD,
                "{\"lines\":[]}").status()).isEqualTo(403);

        Http coordinator = Pages.loggedIn(port, flow.coordinator());
        String coordinatorPage = coordinator.get("/supplier-orders/" + order, null, null).body();
        assertThat(coordinatorPage).contains("reception-form").contains("Noter la confirmation du fournisseur")
                .doesNotContain("Signaler un changement");
        Http.Reply coordinatorChange = coordinator.postForm("/supplier-orders/" + order + "/changes",
                Pages.form(coordinatorPage, "productId", apples, "change", "OUT_OF_STOCK"));
        assertThat(coordinatorChange.status()).as("changes are the supplier's to report").isEqualTo(403);
        assertThat(flow.http().postJson("/api/supplier-orders/" + order + "/changes", flow.coordinator(), PASSWORD,
                "{\"productId\":\"" + apples + "\",\"change\":\"OUT_OF_STOCK\"}").status()).isEqualTo(403);
        JsonNode line = flow.supplierOrder(order).get("lines").get(0);
        assertThat(line.has("reported") && !line.get("reported").isNull()).as("nothing stored").isFalse();
    }

    @Test
    void aProductThatFilledNoCaseIsNotOnTheSuppliersOrderNorOnTheReceptionForm(@Named("Réseau des colis vides") RoundFlow flow) {
        SupplierId farm = flow.groupement().supplierId();
        String apples = flow.product(farm, RoundsThroughApi.APPLES);
        String melons = flow.product(farm, """
                {"reference":"MEL","name":"Melons charentais","category":"Fruits","saleUnit":"PIECE","caseSize":"6","vatRate":"5.5","unitPrice":"3.00"}""");
        String round = flow.openRound("Colis vides", "PRO_RATA", "BY_VALUE", "0", List.of(farm));
        flow.order(round, flow.groupement().memberId(), "{\"productId\":\"" + apples + "\",\"quantity\":\"10\"},"
                + "{\"productId\":\"" + melons + "\",\"quantity\":\"2\"}");
        flow.close(round);
        JsonNode pooled = flow.http().get("/api/rounds/" + round + "/supplier-orders", flow.coordinator(), PASSWORD)
                .json().get(0);
        String order = pooled.get("id").asString();
        assertThat(pooled.get("lines").findValuesAsString("productId")).as("the data keeps the line (0 cases)").contains(melons);

        // Two melons fill no case of six: the supplier is not asked for "0 colis", nor the hub to receive them.
        String supplierPage = Pages.loggedIn(port, flow.groupement().supplier()).get("/supplier-orders/" + order, null, null).body();
        assertThat(supplierPage).contains("Pommes").doesNotContain("Melons charentais");
        String coordinatorPage = Pages.loggedIn(port, flow.coordinator()).get("/supplier-orders/" + order, null, null).body();
        assertThat(coordinatorPage).contains("delivered." + apples).doesNotContain("delivered." + melons)
                .doesNotContain("Melons charentais");
    }
}
