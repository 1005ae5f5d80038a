package coop.mutua.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.billing.domain.ImpactReport.Figures;
import coop.mutua.billing.domain.ImpactReport.Purchase;
import coop.mutua.billing.domain.ImpactReport.Report;
import coop.mutua.billing.domain.ImpactReport.SupplierFacts;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.SupplierId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class ImpactReportProperties {

    @Property(tries = 300)
    void membersAndSuppliersAddUpToTheTotalAndSharesStayWithinTheSpend(@ForAll long seed) {
        Random random = new Random(seed);
        List<SupplierId> suppliers = new ArrayList<>();
        Map<SupplierId, SupplierFacts> facts = new HashMap<>();
        suppliers(random, suppliers, facts, false);
        List<MemberId> members = members(random);
        List<Purchase> purchases = new ArrayList<>();
        for (int p = 0; p < random.nextInt(40); p++) {
            BigDecimal pooled = BigDecimal.valueOf(1 + random.nextInt(3000), 2);
            purchases.add(new Purchase(members.get(random.nextInt(members.size())), suppliers.get(random.nextInt(suppliers.size())),
                    ProductId.of(new UUID(random.nextLong(), random.nextLong()).toString()),
                    new Quantity(BigDecimal.valueOf(random.nextInt(20_000), 3)), pooled,
                    pooled.add(BigDecimal.valueOf(random.nextInt(50), 2)), random.nextBoolean()));
        }

        Report report = ImpactReport.of(purchases, facts);

        Figures total = report.total();
        assertThat(report.byMember().values().stream().mapToLong(Figures::spendCents).sum()).isEqualTo(total.spendCents());
        assertThat(report.bySupplier().values().stream().mapToLong(Figures::savingsCents).sum()).isEqualTo(total.savingsCents());
        assertThat(total.savingsCents()).isNotNegative();
        for (long part : new long[] {total.essCents(), total.organicCents(), total.localCents()}) {
            assertThat(part).isBetween(0L, total.spendCents());
        }
        assertThat(total.essPercent()).isBetween(BigDecimal.ZERO, new BigDecimal("100.0"));
    }

    /**
     * The report from totals per member and supplier (what the read model adds up, one row per member and supplier
     * order) is the report from every purchase: totals added here, independently, from the same purchases.
     */
    @Property(tries = 300)
    void theReportFromTotalsIsTheReportFromEveryPurchase(@ForAll long seed) {
        Random random = new Random(seed);
        List<SupplierId> suppliers = new ArrayList<>();
        Map<SupplierId, SupplierFacts> facts = new HashMap<>();
        // Some suppliers unknown to the facts (a supplier since removed): neither ESS nor local.
        suppliers(random, suppliers, facts, true);
        List<MemberId> members = members(random);
        List<Purchase> purchases = new ArrayList<>();
        for (int p = 0; p < random.nextInt(60); p++) {
            BigDecimal pooled = BigDecimal.valueOf(random.nextInt(3000), 2 + random.nextInt(3));
            // Zero quantities, thousandths (weighed goods), list prices below the pooled price (never counted below it).
            Quantity quantity = new Quantity(BigDecimal.valueOf(random.nextInt(4) == 0 ? 0 : random.nextInt(20_000), 3));
            purchases.add(new Purchase(members.get(random.nextInt(members.size())), suppliers.get(random.nextInt(suppliers.size())),
                    ProductId.of(new UUID(random.nextLong(), random.nextLong()).toString()), quantity, pooled,
                    pooled.add(BigDecimal.valueOf(random.nextInt(60) - 10, 2)).max(BigDecimal.ZERO), random.nextBoolean()));
        }
        Map<List<String>, long[]> added = new HashMap<>();
        for (Purchase purchase : purchases) {
            if (purchase.quantity().value().signum() == 0) {
                continue;
            }
            long spend = purchase.quantity().value().multiply(purchase.pooledPrice()).setScale(2, java.math.RoundingMode.HALF_UP)
                    .unscaledValue().longValueExact();
            long list = Math.max(spend, purchase.quantity().value().multiply(purchase.listPrice()).setScale(2, java.math.RoundingMode.HALF_UP)
                    .unscaledValue().longValueExact());
            long[] sums = added.computeIfAbsent(List.of(purchase.memberId().value(), purchase.supplierId().value()), key -> new long[3]);
            sums[0] += spend;
            sums[1] += list;
            sums[2] += purchase.organic() ? spend : 0;
        }
        List<ImpactReport.Total> totals = new ArrayList<>();
        added.forEach((key, sums) -> totals.add(new ImpactReport.Total(MemberId.of(key.get(0)), SupplierId.of(key.get(1)), sums[0], sums[1],
                sums[2])));
        java.util.Collections.shuffle(totals, random);

        assertThat(ImpactReport.ofTotals(totals, facts)).isEqualTo(ImpactReport.of(purchases, facts));
    }

    /** One to five suppliers with random facts (some without facts when {@code someUnknown}). */
    private static void suppliers(Random random, List<SupplierId> suppliers, Map<SupplierId, SupplierFacts> facts, boolean someUnknown) {
        for (int s = 0; s < 1 + random.nextInt(5); s++) {
            SupplierId supplier = SupplierId.of(new UUID(random.nextLong(), random.nextLong()).toString());
            suppliers.add(supplier);
            if (!someUnknown || random.nextInt(6) > 0) {
                facts.put(supplier, new SupplierFacts("S" + s, random.nextBoolean(), random.nextBoolean()));
            }
        }
    }

    private static List<MemberId> members(Random random) {
        List<MemberId> members = new ArrayList<>();
        for (int m = 0; m < 1 + random.nextInt(8); m++) {
            members.add(MemberId.of(new UUID(random.nextLong(), random.nextLong()).toString()));
        }
        return members;
    }

    @Example
    void pooledPricesBelowTheListGiveSavingsAndEachIndicatorCountsItsOwnSpend() {
        MemberId member = MemberId.of("00000000-0000-0000-0000-00000000000a");
        SupplierId farm = SupplierId.of("00000000-0000-0000-0000-0000000000f1");
        SupplierId wholesaler = SupplierId.of("00000000-0000-0000-0000-0000000000f2");
        List<Purchase> purchases = List.of(
                new Purchase(member, farm, ProductId.of("00000000-0000-0000-0000-0000000000b1"), Quantity.of(12), new BigDecimal("1.80"),
                        new BigDecimal("2.00"), true),
                new Purchase(member, wholesaler, ProductId.of("00000000-0000-0000-0000-0000000000b2"), Quantity.of(10),
                        new BigDecimal("3.00"), new BigDecimal("3.00"), false));

        Report report = ImpactReport.of(purchases, Map.of(farm, new SupplierFacts("Ferme", true, true),
                wholesaler, new SupplierFacts("Grossiste", false, false)));

        // 12 x 1.80 = 21.60 (list 24.00) + 30.00: spend 51.60, savings 2.40 of 54.00 (4.4 %), ESS/organic/local 21.60 (41.9 %).
        assertThat(report.total().spendCents()).isEqualTo(5160);
        assertThat(report.total().savingsCents()).isEqualTo(240);
        assertThat(report.total().savingsPercent()).isEqualByComparingTo("4.4");
        assertThat(report.total().essPercent()).isEqualByComparingTo("41.9");
        assertThat(report.total().organicCents()).isEqualTo(2160);
        assertThat(report.total().localCents()).isEqualTo(2160);
    }
}
