package coop.mutua.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.billing.api.InvoiceDifference;
import coop.mutua.billing.api.InvoiceDifference.Kind;
import coop.mutua.billing.api.SupplierInvoiceCharge;
import coop.mutua.billing.api.SupplierInvoiceLine;
import coop.mutua.billing.domain.ThreeWayMatch.OrderedLine;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.UnitPrice;
import coop.mutua.kernel.VatRate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreeWayMatchTest {

    static final ProductId CARROTS = ProductId.of("00000000-0000-0000-0000-0000000000c1");
    static final ProductId CHEESE = ProductId.of("00000000-0000-0000-0000-0000000000c2");
    static final ProductId EGGS = ProductId.of("00000000-0000-0000-0000-0000000000c3");

    /** 12 kg of carrots ordered, 9 received; 4 kg of cheese ordered, 4.12 received. */
    static final List<OrderedLine> ORDER = List.of(
            new OrderedLine(CARROTS, "Carottes", Quantity.of(12), UnitPrice.of("1.80"), Quantity.of(9)),
            new OrderedLine(CHEESE, "Tomme", Quantity.of(4), UnitPrice.of("16.80"), Quantity.of("4.12")));

    static SupplierInvoiceLine line(ProductId product, String quantity, String price, String amount) {
        return new SupplierInvoiceLine(product, product.value(), Quantity.of(quantity), UnitPrice.of(price), VatRate.REDUCED, Money.parse(amount));
    }

    @Test
    void anInvoiceOfWhatArrivedAtTheOrdersPricesAndRightVatMatches() {
        List<InvoiceDifference> differences = ThreeWayMatch.differences(ORDER,
                List.of(line(CARROTS, "9", "1.80", "16.20"), line(CHEESE, "4.12", "16.80", "69.22")),
                List.of(new SupplierInvoiceCharge("Livraison", VatRate.STANDARD, Money.parse("12.00"))),
                Map.of(VatRate.REDUCED, Money.parse("4.70"), VatRate.STANDARD, Money.parse("2.40")), false);

        assertThat(differences).isEmpty();
    }

    @Test
    void everyKindOfDifferenceIsListed() {
        List<InvoiceDifference> differences = ThreeWayMatch.differences(ORDER,
                List.of(line(CARROTS, "12", "1.80", "21.60"), line(EGGS, "30", "0.35", "10.50"), line(CHEESE, "4", "17.00", "68.10")),
                List.of(), Map.of(VatRate.REDUCED, Money.parse("5.00")), false);

        assertThat(differences).extracting(InvoiceDifference::kind).containsExactly(
                Kind.MORE_THAN_RECEIVED, Kind.NOT_ORDERED, Kind.LINE_AMOUNT, Kind.LESS_THAN_RECEIVED, Kind.PRICE, Kind.VAT);
        InvoiceDifference vat = differences.get(differences.size() - 1);
        // 21.60 + 10.50 + 68.10 = 100.20 at 5.5 % = 5.51.
        assertThat(vat.expected()).isEqualTo(Money.parse("5.51"));
        assertThat(vat.stated()).isEqualTo(Money.parse("5.00"));
    }

    @Test
    void somethingReceivedButNotInvoicedIsADifferenceAndBeforeReceptionTheOrderIsTheReference() {
        List<OrderedLine> notReceived = List.of(new OrderedLine(CARROTS, "Carottes", Quantity.of(12), UnitPrice.of("1.80"), null),
                new OrderedLine(CHEESE, "Tomme", Quantity.of(4), UnitPrice.of("16.80"), null));

        List<InvoiceDifference> differences = ThreeWayMatch.differences(notReceived, List.of(line(CARROTS, "12", "1.80", "21.60")),
                List.of(), Map.of(VatRate.REDUCED, Money.parse("1.19")), false);

        assertThat(differences).extracting(InvoiceDifference::kind).containsExactly(Kind.NOT_INVOICED);
        assertThat(differences.get(0).productId()).isEqualTo(CHEESE);
    }

    @Test
    void whatTheOrdersOtherInvoicesAlreadyBillIsNotToBeInvoicedAgain() {
        // 9 kg of carrots received, 6 already invoiced: 3 are left; the cheese is all invoiced already.
        List<OrderedLine> partlyInvoiced = List.of(
                new OrderedLine(CARROTS, "Carottes", Quantity.of(12), UnitPrice.of("1.80"), Quantity.of(9), Quantity.of(6)),
                new OrderedLine(CHEESE, "Tomme", Quantity.of(4), UnitPrice.of("16.80"), Quantity.of("4.12"), Quantity.of("4.12")));

        assertThat(ThreeWayMatch.differences(partlyInvoiced, List.of(line(CARROTS, "3", "1.80", "5.40")), List.of(),
                Map.of(VatRate.REDUCED, Money.parse("0.30")), false)).as("the rest, and nothing of the cheese").isEmpty();
        assertThat(ThreeWayMatch.differences(partlyInvoiced, List.of(line(CARROTS, "9", "1.80", "16.20")), List.of(),
                Map.of(VatRate.REDUCED, Money.parse("0.89")), false)).extracting(InvoiceDifference::kind)
                .as("the whole delivery again").containsExactly(Kind.MORE_THAN_RECEIVED);
    }

    @Test
    void aCreditNoteIsOnlyCheckedForItsOwnArithmetic() {
        List<InvoiceDifference> differences = ThreeWayMatch.differences(ORDER, List.of(line(CARROTS, "1", "1.80", "1.80")),
                List.of(), Map.of(VatRate.REDUCED, Money.parse("0.10")), true);

        assertThat(differences).isEmpty();
    }
}
