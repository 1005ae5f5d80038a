package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.support.Http;
import coop.mutua.app.support.IntegrationTest;
import coop.mutua.app.support.RoundFlow;
import coop.mutua.app.support.TestGroupements;
import coop.mutua.catalog.api.Address;
import coop.mutua.catalog.api.EssFamily;
import coop.mutua.catalog.api.ProductLabel;
import coop.mutua.catalog.api.RegisterMemberCommand;
import coop.mutua.catalog.api.SaleUnit;
import coop.mutua.catalog.api.VatRegime;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.ProjectionCatchUp;
import coop.mutua.kernel.VatRate;
import coop.mutua.ordering.api.AllocationPolicy;
import coop.mutua.ordering.api.FeeSplitPolicy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/**
 * Every value of the enums a round depends on goes from the catalog to the member invoices on PostgreSQL, through the
 * API: each VAT rate, sale unit and product label in every round, and each VAT regime, allocation policy and fee-split
 * policy in at least one of the three rounds. A value that breaks a stage (a column too narrow, a missing case in a
 * switch) makes the round stop short of INVOICED.
 */
@IntegrationTest
class EveryEnumValueGoesTheWholeWayTest {

    private static final String PASSWORD = TestGroupements.PASSWORD;
    /** Each VAT regime once, with the policies spread so that each of them is used at least once. */
    private static final List<Run> RUNS = List.of(
            new Run(VatRegime.REGISTERED, AllocationPolicy.PRO_RATA, FeeSplitPolicy.BY_VALUE),
            new Run(VatRegime.FRANCHISE_293B, AllocationPolicy.FIRST_COME, FeeSplitPolicy.BY_WEIGHT),
            new Run(VatRegime.NOT_REGISTERED, AllocationPolicy.PRO_RATA, FeeSplitPolicy.EQUAL));

    record Run(VatRegime regime, AllocationPolicy allocation, FeeSplitPolicy feeSplit) {
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    TestGroupements groupements;
    @Autowired
    CommandGateway commands;
    @Autowired
    ProjectionCatchUp catchUp;

