package coop.mutua.billing.domain;

import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.SupplierId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The figures the founding study asked for, from what members received in pooled rounds: spend (excl. VAT, at the
 * pooled price), savings from pooling (the same quantities at the list price of tier 0, minus the spend), and the
 * shares of spend with ESS suppliers, organic products and local suppliers. Per member and per supplier too. Pure.
 */
public final class ImpactReport {

    private ImpactReport() {
    }

    /** What a member received of a product, at the price reached by the pool and at the list price. */
    public record Purchase(MemberId memberId, SupplierId supplierId, ProductId productId, Quantity quantity, BigDecimal pooledPrice,
                           BigDecimal listPrice, boolean organic) {
    }

    /** What the report needs to know of a supplier. */
    public record SupplierFacts(String name, boolean ess, boolean local) {
    }

    /** Amounts in cents, excl. VAT. */
    public record Figures(long spendCents, long listCents, long essCents, long organicCents, long localCents) {

        static final Figures ZERO = new Figures(0, 0, 0, 0, 0);

        public long savingsCents() {
            return listCents - spendCents;
        }

        /** Savings as a share of the list price, in percent with one decimal. */
        public BigDecimal savingsPercent() {
            return percent(savingsCents(), listCents);
        }

        public BigDecimal essPercent() {
            return percent(essCents, spendCents);
        }

        public BigDecimal organicPercent() {
            return percent(organicCents, spendCents);
        }

        public BigDecimal localPercent() {
            return percent(localCents, spendCents);
        }

        Figures plus(Figures other) {
            return new Figures(spendCents + other.spendCents, listCents + other.listCents, essCents + other.essCents,
                    organicCents + other.organicCents, localCents + other.localCents);
        }

        private static BigDecimal percent(long part, long whole) {
            return whole == 0 ? BigDecimal.ZERO.setScale(1)
                    : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
        }
    }

    public record Report(Figures total, Map<MemberId, Figures> byMember, Map<SupplierId, Figures> bySupplier) {
    }

    /**
     * What a member received from a supplier, already added up over its purchases of a quantity above zero (cents excl.
     * VAT, each purchase rounded to the cent as {@link #of} rounds it): at the pooled price, at the list price (never
     * below), on organic products.
     */
    public record Total(MemberId memberId, SupplierId supplierId, long spendCents, long listCents, long organicCents) {
    }

    /**
     * The same report from totals per member and supplier (the pre-added read model): every figure is a sum over
     * purchases, and a supplier's ESS and local facts apply to all of its spend, so adding purchases first changes
     * nothing.
     */
    public static Report ofTotals(List<Total> totals, Map<SupplierId, SupplierFacts> suppliers) {
        Figures total = Figures.ZERO;
        Map<MemberId, Figures> byMember = new TreeMap<>(Comparator.comparing(MemberId::value));
        Map<SupplierId, Figures> bySupplier = new TreeMap<>(Comparator.comparing(SupplierId::value));
        for (Total purchases : totals) {
            SupplierFacts facts = suppliers.getOrDefault(purchases.supplierId(), new SupplierFacts("", false, false));
            long spend = purchases.spendCents();
            Figures figures = new Figures(spend, purchases.listCents(), facts.ess() ? spend : 0, purchases.organicCents(),
                    facts.local() ? spend : 0);
            total = total.plus(figures);
            byMember.merge(purchases.memberId(), figures, Figures::plus);
            bySupplier.merge(purchases.supplierId(), figures, Figures::plus);
        }
        return new Report(total, byMember, bySupplier);
    }

    /** The report from every purchase: the definition, which the report from totals ({@link #ofTotals}) must equal. */
    public static Report of(List<Purchase> purchases, Map<SupplierId, SupplierFacts> suppliers) {
        Figures total = Figures.ZERO;
        Map<MemberId, Figures> byMember = new TreeMap<>(Comparator.comparing(MemberId::value));
        Map<SupplierId, Figures> bySupplier = new TreeMap<>(Comparator.comparing(SupplierId::value));
        for (Purchase purchase : purchases) {
            if (purchase.quantity().isZero()) {
                continue;
            }
            SupplierFacts facts = suppliers.getOrDefault(purchase.supplierId(), new SupplierFacts("", false, false));
            long spend = cents(purchase.quantity(), purchase.pooledPrice());
            long list = purchase.listPrice() == null ? spend : Math.max(spend, cents(purchase.quantity(), purchase.listPrice()));
            Figures figures = new Figures(spend, list, facts.ess() ? spend : 0, purchase.organic() ? spend : 0, facts.local() ? spend : 0);
            total = total.plus(figures);
            byMember.merge(purchase.memberId(), figures, Figures::plus);
            bySupplier.merge(purchase.supplierId(), figures, Figures::plus);
        }
        return new Report(total, byMember, bySupplier);
    }

    /** Organic: the product bears the AB label, or its supplier is certified organic as a whole. */
    public static boolean organic(Set<String> productLabels, Set<String> supplierLabels) {
        return productLabels.contains("ORGANIC_AB") || supplierLabels.contains("ORGANIC_AB");
    }

    private static long cents(Quantity quantity, BigDecimal price) {
        return quantity.value().multiply(price).setScale(2, RoundingMode.HALF_UP).movePointRight(2).longValueExact();
    }
}
