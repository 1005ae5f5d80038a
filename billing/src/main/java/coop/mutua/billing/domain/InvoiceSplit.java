package coop.mutua.billing.domain;

import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.LargestRemainder;
import coop.mutua.kernel.LargestRemainder.Claim;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.VatRate;
import coop.mutua.ordering.api.FeeSplitPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Splits one supplier invoice between the members who received its goods, exactly to the cent.
 *
 * <ul>
 *   <li>Each invoice line's amount excl. VAT is shared by the members' received quantities of its product (largest
 *       remainder, so the members' parts add up to the line). A member's line shows its received quantity and a net
 *       unit price: the invoiced one when quantity x price rounds to its part, else the part over the quantity with
 *       just enough decimals that it does.</li>
 *   <li>Each charge (delivery fee) or allowance (discount) is shared by the round's fee-split policy: BY_VALUE by the
 *       members' goods on this invoice, BY_WEIGHT by the weights received, EQUAL between the members served. When
 *       every weight is zero the members served share equally.</li>
 *   <li>The supplier's VAT of each rate is shared by the members' amounts excl. VAT at that rate. A VAT-registered
 *       groupement does not re-invoice it (it recovers it and charges its own VAT); one that is not registered
 *       re-invoices it as part of its cost.</li>
 * </ul>
 * For every rate the members' amounts excl. VAT add up to the supplier's, and their VAT shares to the supplier's VAT.
 * A credit note is an invoice with negative amounts; its split mirrors the invoice's. An invoice of charges or
 * allowances only (a discount granted afterwards) is shared by the same policy between everyone who received goods of
 * the order (BY_VALUE: at the order's prices). Ties between equal remainders go
 * to the larger weight, then to the smaller member id, so the result never depends on the order of the input.
 */
public final class InvoiceSplit {

    private InvoiceSplit() {
    }

    /**
     * A supplier invoice line: one per product, its amount excl. VAT as the supplier states it (signed); {@code unit} is
     * the sale unit's UN/ECE code (H87 piece, KGM kilogram...), null for "one".
     */
    public record BillLine(String productKey, String label, Quantity quantity, BigDecimal unitPrice, VatRate rate, long amountCents,
                           String unit) {
    }

    /** A charge (positive: delivery fee) or allowance (negative: discount) of the whole supplier invoice. */
    public record Adjustment(String label, VatRate rate, long amountCents) {
    }

    /** The supplier invoice as split: its lines, charges and allowances, and its VAT per rate as stated. */
    public record Bill(List<BillLine> lines, List<Adjustment> adjustments, Map<VatRate, Long> vatCents) {
        public Bill {
            lines = List.copyOf(lines);
            adjustments = adjustments == null ? List.of() : List.copyOf(adjustments);
            vatCents = vatCents == null ? Map.of() : Map.copyOf(vatCents);
        }
    }

    /**
     * What a member received of a product; {@code grams} is what BY_WEIGHT weighs, {@code valueCents} (at the order's
     * price) what BY_VALUE weighs when the invoice has no line of its own (a credit note of charges only).
     */
    public record Receipt(MemberId memberId, String productKey, Quantity quantity, long grams, long valueCents) {
    }

    /** A member's part of an invoice line; {@code |amount| == round(quantity x netPrice)}, signed like the line. */
    public record MemberLine(String productKey, String label, Quantity quantity, BigDecimal netPrice, VatRate rate, long amountCents,
                             String unit) {
    }

    /** A member's part of a charge or allowance. */
    public record MemberAdjustment(String label, VatRate rate, long amountCents) {
    }

    /** Everything one member owes of the supplier invoice. */
    public record MemberPart(MemberId memberId, List<MemberLine> lines, List<MemberAdjustment> adjustments,
                             Map<VatRate, Long> supplierVatCents) {

        /** Amount excl. VAT per rate: lines plus charges and allowances. */
        public Map<VatRate, Long> baseCents() {
            Map<VatRate, Long> base = new EnumMap<>(VatRate.class);
            lines.forEach(line -> base.merge(line.rate(), line.amountCents(), Long::sum));
            adjustments.forEach(adjustment -> base.merge(adjustment.rate(), adjustment.amountCents(), Long::sum));
            return base;
        }
    }

    private static final Comparator<MemberId> TIES = Comparator.comparing(MemberId::value);

    /**
     * @return one part per member with a non-zero receipt of an invoiced product, by member id
     * @throws DomainException when an invoiced line has nothing received to share it by, or a product is on two lines
     */
    public static List<MemberPart> split(Bill bill, List<Receipt> receipts, FeeSplitPolicy policy) {
        Map<String, Map<MemberId, Long>> received = receivedThousandths(receipts);
        Set<String> products = new HashSet<>();
        Map<MemberId, List<MemberLine>> lines = new TreeMap<>(TIES);
        for (BillLine line : bill.lines()) {
            if (!products.add(line.productKey())) {
                throw new DomainException("billing.duplicate-line", line.label());
            }
            Map<MemberId, Long> quantities = received.getOrDefault(line.productKey(), Map.of());
            if (line.amountCents() == 0 && quantities.isEmpty()) {
                continue;
            }
            if (quantities.isEmpty()) {
                throw new DomainException("billing.nothing-received", line.label());
            }
            Map<MemberId, Long> parts = LargestRemainder.allocate(line.amountCents(), claims(quantities), TIES);
            parts.forEach((member, cents) -> {
                Quantity quantity = new Quantity(BigDecimal.valueOf(quantities.get(member), 3).stripTrailingZeros());
                lines.computeIfAbsent(member, m -> new ArrayList<>()).add(new MemberLine(line.productKey(), line.label(),
                        quantity, netPrice(quantity, line.unitPrice(), cents), line.rate(), cents, line.unit()));
            });
        }
        if (lines.isEmpty()) {
            if (bill.adjustments().isEmpty() && bill.vatCents().values().stream().allMatch(v -> v == 0)) {
                return List.of();
            }
            // Charges or allowances only (a discount granted afterwards): shared by everyone who received something.
            received.values().forEach(quantities -> quantities.keySet().forEach(member -> lines.putIfAbsent(member, new ArrayList<>())));
            if (lines.isEmpty()) {
                throw new DomainException("billing.nothing-received", bill.adjustments().isEmpty() ? "TVA"
                        : bill.adjustments().get(0).label());
            }
        }
        Map<MemberId, List<MemberAdjustment>> adjustments = new HashMap<>();
        Map<MemberId, Long> feeWeights = feeWeights(policy, lines, receipts);
        for (Adjustment adjustment : bill.adjustments()) {
            LargestRemainder.allocate(adjustment.amountCents(), claims(feeWeights), TIES).forEach((member, cents) -> {
                if (cents != 0) {
                    adjustments.computeIfAbsent(member, m -> new ArrayList<>())
                            .add(new MemberAdjustment(adjustment.label(), adjustment.rate(), cents));
                }
            });
        }
        Map<MemberId, Map<VatRate, Long>> vat = vatShares(bill, lines, adjustments);
        List<MemberPart> result = new ArrayList<>(lines.size());
        lines.forEach((member, memberLines) -> result.add(new MemberPart(member, List.copyOf(memberLines),
                List.copyOf(adjustments.getOrDefault(member, List.of())), Map.copyOf(vat.getOrDefault(member, Map.of())))));
        return result;
    }

    /**
     * The invoiced price when {@code quantity x price} rounds to the member's part, else the part over the quantity with
     * the fewest decimals (from 2) that rounds back to it. Prices are never negative: a credit's sign is on the amount.
     */
    static BigDecimal netPrice(Quantity quantity, BigDecimal invoicedPrice, long cents) {
        BigDecimal amount = BigDecimal.valueOf(Math.abs(cents), 2);
        if (invoicedPrice != null && invoicedPrice.signum() >= 0 && roundsTo(quantity, invoicedPrice, amount)) {
            return invoicedPrice;
        }
        for (int scale = 2; ; scale++) {
            BigDecimal price = amount.divide(quantity.value(), scale, RoundingMode.HALF_UP);
            if (roundsTo(quantity, price, amount)) {
                return price;
            }
        }
    }

    private static boolean roundsTo(Quantity quantity, BigDecimal price, BigDecimal amount) {
        return quantity.value().multiply(price).setScale(2, RoundingMode.HALF_UP).compareTo(amount) == 0;
    }

    private static Map<String, Map<MemberId, Long>> receivedThousandths(List<Receipt> receipts) {
        Map<String, Map<MemberId, Long>> received = new HashMap<>();
        for (Receipt receipt : receipts) {
            long thousandths = receipt.quantity().value().movePointRight(3).longValueExact();
            if (thousandths > 0) {
                received.computeIfAbsent(receipt.productKey(), p -> new LinkedHashMap<>())
                        .merge(receipt.memberId(), thousandths, Long::sum);
            }
        }
        return received;
    }

    private static Map<MemberId, Long> feeWeights(FeeSplitPolicy policy, Map<MemberId, List<MemberLine>> lines,
                                                  List<Receipt> receipts) {
        boolean noLines = lines.values().stream().allMatch(List::isEmpty);
        Map<MemberId, Long> weights = new TreeMap<>(TIES);
        switch (policy) {
            case BY_VALUE -> {
                if (noLines) {
                    lines.keySet().forEach(member -> weights.put(member, 0L));
                    receipts.stream().filter(r -> lines.containsKey(r.memberId()))
                            .forEach(r -> weights.merge(r.memberId(), Math.max(0, r.valueCents()), Long::sum));
                } else {
                    lines.forEach((member, memberLines) -> weights.put(member,
                            Math.abs(memberLines.stream().mapToLong(MemberLine::amountCents).sum())));
                }
            }
            case BY_WEIGHT -> {
                Set<String> invoiced = new HashSet<>();
                lines.values().forEach(memberLines -> memberLines.forEach(line -> invoiced.add(line.productKey())));
                lines.keySet().forEach(member -> weights.put(member, 0L));
                receipts.stream().filter(r -> lines.containsKey(r.memberId()) && (noLines || invoiced.contains(r.productKey())))
                        .forEach(r -> weights.merge(r.memberId(), Math.max(0, r.grams()), Long::sum));
            }
            case EQUAL -> lines.keySet().forEach(member -> weights.put(member, 1L));
        }
        if (weights.values().stream().allMatch(w -> w == 0)) {
            weights.replaceAll((member, w) -> 1L);
        }
        return weights;
    }

    /** The supplier's VAT of each rate, shared by the members' bases at that rate (equally if they all net to zero). */
    private static Map<MemberId, Map<VatRate, Long>> vatShares(Bill bill, Map<MemberId, List<MemberLine>> lines,
                                                               Map<MemberId, List<MemberAdjustment>> adjustments) {
        Map<MemberId, Map<VatRate, Long>> shares = new HashMap<>();
        for (Map.Entry<VatRate, Long> rateVat : new TreeMap<>(bill.vatCents()).entrySet()) {
            VatRate rate = rateVat.getKey();
            Map<MemberId, Long> bases = new TreeMap<>(TIES);
            lines.forEach((member, memberLines) -> {
                long base = memberLines.stream().filter(l -> l.rate() == rate).mapToLong(MemberLine::amountCents).sum()
                        + adjustments.getOrDefault(member, List.of()).stream().filter(a -> a.rate() == rate)
                        .mapToLong(MemberAdjustment::amountCents).sum();
                bases.put(member, Math.abs(base));
            });
            if (bases.values().stream().allMatch(b -> b == 0)) {
                bases.replaceAll((member, b) -> 1L);
            }
            LargestRemainder.allocate(rateVat.getValue(), claims(bases), TIES).forEach((member, cents) -> {
                if (cents != 0) {
                    shares.computeIfAbsent(member, m -> new EnumMap<>(VatRate.class)).put(rate, cents);
                }
            });
        }
        return shares;
    }

    private static List<Claim<MemberId>> claims(Map<MemberId, Long> weights) {
        List<Claim<MemberId>> claims = new ArrayList<>(weights.size());
        weights.forEach((member, weight) -> claims.add(new Claim<>(member, weight)));
        return claims;
    }
}