    @Test
    void theRunsCoverEveryValue() {
        assertThat(RUNS.stream().map(Run::regime).collect(Collectors.toSet())).containsExactlyInAnyOrder(VatRegime.values());
        assertThat(RUNS.stream().map(Run::allocation).collect(Collectors.toSet())).containsExactlyInAnyOrder(AllocationPolicy.values());
        assertThat(RUNS.stream().map(Run::feeSplit).collect(Collectors.toSet())).containsExactlyInAnyOrder(FeeSplitPolicy.values());
        assertThat(products().stream().map(Product::rate).collect(Collectors.toSet())).containsExactlyInAnyOrder(VatRate.values());
        assertThat(products().stream().map(Product::unit).collect(Collectors.toSet())).containsExactlyInAnyOrder(SaleUnit.values());
        assertThat(products().stream().flatMap(product -> product.labels().stream()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(ProductLabel.values());
    }

    @Test
    void registeredGroupementProRataByValue() {
        roundGoesTheWholeWay(RUNS.get(0));
    }

    @Test
    void franchiseGroupementFirstComeByWeight() {
        roundGoesTheWholeWay(RUNS.get(1));
    }

    @Test
    void notRegisteredGroupementProRataEqual() {
        roundGoesTheWholeWay(RUNS.get(2));
    }

    record Product(String reference, VatRate rate, SaleUnit unit, Set<ProductLabel> labels, String price) {

        String json() {
            String labelList = labels.stream().map(label -> "\"" + label + "\"").collect(Collectors.joining(","));
            return """
                    {"reference":"%s","name":"Produit %s","category":"Épicerie","saleUnit":"%s","caseSize":"4","vatRate":"%s",
                     "unitPrice":"%s","labels":[%s]}""".formatted(reference, reference, unit, rate, price, labelList);
        }
    }

    /** One product per VAT rate; together they use every sale unit and every label. */
    static List<Product> products() {
        return List.of(
                new Product("P-20", VatRate.STANDARD, SaleUnit.PIECE, EnumSet.of(ProductLabel.ORGANIC_AB), "3.10"),
                new Product("P-10", VatRate.INTERMEDIATE, SaleUnit.KG, EnumSet.of(ProductLabel.FAIR_TRADE, ProductLabel.LABEL_ROUGE), "7.45"),
                new Product("P-55", VatRate.REDUCED, SaleUnit.LITRE, EnumSet.of(ProductLabel.AOP_IGP), "1.99"),
                new Product("P-21", VatRate.SPECIAL, SaleUnit.PACK, EnumSet.of(ProductLabel.HVE), "12.00"));
    }

    private void roundGoesTheWholeWay(Run run) {
        TestGroupements.TestGroupement groupement = groupements.create("Réseau " + run.regime(), run.regime());
        RoundFlow flow = new RoundFlow(new Http(port), groupement);
        MemberId second = MemberId.random();
        Address address = new Address("2 rue des Lilas", "33000", "Bordeaux", "FR");
        commands.sendAndWait(new RegisterMemberCommand(second, groupement.id(), "Cantine solidaire", "73282932000074", null,
                EssFamily.SCIC, address, address, "cantine-" + second.value().substring(0, 8) + "@example.org"));
        catchUp.await("catalog-directory", second);
        Map<VatRate, String> ids = new HashMap<>();
        for (Product product : products()) {
            ids.put(product.rate(), flow.product(groupement.supplierId(), product.json()));
        }
        String round = flow.openRound("Tous les taux " + run.regime(), run.allocation().name(), run.feeSplit().name(), "0",
                List.of(groupement.supplierId()));
        // First member: 3 of each (+1 tolerance); second: 2 of each. 5 asked, 6 tolerated: one case of 4 + one more case.
        List<String> first = new ArrayList<>();
        List<String> other = new ArrayList<>();
        ids.values().forEach(id -> {
            first.add("{\"productId\":\"" + id + "\",\"quantity\":\"3\",\"tolerance\":\"1\"}");
            other.add("{\"productId\":\"" + id + "\",\"quantity\":\"2\"}");
        });
        flow.order(round, groupement.memberId(), String.join(",", first));
        flow.order(round, second, String.join(",", other));

        JsonNode pooled = flow.close(round);
        assertThat(pooled.get("status").asString()).as(pooled.toString()).isEqualTo("POOLED");
        List<JsonNode> orders = flow.supplierOrders(round);
        assertThat(orders).hasSize(1);
        String orderId = orders.get(0).get("id").asString();
        JsonNode order = flow.supplierOrder(orderId);
        Map<String, String> rates = new HashMap<>();
        order.get("lines").forEach(line -> rates.put(line.at("/product/id").asString(), line.at("/product/vatRate").asString()));
        ids.forEach((rate, id) -> assertThat(rates).containsEntry(id, rate.toString()));

        // Everything arrives as ordered (no lines given), then the supplier invoices it at the order's prices.
        flow.receive(orderId, "");
        JsonNode received = flow.supplierOrder(orderId);
        received.get("lines").forEach(line -> assertThat(line.at("/reception/delivered").asString()).isEqualTo(line.get("quantity").asString()));
        List<String> invoiceLines = new ArrayList<>();
        received.get("lines").forEach(line -> invoiceLines.add("{\"productId\":\"%s\",\"quantity\":\"%s\",\"unitPrice\":\"%s\"}"
                .formatted(line.at("/product/id").asString(), line.get("quantity").asString(), line.get("unitPrice").asString())));
        JsonNode supplierInvoice = flow.invoice(orderId, """
                {"number":"F-%s","issueDate":"%s","lines":[%s],"charges":[{"reason":"Livraison","vatRate":"20","amount":"9.00"}]}"""
                .formatted(run.regime(), LocalDate.now(), String.join(",", invoiceLines)));
        // No VAT stated: the three-way match flags the VAT of each rate, which the coordinator accepts.
        assertThat(supplierInvoice.get("differences").findValues("kind").stream().map(JsonNode::asString).distinct().toList())
                .as(supplierInvoice.toString()).containsExactly("VAT");
        Http.Reply accepted = flow.http().postJson("/api/supplier-invoices/" + supplierInvoice.get("id").asString() + "/accept",
                flow.coordinator(), PASSWORD, "{\"note\":\"TVA non détaillée sur la facture\"}");
        assertThat(accepted.json().get("status").asString()).as(accepted.body()).isEqualTo("ACCEPTED");

        JsonNode progress = flow.issueMemberInvoices(round);
        assertThat(progress.get("status").asString()).as(progress.toString()).isEqualTo("COMPLETED");
        flow.waitFor(round, "INVOICED");
        List<JsonNode> invoices = flow.memberInvoices(round);
        assertThat(invoices).hasSize(2);
        if (run.regime() == VatRegime.REGISTERED) {
            Map<String, Long> memberBases = new HashMap<>();
            invoices.forEach(invoice -> invoice.get("document").get("draft").get("vat")
                    .forEach(vat -> memberBases.merge(vat.get("rate").asString(), vat.get("baseCents").asLong(), Long::sum)));
            Map<String, Long> supplierBases = new HashMap<>();
            received.get("lines").forEach(line -> supplierBases.merge(line.at("/product/vatRate").asString(),
                    cents(line.get("amountExclVat").asString()), Long::sum));
            supplierBases.merge("20", 900L, Long::sum);
            assertThat(memberBases).isEqualTo(supplierBases);
        } else {
            long members = invoices.stream().mapToLong(invoice -> invoice.get("document").get("draft").get("totalCents").asLong()).sum();
            assertThat(members).as("the supplier's total, VAT included, is the members' cost")
                    .isEqualTo(cents(supplierInvoice.get("totalInclVat").asString()));
        }
    }

    private static long cents(String amount) {
        return new BigDecimal(amount).movePointRight(2).longValueExact();
    }
}
