package coop.mutua.billing.domain;

import coop.mutua.billing.api.InvoiceContent;
import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.billing.domain.InvoiceSplit.MemberPart;
import coop.mutua.billing.api.InvoiceContent.Charge;
import coop.mutua.billing.api.InvoiceContent.Item;
import coop.mutua.billing.api.InvoiceContent.VatBreakdown;
import coop.mutua.catalog.api.VatRegime;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.VatRate;
import coop.mutua.ordering.api.FeeSplitPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MemberInvoiceDraftsProperties {

    /** One member's parts of one to three random supplier invoices, a regime and a groupement fee. */
    record Case(List<MemberPart> parts, VatRegime regime, BigDecimal feePercent) {
    }

    @Provide
    Arbitrary<Case> cases() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.of(VatRegime.class),
                        Arbitraries.of(BigDecimal.ZERO, new BigDecimal("2"), new BigDecimal("3.5")), Arbitraries.integers().between(1, 3))
                .as((seed, regime, fee, invoices) -> {
                    Random random = new Random(seed);
                    List<MemberPart> parts = new ArrayList<>();
                    for (int i = 0; i < invoices; i++) {
                        InvoiceSplitProperties.Case split = InvoiceSplitProperties.generate(random,
                                FeeSplitPolicy.values()[random.nextInt(3)], random.nextInt(5) == 0, seed);
                        List<MemberPart> all = InvoiceSplit.split(split.bill(), split.receipts(), split.policy());
                        parts.add(all.get(random.nextInt(all.size())));
                    }
                    return new Case(parts, regime, fee);
                });
    }

    @Property(tries = 500)
    void totalsAreTheSumsOfTheRoundedAmountsAndVatIsPerRateOnTheirSum(@ForAll("cases") Case c) {
        InvoiceContent draft = MemberInvoiceDrafts.of(c.parts(), c.regime(), c.feePercent(), "Frais du groupement");

        assertThat(draft.linesCents()).isEqualTo(draft.items().stream().mapToLong(Item::amountCents).sum());
        assertThat(draft.chargesCents() - draft.allowancesCents()).isEqualTo(draft.charges().stream().mapToLong(Charge::amountCents).sum());
        assertThat(draft.baseCents()).isEqualTo(draft.linesCents() + draft.chargesCents() - draft.allowancesCents());
        assertThat(draft.vat().stream().mapToLong(VatBreakdown::baseCents).sum()).isEqualTo(draft.baseCents());
        for (VatBreakdown breakdown : draft.vat()) {
            long expected = breakdown.rate() == null ? 0 : BigDecimal.valueOf(breakdown.baseCents()).multiply(breakdown.rate().percent())
                    .movePointLeft(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
            assertThat(breakdown.vatCents()).isEqualTo(expected);
        }
        assertThat(draft.vatCents()).isEqualTo(draft.vat().stream().mapToLong(VatBreakdown::vatCents).sum());
        assertThat(draft.totalCents()).isEqualTo(draft.baseCents() + draft.vatCents());
        for (Item item : draft.items()) {
            assertThat(item.quantity().value().multiply(item.netPrice()).setScale(2, RoundingMode.HALF_UP))
                    .isEqualByComparingTo(BigDecimal.valueOf(Math.abs(item.amountCents()), 2));
        }
    }

    @Property(tries = 500)
    void aGroupementThatChargesNoVatPassesOnExactlyWhatItPaidTheSuppliers(@ForAll("cases") Case c) {
        VatRegime regime = c.regime() == VatRegime.REGISTERED ? VatRegime.FRANCHISE_293B : c.regime();
        InvoiceContent draft = MemberInvoiceDrafts.of(c.parts(), regime, BigDecimal.ZERO, "");

        long paid = c.parts().stream().mapToLong(p -> p.baseCents().values().stream().mapToLong(Long::longValue).sum()
                + p.supplierVatCents().values().stream().mapToLong(Long::longValue).sum()).sum();
        assertThat(draft.vatCents()).isZero();
        assertThat(draft.totalCents()).isEqualTo(paid);
        assertThat(draft.items()).allSatisfy(item -> assertThat(item.rate()).isNull());
        assertThat(draft.vat()).extracting(VatBreakdown::rate).containsExactly((VatRate) null);
    }

    @Property(tries = 500)
    void aRegisteredGroupementInvoicesTheSupplierAmountsExclVatAtTheirRates(@ForAll("cases") Case c) {
        InvoiceContent draft = MemberInvoiceDrafts.of(c.parts(), VatRegime.REGISTERED, BigDecimal.ZERO, "");

        Map<VatRate, Long> expected = new EnumMap<>(VatRate.class);
        c.parts().forEach(p -> p.baseCents().forEach((rate, cents) -> expected.merge(rate, cents, Long::sum)));
        Map<VatRate, Long> invoiced = draft.vat().stream().filter(v -> v.rate() != null)
                .collect(Collectors.toMap(VatBreakdown::rate, VatBreakdown::baseCents));
        expected.values().removeIf(v -> v == 0);
        invoiced.values().removeIf(v -> v == 0);
        assertThat(invoiced).isEqualTo(expected);
    }

    @Example
    void theGroupementFeeIsALineAtTheStandardRateWhenTheGroupementChargesVat() {
        MemberPart part = new MemberPart(MemberId.of("00000000-0000-0000-0000-00000000000a"),
                List.of(new InvoiceSplit.MemberLine("p", "Pommes", Quantity.of(10), new BigDecimal("2.35"), VatRate.REDUCED, 2350, "KGM")),
                List.of(new InvoiceSplit.MemberAdjustment("Livraison", VatRate.STANDARD, 150)), Map.of(VatRate.REDUCED, 129L, VatRate.STANDARD, 30L));

        InvoiceContent registered = MemberInvoiceDrafts.of(List.of(part), VatRegime.REGISTERED, new BigDecimal("2"), "Frais du groupement (2 %)");
        InvoiceContent franchise = MemberInvoiceDrafts.of(List.of(part), VatRegime.FRANCHISE_293B, new BigDecimal("2"), "Frais du groupement (2 %)");

        // 2 % of 25.00 = 0.50 at 20 %; VAT 5.5 % of 23.50 = 1.29 (1.2925), 20 % of 1.50 + 0.50 = 0.40.
        assertThat(registered.items()).extracting(Item::amountCents).containsExactly(2350L, 50L);
        assertThat(registered.vat()).containsExactly(new VatBreakdown(VatRate.STANDARD, 200, 40), new VatBreakdown(VatRate.REDUCED, 2350, 129));
        assertThat(registered.totalCents()).isEqualTo(2500 + 50 + 169);
        // Franchise: the supplier VAT is part of the cost (23.50 + 1.29, 1.50 + 0.30), 2 % of 26.59 = 0.53, no VAT.
        assertThat(franchise.items()).extracting(Item::amountCents).containsExactly(2479L, 53L);
        assertThat(franchise.charges()).extracting(Charge::amountCents).containsExactly(180L);
        assertThat(franchise.totalCents()).isEqualTo(2479 + 53 + 180);
        assertThat(franchise.items().get(0).netPrice()).isEqualByComparingTo("2.479");
    }
}
