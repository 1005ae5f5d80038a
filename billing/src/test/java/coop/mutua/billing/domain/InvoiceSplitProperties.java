package coop.mutua.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.mutua.billing.domain.InvoiceSplit.Adjustment;
import coop.mutua.billing.domain.InvoiceSplit.Bill;
import coop.mutua.billing.domain.InvoiceSplit.BillLine;
import coop.mutua.billing.domain.InvoiceSplit.MemberAdjustment;
import coop.mutua.billing.domain.InvoiceSplit.MemberLine;
import coop.mutua.billing.domain.InvoiceSplit.MemberPart;
import coop.mutua.billing.domain.InvoiceSplit.Receipt;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.VatRate;
import coop.mutua.ordering.api.FeeSplitPolicy;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class InvoiceSplitProperties {

    /** A random supplier invoice (or credit note) with the receipts of a random set of members. */
    record Case(Bill bill, List<Receipt> receipts, FeeSplitPolicy policy, long seed) {
    }

    @Provide
    Arbitrary<Case> cases() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.of(FeeSplitPolicy.class), Arbitraries.of(true, false, false, false))
                .as((seed, policy, credit) -> generate(new Random(seed), policy, credit, seed));
    }

    static Case generate(Random random, FeeSplitPolicy policy, boolean credit, long seed) {
        int memberCount = 1 + random.nextInt(12);
        List<MemberId> members = new ArrayList<>();
        for (int i = 0; i < memberCount; i++) {
            members.add(MemberId.of(new UUID(random.nextLong(), random.nextLong()).toString()));
        }
        int productCount = 1 + random.nextInt(8);
        List<BillLine> lines = new ArrayList<>();
        List<Receipt> receipts = new ArrayList<>();
        VatRate[] rates = VatRate.values();
        int sign = credit ? -1 : 1;
        for (int p = 0; p < productCount; p++) {
            String product = "p" + p;
            boolean weighed = random.nextBoolean();
            BigDecimal price = BigDecimal.valueOf(1 + random.nextInt(5000), random.nextInt(4) == 0 ? 3 : 2);
            long total = 0;
            for (MemberId member : members) {
                if (random.nextInt(3) == 0) {
                    continue;
                }
                // Some members received nothing of it (zero weights); weighed goods to the gram.
                long thousandths = random.nextInt(5) == 0 ? 0 : weighed ? random.nextInt(20_000) : 1000L * random.nextInt(30);
                total += thousandths;
                receipts.add(new Receipt(member, product, new Quantity(BigDecimal.valueOf(thousandths, 3)),
                        random.nextInt(4) == 0 ? 0 : thousandths * (1 + random.nextInt(3)), thousandths * random.nextInt(5)));
            }
            Quantity invoiced = new Quantity(BigDecimal.valueOf(total, 3));
            long amount = total == 0 ? 0 : sign * invoiced.value().multiply(price).setScale(2, RoundingMode.HALF_UP).movePointRight(2).longValueExact();
            lines.add(new BillLine(product, "Produit " + p, invoiced, price, rates[random.nextInt(rates.length)], amount, weighed ? "KGM" : "H87"));
        }
        List<Adjustment> adjustments = new ArrayList<>();
        if (random.nextBoolean()) {
            adjustments.add(new Adjustment("Livraison", rates[random.nextInt(rates.length)], sign * (1 + random.nextInt(5000))));
        }
        if (random.nextBoolean()) {
            adjustments.add(new Adjustment("Remise", rates[random.nextInt(rates.length)], -sign * (1 + random.nextInt(2000))));
        }
        Map<VatRate, Long> base = new EnumMap<>(VatRate.class);
        lines.forEach(line -> base.merge(line.rate(), line.amountCents(), Long::sum));
        adjustments.forEach(adjustment -> base.merge(adjustment.rate(), adjustment.amountCents(), Long::sum));
        Map<VatRate, Long> vat = new EnumMap<>(VatRate.class);
        base.forEach((rate, cents) -> vat.put(rate, MemberInvoiceDrafts.vatOn(cents, rate)));
        boolean anything = receipts.stream().anyMatch(r -> !r.quantity().isZero());
        if (!anything) {
            // Nothing at all received: the invoice would be refused; keep it splittable with one receipt.
            receipts.add(new Receipt(members.get(0), "p0", Quantity.of(1), 1000, 1000));
            lines.set(0, new BillLine("p0", "Produit 0", Quantity.of(1), lines.get(0).unitPrice(), lines.get(0).rate(),
                    sign * lines.get(0).unitPrice().setScale(2, RoundingMode.HALF_UP).movePointRight(2).longValueExact(), "H87"));
            base.clear();
            lines.forEach(line -> base.merge(line.rate(), line.amountCents(), Long::sum));
            adjustments.forEach(adjustment -> base.merge(adjustment.rate(), adjustment.amountCents(), Long::sum));
            vat.clear();
            base.forEach((rate, cents) -> vat.put(rate, MemberInvoiceDrafts.vatOn(cents, rate)));
        }
        return new Case(new Bill(lines, adjustments, vat), receipts, policy, seed);
    }

    @Property(tries = 500)
    void perRateTheMembersAddUpToTheSupplierToTheCent(@ForAll("cases") Case c) {
        List<MemberPart> parts = InvoiceSplit.split(c.bill(), c.receipts(), c.policy());

        Map<VatRate, Long> supplier = new EnumMap<>(VatRate.class);
        c.bill().lines().forEach(line -> supplier.merge(line.rate(), line.amountCents(), Long::sum));
        c.bill().adjustments().forEach(adjustment -> supplier.merge(adjustment.rate(), adjustment.amountCents(), Long::sum));
        Map<VatRate, Long> members = new EnumMap<>(VatRate.class);
        Map<VatRate, Long> memberVat = new EnumMap<>(VatRate.class);
        for (MemberPart part : parts) {
            part.baseCents().forEach((rate, cents) -> members.merge(rate, cents, Long::sum));
            part.supplierVatCents().forEach((rate, cents) -> memberVat.merge(rate, cents, Long::sum));
        }
        supplier.values().removeIf(v -> v == 0);
        members.values().removeIf(v -> v == 0);
        assertThat(members).isEqualTo(supplier);
        Map<VatRate, Long> supplierVat = new HashMap<>(c.bill().vatCents());
        supplierVat.values().removeIf(v -> v == 0);
        assertThat(memberVat).isEqualTo(supplierVat);
        // Every invoice line too, not only every rate.
        for (BillLine line : c.bill().lines()) {
            long shared = parts.stream().flatMap(p -> p.lines().stream()).filter(l -> l.productKey().equals(line.productKey()))
                    .mapToLong(MemberLine::amountCents).sum();
            assertThat(shared).as(line.label()).isEqualTo(line.amountCents());
        }
    }

    @Property(tries = 500)
    void everyMemberLineIsItsQuantityAtItsNetPriceWithinACentOfItsExactShare(@ForAll("cases") Case c) {
        List<MemberPart> parts = InvoiceSplit.split(c.bill(), c.receipts(), c.policy());

        for (MemberPart part : parts) {
            for (MemberLine line : part.lines()) {
                assertThat(line.quantity().isZero()).isFalse();
                assertThat(line.netPrice().signum()).isNotNegative();
                assertThat(line.quantity().value().multiply(line.netPrice()).setScale(2, RoundingMode.HALF_UP))
                        .isEqualByComparingTo(BigDecimal.valueOf(Math.abs(line.amountCents()), 2));
                BillLine invoiced = c.bill().lines().stream().filter(l -> l.productKey().equals(line.productKey())).findFirst().orElseThrow();
                BigDecimal received = c.receipts().stream().filter(r -> r.productKey().equals(line.productKey()))
                        .map(r -> r.quantity().value()).reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal exact = BigDecimal.valueOf(invoiced.amountCents()).multiply(line.quantity().value())
                        .divide(received, MathContext.DECIMAL128);
                assertThat(BigDecimal.valueOf(line.amountCents()).subtract(exact).abs()).isLessThan(BigDecimal.ONE);
            }
        }
    }

    @Property(tries = 300)
    void membersWhoReceivedNothingOweNothing(@ForAll("cases") Case c) {
        List<MemberPart> parts = InvoiceSplit.split(c.bill(), c.receipts(), c.policy());

        for (MemberPart part : parts) {
            boolean received = c.receipts().stream().anyMatch(r -> r.memberId().equals(part.memberId()) && !r.quantity().isZero());
            assertThat(received).isTrue();
        }
    }

    @Property(tries = 300)
    void theResultDoesNotDependOnTheOrderOfTheReceipts(@ForAll("cases") Case c) {
        List<Receipt> shuffled = new ArrayList<>(c.receipts());
        Collections.shuffle(shuffled, new Random(c.seed()));

        assertThat(InvoiceSplit.split(c.bill(), shuffled, c.policy())).isEqualTo(InvoiceSplit.split(c.bill(), c.receipts(), c.policy()));
    }

    @Property(tries = 300)
    void aCreditNoteSplitsAsTheMirrorOfItsInvoice(@ForAll("cases") Case c) {
        Bill credit = new Bill(
                c.bill().lines().stream().map(l -> new BillLine(l.productKey(), l.label(), l.quantity(), l.unitPrice(), l.rate(), -l.amountCents(), l.unit())).toList(),
                c.bill().adjustments().stream().map(a -> new Adjustment(a.label(), a.rate(), -a.amountCents())).toList(),
                negated(c.bill().vatCents()));

        List<MemberPart> invoice = InvoiceSplit.split(c.bill(), c.receipts(), c.policy());
        List<MemberPart> mirror = InvoiceSplit.split(credit, c.receipts(), c.policy());

        assertThat(mirror).hasSameSizeAs(invoice);
        for (int i = 0; i < invoice.size(); i++) {
            MemberPart part = invoice.get(i);
            MemberPart negated = mirror.get(i);
            assertThat(negated.memberId()).isEqualTo(part.memberId());
            assertThat(negated.lines().stream().map(MemberLine::amountCents).toList())
                    .isEqualTo(part.lines().stream().map(l -> -l.amountCents()).toList());
            assertThat(negated.adjustments().stream().map(MemberAdjustment::amountCents).toList())
                    .isEqualTo(part.adjustments().stream().map(a -> -a.amountCents()).toList());
            assertThat(negated.supplierVatCents()).isEqualTo(negated(part.supplierVatCents()));
        }
    }

    @Property(tries = 200)
    void equalFeesDifferByAtMostOneCent(@ForAll("cases") Case c) {
        List<MemberPart> parts = InvoiceSplit.split(c.bill(), c.receipts(), FeeSplitPolicy.EQUAL);

        for (Adjustment adjustment : c.bill().adjustments()) {
            List<Long> shares = parts.stream().map(p -> p.adjustments().stream().filter(a -> a.label().equals(adjustment.label()))
                    .mapToLong(MemberAdjustment::amountCents).sum()).toList();
            assertThat(Collections.max(shares) - Collections.min(shares)).isLessThanOrEqualTo(1);
        }
    }

    @Example
    void twelveKilosOfCarrotsAndADeliveryFeeByValue() {
        MemberId a = MemberId.of("00000000-0000-0000-0000-00000000000a");
        MemberId b = MemberId.of("00000000-0000-0000-0000-00000000000b");
        MemberId c = MemberId.of("00000000-0000-0000-0000-00000000000c");
        Bill bill = new Bill(List.of(
                new BillLine("carrots", "Carottes", Quantity.of(12), new BigDecimal("1.85"), VatRate.REDUCED, 2220, "KGM"),
                new BillLine("juice", "Jus de pomme", Quantity.of(3), new BigDecimal("3.33"), VatRate.REDUCED, 999, "H87")),
                List.of(new Adjustment("Frais de livraison", VatRate.STANDARD, 1000)),
                Map.of(VatRate.REDUCED, 177L, VatRate.STANDARD, 200L));
        List<Receipt> receipts = List.of(
                new Receipt(a, "carrots", Quantity.of(5), 5000, 5000), new Receipt(b, "carrots", Quantity.of(7), 7000, 7000),
                new Receipt(a, "juice", Quantity.of(1), 1000, 1000), new Receipt(b, "juice", Quantity.of(1), 1000, 1000),
                new Receipt(c, "juice", Quantity.of(1), 1000, 1000));

        List<MemberPart> parts = InvoiceSplit.split(bill, receipts, FeeSplitPolicy.BY_VALUE);

        assertThat(parts).extracting(MemberPart::memberId).containsExactly(a, b, c);
        assertThat(parts.get(0).lines()).extracting(MemberLine::amountCents).containsExactly(925L, 333L);
        assertThat(parts.get(1).lines()).extracting(MemberLine::amountCents).containsExactly(1295L, 333L);
        assertThat(parts.get(2).lines()).extracting(MemberLine::amountCents).containsExactly(333L);
        assertThat(parts.get(0).lines().get(0).netPrice()).isEqualByComparingTo("1.85");
        // Delivery fee 10.00 by value 12.58 / 16.28 / 3.33 of 32.19: 3.908 / 5.057 / 1.034 -> 3.91 / 5.06 / 1.03.
        assertThat(parts).extracting(p -> p.adjustments().get(0).amountCents()).containsExactly(391L, 506L, 103L);
        assertThat(parts.stream().mapToLong(p -> p.supplierVatCents().get(VatRate.REDUCED)).sum()).isEqualTo(177L);
    }

    @Example
    void aWeighedLineSharedByTheGramShowsANetPriceThatRoundsBack() {
        MemberId a = MemberId.of("00000000-0000-0000-0000-00000000000a");
        MemberId b = MemberId.of("00000000-0000-0000-0000-00000000000b");
        // 4.12 kg of cheese at 12.90 = 53.148 -> 53.15; 2.06 kg each: exact 26.575 each; a gets the odd cent (id order).
        Bill bill = new Bill(List.of(new BillLine("cheese", "Tomme", Quantity.of("4.12"), new BigDecimal("12.90"), VatRate.REDUCED, 5315, "KGM")),
                List.of(), Map.of(VatRate.REDUCED, 292L));
        List<Receipt> receipts = List.of(new Receipt(b, "cheese", Quantity.of("2.06"), 2060, 2060), new Receipt(a, "cheese", Quantity.of("2.06"), 2060, 2060));

        List<MemberPart> parts = InvoiceSplit.split(bill, receipts, FeeSplitPolicy.BY_WEIGHT);

        assertThat(parts.get(0).lines().get(0).amountCents()).isEqualTo(2658L);
        assertThat(parts.get(1).lines().get(0).amountCents()).isEqualTo(2657L);
        // 2.06 x 12.90 = 26.574: b's part at the invoiced price, a's odd cent needs a third decimal (2.06 x 12.903 = 26.580).
        assertThat(parts.get(0).lines().get(0).netPrice()).isEqualByComparingTo("12.903");
        assertThat(parts.get(1).lines().get(0).netPrice()).isEqualByComparingTo("12.90");
    }

    @Example
    void aCreditNoteOfAnAllowanceOnlyIsSharedByWhatEachMemberReceived() {
        MemberId a = MemberId.of("00000000-0000-0000-0000-00000000000a");
        MemberId b = MemberId.of("00000000-0000-0000-0000-00000000000b");
        // A 10.00 discount granted after delivery (VAT 0.55), on goods worth 30.00 for a and 10.00 for b.
        Bill credit = new Bill(List.of(), List.of(new Adjustment("Geste commercial", VatRate.REDUCED, -1000)), Map.of(VatRate.REDUCED, -55L));
        List<Receipt> receipts = List.of(new Receipt(a, "carrots", Quantity.of(15), 15000, 3000),
                new Receipt(b, "carrots", Quantity.of(5), 5000, 1000));

        List<MemberPart> parts = InvoiceSplit.split(credit, receipts, FeeSplitPolicy.BY_VALUE);

        assertThat(parts).extracting(MemberPart::memberId).containsExactly(a, b);
        assertThat(parts).allSatisfy(part -> assertThat(part.lines()).isEmpty());
        assertThat(parts).extracting(p -> p.adjustments().get(0).amountCents()).containsExactly(-750L, -250L);
        assertThat(parts.stream().mapToLong(p -> p.supplierVatCents().get(VatRate.REDUCED)).sum()).isEqualTo(-55L);
    }

    @Example
    void anInvoicedProductThatNobodyReceivedCannotBeSplit() {
        MemberId a = MemberId.of("00000000-0000-0000-0000-00000000000a");
        Bill bill = new Bill(List.of(new BillLine("eggs", "Œufs", Quantity.of(30), new BigDecimal("0.35"), VatRate.REDUCED, 1050, "H87")),
                List.of(), Map.of(VatRate.REDUCED, 58L));

        assertThatThrownBy(() -> InvoiceSplit.split(bill, List.of(new Receipt(a, "flour", Quantity.of(1), 1000, 1000)), FeeSplitPolicy.BY_VALUE))
                .isInstanceOf(DomainException.class).hasMessageContaining("billing.nothing-received");
    }

    private static Map<VatRate, Long> negated(Map<VatRate, Long> cents) {
        Map<VatRate, Long> negated = new EnumMap<>(VatRate.class);
        cents.forEach((rate, value) -> negated.put(rate, -value));
        return negated;
    }
}
