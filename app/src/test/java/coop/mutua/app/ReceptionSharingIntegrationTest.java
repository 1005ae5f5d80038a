package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.support.FreshGroupement.Named;
import coop.mutua.app.support.IntegrationTest;
import coop.mutua.app.support.RoundFlow;
import coop.mutua.kernel.MemberId;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What arrived is shared again from what members asked (DOMAIN.md, Supplier fulfilment; ADR 13): firm quantities first
 * by the round's policy, then tolerances, then the surplus is explicit; never from the shares made at close.
 */
@IntegrationTest
class ReceptionSharingIntegrationTest {

    private static final String CASES_OF_SIX = """
            {"reference":"JUS-6","name":"Jus de pomme","category":"Boissons","saleUnit":"LITRE","caseSize":"6","vatRate":"5.5",
             "unitPrice":"2.40"}""";

    @Test
    void aShortageServesFirmQuantitiesBeforeToleranceFirstCome(@Named("Réseau réception") RoundFlow flow) {
        String juice = flow.product(flow.groupement().supplierId(), CASES_OF_SIX);
        MemberId a = flow.member("A", "ASSOCIATION");
        MemberId b = flow.member("B", "SCOP");
        MemberId c = flow.member("C", "SCIC");
        String round = flow.openRound("Jus", "FIRST_COME", "BY_VALUE", "0", List.of(flow.groupement().supplierId()));
        flow.order(round, a, line(juice, "4", "4"));
        flow.order(round, b, line(juice, "3", "0"));
        flow.order(round, c, line(juice, "2", "1"));
        flow.close(round);
        String order = flow.supplierOrders(round).get(0).get("id").asString();
        assertThat(shares(flow.supplierOrder(order), "allocated")).as("2 cases: the extra 3 from A's tolerance, first come")
                .isEqualTo(Map.of(a, "7", b, "3", c, "2"));

        flow.receive(order, "{\"productId\":\"" + juice + "\",\"delivered\":\"8\"}");

        assertThat(shares(flow.supplierOrder(order), "received")).as("firm 4, 3, then 1 of C's 2: A's tolerance unit is not kept")
                .isEqualTo(Map.of(a, "4", b, "3", c, "1"));
    }

    @Test
    void proRataTiesGoToTheEarlierFirstSubmissionWhateverTheMembersIds(@Named("Réseau égalités") RoundFlow flow) {
        String juice = flow.product(flow.groupement().supplierId(), CASES_OF_SIX);
        MemberId one = flow.member("Un", "ASSOCIATION");
        MemberId two = flow.member("Deux", "ASSOCIATION");
        // Whichever id sorts last orders first: a tie broken by id would favour the other one.
        MemberId earlier = one.value().compareTo(two.value()) > 0 ? one : two;
        MemberId later = earlier == one ? two : one;
        String round = flow.openRound("Égalités", "PRO_RATA", "BY_VALUE", "0", List.of(flow.groupement().supplierId()));
        flow.order(round, earlier, line(juice, "3", "0"));
        flow.order(round, later, line(juice, "3", "0"));
        flow.close(round);
        String order = flow.supplierOrders(round).get(0).get("id").asString();

        flow.receive(order, "{\"productId\":\"" + juice + "\",\"delivered\":\"5\"}");

        assertThat(shares(flow.supplierOrder(order), "received")).isEqualTo(Map.of(earlier, "3", later, "2"));
    }

    private static String line(String product, String quantity, String tolerance) {
        return "{\"productId\":\"%s\",\"quantity\":\"%s\",\"tolerance\":\"%s\"}".formatted(product, quantity, tolerance);
    }

    private static Map<MemberId, String> shares(JsonNode supplierOrder, String field) {
        Map<MemberId, String> shares = new HashMap<>();
        for (JsonNode share : supplierOrder.get("lines").get(0).at("/demand/shares")) {
            shares.put(MemberId.of(share.get("memberId").asString()), new BigDecimal(share.get(field).asString())
                    .stripTrailingZeros().toPlainString());
        }
        return shares;
    }
}
