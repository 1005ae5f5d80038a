package coop.mutua.billing.domain;

import coop.mutua.billing.api.InvoiceContent.Charge;
import coop.mutua.billing.api.InvoiceContent.Item;
import coop.mutua.billing.api.InvoiceContent.VatBreakdown;
import coop.mutua.billing.api.InvoiceContent;
import coop.mutua.billing.domain.InvoiceSplit.MemberAdjustment;
import coop.mutua.billing.domain.InvoiceSplit.MemberLine;
import coop.mutua.billing.domain.InvoiceSplit.MemberPart;
import coop.mutua.catalog.api.VatRegime;
import coop.mutua.kernel.LargestRemainder.Claim;
import coop.mutua.kernel.LargestRemainder;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.VatRate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes a member's invoice for a round from its parts of the round's supplier invoices: the lines, charges and
 * allowances it will carry, and its totals. Pure: no numbering, no dates, no storage.
 *
 * <p>A VAT-registered groupement invoices the supplier amounts excl. VAT and charges VAT at each product's rate. One
 * that is not registered (franchise art. 293 B, or outside the scope of VAT) charges no VAT; its cost is what it paid
 * the suppliers VAT included, so each line and charge carries its share of the supplier's VAT of its rate (largest
 * remainder by amount). The groupement fee, if any, is a line of its own: a percentage of the member's purchases
 * excl. the groupement's VAT, at the standard rate when the groupement charges VAT.
 *
 * <p>VAT is computed per rate on the sum of the rounded line, charge and allowance amounts (EN 16931 BR-CO-17), half up.
 */
public final class MemberInvoiceDrafts {

    private MemberInvoiceDrafts() {
    }

    /** Description of the groupement fee line; the percentage follows. */
    public static final String FEE_KEY = "groupement-fee";

    public static InvoiceContent of(List<MemberPart> parts, VatRegime regime, BigDecimal feePercent, String feeDescription) {
        boolean chargesVat = regime == VatRegime.REGISTERED;
        List<Item> items = new ArrayList<>();
        List<Charge> charges = new ArrayList<>();
        for (MemberPart part : parts) {
            if (chargesVat) {
                part.lines().forEach(line -> items.add(new Item(line.productKey(), line.label(), line.quantity(),
                        line.netPrice(), line.rate(), line.amountCents(), line.unit())));
                part.adjustments().forEach(adjustment -> charges.add(new Charge(adjustment.label(), adjustment.rate(),
                        adjustment.amountCents())));
            } else {
                withSupplierVat(part, items, charges);
            }
        }
        long purchases = items.stream().mapToLong(Item::amountCents).sum() + charges.stream().mapToLong(Charge::amountCents).sum();
        if (feePercent != null && feePercent.signum() > 0) {
            long fee = BigDecimal.valueOf(purchases).multiply(feePercent).movePointLeft(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
            if (fee != 0) {
                items.add(new Item(FEE_KEY, feeDescription, Quantity.of(1), BigDecimal.valueOf(Math.abs(fee), 2),
                        chargesVat ? VatRate.STANDARD : null, fee, null));
            }
        }
        return totals(items, charges, chargesVat);
    }

    /** Lines and charges carrying their share of the supplier VAT of their rate, with no VAT rate of their own. */
    private static void withSupplierVat(MemberPart part, List<Item> items, List<Charge> charges) {
        long[] lineVat = new long[part.lines().size()];
        long[] adjustmentVat = new long[part.adjustments().size()];
        for (VatRate rate : VatRate.values()) {
            long vat = part.supplierVatCents().getOrDefault(rate, 0L);
            if (vat == 0) {
                continue;
            }
            // Keys: line i as i, adjustment i as -1 - i.
            List<Claim<Integer>> claims = new ArrayList<>();
            for (int i = 0; i < part.lines().size(); i++) {
                if (part.lines().get(i).rate() == rate) {
                    claims.add(new Claim<>(i, Math.abs(part.lines().get(i).amountCents())));
                }
            }
            for (int i = 0; i < part.adjustments().size(); i++) {
                if (part.adjustments().get(i).rate() == rate) {
                    claims.add(new Claim<>(-1 - i, Math.abs(part.adjustments().get(i).amountCents())));
                }
            }
            if (claims.isEmpty()) {
                // Supplier VAT at a rate the member has nothing at (a supplier's VAT not matching its lines): a charge.
                charges.add(new Charge("TVA fournisseur " + rate + " %", null, vat));
                continue;
            }
            if (claims.stream().allMatch(c -> c.weight() == 0)) {
                claims.replaceAll(c -> new Claim<>(c.key(), 1));
            }
            LargestRemainder.allocate(vat, claims, Comparator.naturalOrder()).forEach((key, cents) -> {
                if (key >= 0) {
                    lineVat[key] += cents;
                } else {
                    adjustmentVat[-1 - key] += cents;
                }
            });
        }
        for (int i = 0; i < lineVat.length; i++) {
            MemberLine line = part.lines().get(i);
            long cents = line.amountCents() + lineVat[i];
            items.add(new Item(line.productKey(), line.label(), line.quantity(),
                    InvoiceSplit.netPrice(line.quantity(), line.netPrice(), cents), null, cents, line.unit()));
        }
        for (int i = 0; i < adjustmentVat.length; i++) {
            MemberAdjustment adjustment = part.adjustments().get(i);
            charges.add(new Charge(adjustment.label(), null, adjustment.amountCents() + adjustmentVat[i]));
        }
    }

    private static InvoiceContent totals(List<Item> items, List<Charge> charges, boolean chargesVat) {
        Map<VatRate, Long> bases = new TreeMap<>(Comparator.comparing(VatRate::percent).reversed());
        long lines = 0;
        long chargesSum = 0;
        long allowances = 0;
        long exempt = 0;
        for (Item item : items) {
            lines += item.amountCents();
            if (item.rate() == null) {
                exempt += item.amountCents();
            } else {
                bases.merge(item.rate(), item.amountCents(), Long::sum);
            }
        }
        for (Charge charge : charges) {
            if (charge.amountCents() >= 0) {
                chargesSum += charge.amountCents();
            } else {
                allowances -= charge.amountCents();
            }
            if (charge.rate() == null) {
                exempt += charge.amountCents();
            } else {
                bases.merge(charge.rate(), charge.amountCents(), Long::sum);
            }
        }
        List<VatBreakdown> vat = new ArrayList<>();
        long vatTotal = 0;
        for (Map.Entry<VatRate, Long> base : bases.entrySet()) {
            long tax = vatOn(base.getValue(), base.getKey());
            vat.add(new VatBreakdown(base.getKey(), base.getValue(), tax));
            vatTotal += tax;
        }
        if (!chargesVat || exempt != 0) {
            vat.add(new VatBreakdown(null, exempt, 0));
        }
        long base = lines + chargesSum - allowances;
        return new InvoiceContent(List.copyOf(items), List.copyOf(charges), List.copyOf(vat), lines, chargesSum,
                allowances, base, vatTotal, base + vatTotal);
    }

    /** VAT of a base at a rate, rounded half up to the cent (half away from zero for a negative base). */
    public static long vatOn(long baseCents, VatRate rate) {
        return BigDecimal.valueOf(baseCents).multiply(rate.percent()).movePointLeft(2)
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
