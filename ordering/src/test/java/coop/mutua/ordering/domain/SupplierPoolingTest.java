package coop.mutua.ordering.domain;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.catalog.api.PriceTier;
import coop.mutua.catalog.api.ProductDetails;
import coop.mutua.catalog.api.ProductPrice;
import coop.mutua.catalog.api.SaleUnit;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.UnitPrice;
import coop.mutua.kernel.VatRate;
import coop.mutua.ordering.api.AllocationPolicy;
import coop.mutua.ordering.api.OfferedProduct;
import coop.mutua.ordering.domain.SupplierPooling.Demand;
import coop.mutua.ordering.domain.SupplierPooling.SupplierTerms;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SupplierPoolingTest {

    private static final SupplierId FARM = SupplierId.of("ferme");
    private static final MemberId A = MemberId.of("a");
    private static final MemberId B = MemberId.of("b");

    private static OfferedProduct carrots() {
        return new OfferedProduct(ProductId.of("carottes"), FARM, "CAR-6",
                new ProductDetails("Carottes", "Légumes", SaleUnit.KG, Quantity.of(1), Quantity.of(6), Quantity.ZERO, VatRate.REDUCED,
                        Set.of(), null),
                new ProductPrice(UnitPrice.of("2.00"), List.of(new PriceTier(Quantity.of(12), UnitPrice.of("1.80")))));
    }

    private static Allocation.Claim claim(MemberId member, long quantity, long tolerance) {
        return new Allocation.Claim(member, Quantity.of(quantity), Quantity.of(tolerance), Instant.parse("2026-12-01T08:00:00Z"));
    }

    @Test
    void toleranceFillsACaseAndTheOrderedQuantityReachesTheTier() {
        SupplierPooling.Result result = SupplierPooling.pool(List.of(new Demand(carrots(), List.of(claim(A, 7, 0), claim(B, 3, 2)))),
                new SupplierTerms(Money.parse("10.00"), Money.parse("15.00"), Money.parse("100.00")), AllocationPolicy.PRO_RATA);

        SupplierPooling.Line line = result.lines().get(0);
        assertThat(line.rounding().cases()).isEqualTo(2);
        assertThat(line.ordered()).isEqualTo(Quantity.of(12));
        assertThat(line.unitPrice()).isEqualTo(UnitPrice.of("1.80"));
        assertThat(line.amountExclVat()).isEqualTo(Money.parse("21.60"));
        assertThat(line.allocated()).containsEntry(A, Quantity.of(7)).containsEntry(B, Quantity.of(5));
        assertThat(result.totalExclVat()).isEqualTo(Money.parse("21.60"));
        assertThat(result.belowMinimum()).isFalse();
        assertThat(result.deliveryFee()).as("below the free-shipping threshold").isEqualTo(Money.parse("15.00"));
    }

    @Test
    void aSupplierOrderBelowTheMinimumIsFlaggedAndFreeShippingWaivesTheFee() {
        List<Demand> demand = List.of(new Demand(carrots(), List.of(claim(A, 6, 0))));

        SupplierPooling.Result small = SupplierPooling.pool(demand,
                new SupplierTerms(Money.parse("50.00"), Money.parse("15.00"), Money.ZERO), AllocationPolicy.PRO_RATA);
        SupplierPooling.Result free = SupplierPooling.pool(demand,
                new SupplierTerms(Money.ZERO, Money.parse("15.00"), Money.parse("12.00")), AllocationPolicy.PRO_RATA);
        SupplierPooling.Result nothing = SupplierPooling.pool(List.of(new Demand(carrots(), List.of(claim(A, 2, 0)))),
                new SupplierTerms(Money.parse("50.00"), Money.parse("15.00"), Money.ZERO), AllocationPolicy.PRO_RATA);

        assertThat(small.belowMinimum()).isTrue();
        assertThat(small.deliveryFee()).isEqualTo(Money.parse("15.00"));
        assertThat(free.deliveryFee()).isEqualTo(Money.ZERO);
        assertThat(nothing.totalExclVat()).as("a started case nobody fills: nothing ordered").isEqualTo(Money.ZERO);
        assertThat(nothing.belowMinimum()).as("nothing to flag").isFalse();
        assertThat(nothing.deliveryFee()).isEqualTo(Money.ZERO);
        assertThat(nothing.lines().get(0).allocated()).containsEntry(A, Quantity.ZERO);
    }
}
