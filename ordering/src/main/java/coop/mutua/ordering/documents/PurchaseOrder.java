package coop.mutua.ordering.documents;

import coop.mutua.kernel.Money;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.UnitPrice;
import coop.mutua.kernel.VatRate;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a supplier's grouped purchase order shows: who buys (the groupement) from whom, for which round, where
 * and when to deliver, the lines and totals per VAT rate, and the packing list per member structure.
 */
public record PurchaseOrder(String number, Party buyer, Party supplier, String roundTitle, LocalDate deliveryDate,
                            String deliveryPlace, List<Line> lines, Money deliveryFee, List<Packing> packingList) {

    public record Party(String name, String siret, String vatNumber, String address, String email) {
    }

    public record Line(String reference, String name, String saleUnit, long cases, Quantity caseSize, Quantity quantity,
                       UnitPrice unitPrice, Money amountExclVat, VatRate vatRate) {
    }

    /** What one member structure gets: the supplier prepares (or the hub splits) the delivery by these. */
    public record Packing(String member, List<PackedLine> lines) {
    }

    public record PackedLine(String reference, String name, Quantity quantity) {
    }

    /** Totals per VAT rate: amount excluding VAT, VAT (rounded to the cent on the rate's total), amount including VAT. */
    public record VatTotal(VatRate rate, Money exclVat, Money vat, Money inclVat) {
    }

    public List<VatTotal> vatTotals() {
        Map<VatRate, Money> byRate = new TreeMap<>();
        for (Line line : lines) {
            byRate.merge(line.vatRate(), line.amountExclVat(), Money::plus);
        }
        return byRate.entrySet().stream().map(entry -> {
            Money vat = Money.rounded(entry.getValue().toBigDecimal().multiply(entry.getKey().percent())
                    .movePointLeft(2));
            return new VatTotal(entry.getKey(), entry.getValue(), vat, entry.getValue().plus(vat));
        }).toList();
    }

    public Money totalExclVat() {
        return lines.stream().map(Line::amountExclVat).reduce(Money.ZERO, Money::plus);
    }
}
