package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.support.Http;
import coop.mutua.app.support.Http.Reply;
import coop.mutua.app.support.IntegrationTest;
import coop.mutua.app.support.NodeRound;
import coop.mutua.app.support.Pages;
import coop.mutua.app.support.RoundFlow;
import coop.mutua.app.support.RoundsThroughApi;
import coop.mutua.app.support.TestGroupements;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.SupplierId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/**
 * Members' goals against their invoices (ADR 22): after a round invoiced from a near non-ESS farm (one organic product)
 * and a far SCOP, every figure the API gives (per member and for the groupement, the year and the quarter) is
 * recomputed here by another route: the invoices' own lines, each product's labels and supplier through the API, the
 * supplier's family and the great-circle distance to the hub computed in this test.
 */
@IntegrationTest
class GoalsIntegrationTest {

    private static final String PASSWORD = TestGroupements.PASSWORD;
    private static final double HUB_LATITUDE = 44.84;
    private static final double HUB_LONGITUDE = -0.57;

    @Value("${local.server.port}")
    int port;

    @Test
    void theGoalsFiguresAreTheInvoicesRecomputedAndEachMemberSeesItsOwn(RoundFlow flow) throws Exception {
        Http http = flow.http();
        SupplierId farm = flow.groupement().supplierId();
        String apples = flow.product(farm, RoundsThroughApi.APPLES);
        String carrots = flow.product(farm, """
                {"reference":"CAR-BIO","name":"Carottes bio","category":"Légumes","saleUnit":"KG","caseSize":"6","vatRate":"5.5",
                 "unitPrice":"1.80","labels":["ORGANIC_AB"]}""");
        SupplierId scop = SupplierId.of(http.postJson("/api/suppliers", flow.coordinator(), PASSWORD, """
                {"name":"Torréfaction Coopérative du Nord","siret":"%s","essFamily":"SCOP","address":{"street":"1 rue","postalCode":"59000",
                 "city":"Lille"},"location":"50.63, 3.06","orderEmail":"cafe@example.org"}""".formatted(NodeRound.siret())).json().get("id").asString());
        String coffee = flow.product(scop, """
                {"reference":"CAF","name":"Café","category":"Épicerie","saleUnit":"KG","caseSize":"1","vatRate":"5.5","unitPrice":"15.00"}""");
        MemberId first = flow.groupement().memberId();
        MemberId second = flow.member("Épicerie des objectifs", "ASSOCIATION");
        String round = flow.openRound("Objectifs", "PRO_RATA", "BY_VALUE", "2", List.of(farm, scop));
        flow.order(round, first, line(apples, "10") + "," + line(carrots, "6") + "," + line(coffee, "2"));
        flow.order(round, second, line(apples, "5") + "," + line(coffee, "3"));
        flow.close(round);
        flow.waitFor(round, "POOLED");
        for (JsonNode order : flow.supplierOrders(round)) {
            String id = order.get("id").asString();
            JsonNode received = flow.receive(id, "");
            List<String> lines = new ArrayList<>();
            received.get("lines").forEach(line -> lines.add("{\"productId\":\"%s\",\"quantity\":\"%s\",\"unitPrice\":\"%s\"}"
                    .formatted(line.at("/product/id").asString(), line.get("quantity").asString(), line.get("unitPrice").asString())));
            JsonNode invoice = flow.invoice(id, "{\"number\":\"F-%s\",\"issueDate\":\"%s\",\"lines\":[%s]}"
                    .formatted(id.substring(0, 6), LocalDate.now(), String.join(",", lines)));
            if (!"MATCHED".equals(invoice.get("status").asString())) {
                Reply accepted = http.postJson("/api/supplier-invoices/" + invoice.get("id").asString() + "/accept", flow.coordinator(),
                        PASSWORD, "{\"note\":\"TVA non détaillée sur la facture\"}");
                assertThat(accepted.status()).as(accepted.body()).isLessThan(300);
            }
        }
        assertThat(flow.issueMemberInvoices(round).get("status").asString()).isEqualTo("COMPLETED");

        // The first member sets its goals; the second sets none.
        Reply set = http.putJson("/api/goals", flow.groupement().member(), PASSWORD,
                "{\"essPercent\":\"30\",\"organicPercent\":\"20\",\"localPercent\":\"50\"}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(http.putJson("/api/goals", flow.groupement().member(), PASSWORD, "{\"essPercent\":\"130\"}").body()).contains("\"essPercent\"");
        assertThat(http.putJson("/api/goals", flow.groupement().member(), PASSWORD, "{\"localPercent\":\"beaucoup\"}").status()).isEqualTo(422);
        assertThat(http.putJson("/api/goals", flow.coordinator(), PASSWORD, "{\"essPercent\":\"30\"}").status()).isEqualTo(403);

        // Recomputed from the invoices by another route.
        Map<String, long[]> expected = new HashMap<>(); // member id -> total, ess, organic, local (cents)
        long[] all = new long[4];
        for (JsonNode invoice : flow.memberInvoices(round)) {
            long[] sums = expected.computeIfAbsent(invoice.get("memberId").asString(), id -> new long[4]);
            for (JsonNode item : invoice.at("/document/draft/items")) {
                long cents = item.get("amountCents").asLong();
                Reply found = http.get("/api/products/" + item.get("productKey").asString(), flow.coordinator(), PASSWORD);
                if (found.status() == 404) {
                    continue; // the groupement's fee, a delivery charge: not a purchase of a product
                }
                JsonNode product = found.json();
                JsonNode supplier = http.get("/api/suppliers/" + product.get("supplierId").asString(), flow.coordinator(), PASSWORD).json();
                boolean ess = supplier.hasNonNull("essFamily") && !"OTHER".equals(supplier.get("essFamily").asString());
                boolean organic = product.at("/details/labels").toString().contains("ORGANIC_AB");
                boolean local = kilometres(supplier.at("/location/latitude").asDouble(), supplier.at("/location/longitude").asDouble()) <= 150;
                long[] add = {cents, ess ? cents : 0, organic ? cents : 0, local ? cents : 0};
                for (int i = 0; i < 4; i++) {
                    sums[i] += add[i];
                    all[i] += add[i];
                }
            }
        }
        assertThat(expected).hasSize(2);
        assertThat(all[1]).as("some ESS").isPositive();
        assertThat(all[2]).as("some organic").isPositive();
        assertThat(all[3]).as("some local").isPositive();

        JsonNode coordinatorView = http.get("/api/goals", flow.coordinator(), PASSWORD).json();
        int year = LocalDate.now().getYear();
        int quarter = (LocalDate.now().getMonthValue() - 1) / 3 + 1;
        for (JsonNode member : coordinatorView.get("members")) {
            long[] sums = expected.get(member.get("memberId").asString());
            if (sums == null) {
                assertThat(member.get("years")).as("a member not invoiced has no figures").isEmpty();
                continue;
            }
            assertPeriod(period(member.get("years"), year, null), sums);
            assertPeriod(period(member.get("quarters"), year, quarter), sums);
        }
        assertPeriod(period(coordinatorView.get("groupementYears"), year, null), all);
        assertPeriod(period(coordinatorView.get("groupementQuarters"), year, quarter), all);
        assertThat(coordinatorView.get("studyEssBaseline").asString()).isEqualTo("38.0");

        // The member sees its own figures and targets only, with whether each is reached.
        JsonNode mine = http.get("/api/goals", flow.groupement().member(), PASSWORD).json();
        assertThat(mine.get("members")).hasSize(1);
        JsonNode me = mine.get("members").get(0);
        assertThat(me.get("memberId").asString()).isEqualTo(first.value());
        assertThat(me.at("/goals/essPercent").asInt()).isEqualTo(30);
        long[] own = expected.get(first.value());
        JsonNode thisYear = period(me.get("years"), year, null);
        assertThat(thisYear.at("/reached/ESS").asBoolean()).isEqualTo(percent(own[1], own[0]).compareTo(new BigDecimal("30")) >= 0);
        assertThat(thisYear.at("/reached/ORGANIC").asBoolean()).isEqualTo(percent(own[2], own[0]).compareTo(new BigDecimal("20")) >= 0);

        // The annual bilan, and the pages.
        byte[] pdf = http.getBytes("/api/goals/" + year + "/bilan.pdf", flow.groupement().member(), PASSWORD);
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Bilan achats responsables " + year, "Achats auprès de l'ESS",
                    percent(own[1], own[0]).toPlainString().replace('.', ',') + " %", "30 %");
        }
        assertThat(http.get("/api/goals/" + year + "/bilan.pdf", flow.coordinator(), PASSWORD).status()).isEqualTo(422);
        assertThat(http.get("/api/goals/" + year + "/bilan.pdf?member=" + second, flow.coordinator(), PASSWORD).status()).isEqualTo(200);
        Http memberPages = Pages.loggedIn(port, flow.groupement().member());
        assertThat(memberPages.get("/goals", null, null).body()).contains("Vos objectifs", "class=\"bar\"", "/goals/" + year + "/bilan.pdf");
        Http coordinatorPages = Pages.loggedIn(port, flow.coordinator());
        assertThat(coordinatorPages.get("/goals", null, null).body()).contains("Épicerie des objectifs", "ESS 30 %");

        // Meetings by sector: once the farm is listed (food, Bordeaux), its buyers of the department appear beside it.
        String farmName = http.get("/api/suppliers/" + farm, flow.coordinator(), PASSWORD).json().get("name").asString();
        String firstName = http.get("/api/members/" + first, flow.coordinator(), PASSWORD).json().get("name").asString();
        assertThat(http.putJson("/api/suppliers/" + farm + "/listing", flow.coordinator(), PASSWORD,
                "{\"sector\":\"ALIMENTATION\",\"municipality\":\"33063\",\"contactEmail\":\"ferme@example.org\"}").status()).isEqualTo(200);
        JsonNode food = null;
        for (JsonNode row : http.get("/api/meetings", flow.coordinator(), PASSWORD).json()) {
            if (row.get("sector").asString().equals("ALIMENTATION") && row.get("department").asString().equals("33")) {
                food = row;
            }
        }
        assertThat(food).as("a row for food in the Gironde").isNotNull();
        assertThat(food.get("offers").toString()).contains(farmName);
        assertThat(food.get("buyers").toString()).contains(firstName).doesNotContain("Torréfaction");
        assertThat(http.get("/api/meetings.csv", flow.coordinator(), PASSWORD).body()).contains("ALIMENTATION;33;adherent;" + firstName)
                .contains("ALIMENTATION;33;fournisseur;" + farmName);
        assertThat(http.get("/api/meetings", flow.groupement().member(), PASSWORD).status()).isEqualTo(403);
        assertThat(coordinatorPages.get("/meetings", null, null).body()).contains(farmName, firstName);
    }

    private static String line(String product, String quantity) {
        return "{\"productId\":\"" + product + "\",\"quantity\":\"" + quantity + "\"}";
    }

    private static JsonNode period(JsonNode periods, int year, Integer quarter) {
        for (JsonNode period : periods) {
            if (period.get("year").asInt() == year && (quarter == null ? !period.hasNonNull("quarter") : period.hasNonNull("quarter") && period.get("quarter").asInt() == quarter)) {
                return period;
            }
        }
        throw new AssertionError("no " + year + "/" + quarter + " in " + periods);
    }

    private static void assertPeriod(JsonNode period, long[] sums) {
        assertThat(new BigDecimal(period.get("totalExclVat").asString())).isEqualByComparingTo(BigDecimal.valueOf(sums[0], 2));
        assertThat(new BigDecimal(period.get("essPercent").asString())).isEqualByComparingTo(percent(sums[1], sums[0]));
        assertThat(new BigDecimal(period.get("organicPercent").asString())).isEqualByComparingTo(percent(sums[2], sums[0]));
        assertThat(new BigDecimal(period.get("localPercent").asString())).isEqualByComparingTo(percent(sums[3], sums[0]));
    }

    private static BigDecimal percent(long part, long total) {
        return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP);
    }

    /** Haversine, on a sphere of 6371 km (the test's own, not the application's). */
    private static double kilometres(double latitude, double longitude) {
        double dLat = Math.toRadians(latitude - HUB_LATITUDE);
        double dLon = Math.toRadians(longitude - HUB_LONGITUDE);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(HUB_LATITUDE)) * Math.cos(Math.toRadians(latitude)) * Math.pow(Math.sin(dLon / 2), 2);
        return 6371 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }
}
