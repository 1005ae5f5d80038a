package coop.mutua.billing.domain;

import coop.mutua.billing.api.InvoiceDifference;
import coop.mutua.billing.api.InvoiceDifference.Kind;
import coop.mutua.billing.api.SupplierInvoiceCharge;
import coop.mutua.billing.api.SupplierInvoiceLine;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.UnitPrice;
import coop.mutua.kernel.VatRate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares a supplier invoice with the grouped order and what arrived (three-way match) and lists every difference:
 * products invoiced but not ordered, quantities other than received (ordered, before reception) less what the order's
 * other invoices already bill, products received but not invoiced, unit prices other than the order's, line amounts that are not quantity x price, and VAT totals that are
 * not the rate applied to the rate's base. A credit note is only checked for its own arithmetic: it refunds part of an
 * invoice, so it never matches the order's quantities.
 */
public final class ThreeWayMatch {

    private ThreeWayMatch() {
    }

    /**
     * A line of the grouped order; {@code received} is null before reception; {@code invoicedBefore}: what the order's
     * other invoices already bill of it, net of its credit notes.
     */
    public record OrderedLine(ProductId productId, String label, Quantity ordered, UnitPrice unitPrice, Quantity received,
                              Quantity invoicedBefore) {

        /** A line no other invoice bills yet. */
        public OrderedLine(ProductId productId, String label, Quantity ordered, UnitPrice unitPrice, Quantity received) {
            this(productId, label, ordered, unitPrice, received, Quantity.ZERO);
        }

        /** What is left to invoice: what arrived (what was ordered, before reception) less what is already invoiced. */
        Quantity toInvoice() {
            BigDecimal due = (received == null ? ordered : received).value();
            BigDecimal left = due.subtract(invoicedBefore == null ? BigDecimal.ZERO : invoicedBefore.value());
            return new Quantity(left.signum() < 0 ? BigDecimal.ZERO : left);
        }
    }

    public static List<InvoiceDifference> differences(List<OrderedLine> order, List<SupplierInvoiceLine> lines,
                                                      List<SupplierInvoiceCharge> charges, Map<VatRate, Money> statedVat,
                                                      boolean creditNote) {
        List<InvoiceDifference> differences = new ArrayList<>();
        Map<ProductId, OrderedLine> ordered = new LinkedHashMap<>();
        order.forEach(line -> ordered.put(line.productId(), line));
        Map<ProductId, SupplierInvoiceLine> invoiced = new LinkedHashMap<>();
        for (SupplierInvoiceLine line : lines) {
            invoiced.put(line.productId(), line);
            Money expected = line.unitPrice().times(line.quantity());
            if (!expected.equals(line.amountExclVat())) {
                differences.add(lineAmount(line, expected));
            }
            if (creditNote) {
                continue;
            }
            OrderedLine orderedLine = ordered.get(line.productId());
            if (orderedLine == null) {
                differences.add(notOrdered(line));
                continue;
            }
            Quantity reference = orderedLine.toInvoice();
            int quantity = line.quantity().compareTo(reference);
            if (quantity != 0) {
                differences.add(against(quantity > 0 ? Kind.MORE_THAN_RECEIVED : Kind.LESS_THAN_RECEIVED, line, orderedLine));
            }
            if (line.unitPrice().compareTo(orderedLine.unitPrice()) != 0) {
                differences.add(against(Kind.PRICE, line, orderedLine));
            }
        }
        if (!creditNote) {
            for (OrderedLine line : order) {
                Quantity reference = line.toInvoice();
                if (!invoiced.containsKey(line.productId()) && !reference.isZero()) {
                    differences.add(notInvoiced(line));
                }
            }
        }
        Map<VatRate, Money> vat = vatPerRate(lines, charges);
        Map<VatRate, Money> stated = new TreeMap<>(statedVat == null ? Map.of() : statedVat);
        for (VatRate rate : VatRate.values()) {
            Money expected = vat.getOrDefault(rate, Money.ZERO);
            Money given = stated.getOrDefault(rate, Money.ZERO);
            if (!expected.equals(given)) {
                differences.add(vat(rate, expected, given));
            }
        }
        return List.copyOf(differences);
    }

    // One builder per kind of difference: each fills the fields its kind has, the others are null (see InvoiceDifference).

    /** An invoice line whose amount is not its quantity at its price. */
    private static InvoiceDifference lineAmount(SupplierInvoiceLine line, Money expected) {
        return new InvoiceDifference(Kind.LINE_AMOUNT, line.productId(), line.label(), null, null, line.quantity(), null,
                line.unitPrice(), line.vatRate(), expected, line.amountExclVat());
    }

    /** An invoice line for a product the grouped order does not have. */
    private static InvoiceDifference notOrdered(SupplierInvoiceLine line) {
        return new InvoiceDifference(Kind.NOT_ORDERED, line.productId(), line.label(), null, null, line.quantity(), null,
                line.unitPrice(), line.vatRate(), null, line.amountExclVat());
    }

    /** An invoice line that differs from its ordered line in quantity or in price. */
    private static InvoiceDifference against(Kind kind, SupplierInvoiceLine line, OrderedLine ordered) {
        return new InvoiceDifference(kind, line.productId(), ordered.label(), ordered.ordered(), ordered.received(), line.quantity(),
                ordered.unitPrice(), line.unitPrice(), line.vatRate(), null, null);
    }

    /** An ordered line that arrived (or was ordered, before reception) and is not invoiced. */
    private static InvoiceDifference notInvoiced(OrderedLine line) {
        return new InvoiceDifference(Kind.NOT_INVOICED, line.productId(), line.label(), line.ordered(), line.received(), Quantity.ZERO,
                line.unitPrice(), null, null, null, null);
    }

    /** The VAT stated for a rate is not the VAT of the lines and charges at that rate. */
    private static InvoiceDifference vat(VatRate rate, Money expected, Money stated) {
        return new InvoiceDifference(Kind.VAT, null, null, null, null, null, null, null, rate, expected, stated);
    }

    /** A supplier invoice's amount excl. VAT per rate: its lines and its charges and allowances. */
    public static Map<VatRate, Long> basesPerRate(List<SupplierInvoiceLine> lines, List<SupplierInvoiceCharge> charges) {
        Map<VatRate, Long> bases = new EnumMap<>(VatRate.class);
        lines.forEach(line -> bases.merge(line.vatRate(), line.amountExclVat().cents(), Long::sum));
        charges.forEach(charge -> bases.merge(charge.vatRate(), charge.amountExclVat().cents(), Long::sum));
        return bases;
    }

    /** The VAT a supplier invoice should state per rate: each rate applied to its base, rounded half up. */
    public static Map<VatRate, Money> vatPerRate(List<SupplierInvoiceLine> lines, List<SupplierInvoiceCharge> charges) {
        Map<VatRate, Money> vat = new EnumMap<>(VatRate.class);
        basesPerRate(lines, charges).forEach((rate, base) -> vat.put(rate, Money.ofCents(MemberInvoiceDrafts.vatOn(base, rate))));
        return vat;
    }
}
