package coop.mutua.ordering.domain;

import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.UnitPrice;
import coop.mutua.ordering.api.AllocationPolicy;
import coop.mutua.ordering.api.OfferedProduct;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One supplier's order at close (DOMAIN.md, Pooling rules 1 to 5): for each product asked for, the cases and quantity
 * ordered, the unit price of the tier the ordered quantity reaches, the amount excluding VAT and each member's share;
 * then the supplier's minimum amount (below it, the order is flagged for the coordinator) and its free-shipping
 * threshold (reached, no delivery fee). Pure function: no Spring, no database.
 */
public final class SupplierPooling {

    private SupplierPooling() {
    }

    /** What the supplier asks: a minimum order amount, a delivery fee, waived from a free-shipping threshold (zero: none). */
    public record SupplierTerms(Money minimumOrder, Money deliveryFee, Money freeShippingThreshold) {
    }

    /** The members' demand for one offered product. */
    public record Demand(OfferedProduct product, List<Allocation.Claim> claims) {
    }

    /** One line of the supplier order and how it is shared. */
    public record Line(OfferedProduct product, CaseRounding.Result rounding, UnitPrice unitPrice, Money amountExclVat,
                       Map<MemberId, Quantity> allocated, Quantity unallocated, List<Allocation.Claim> claims) {

        public Quantity ordered() {
            return rounding.ordered();
        }
    }

    public record Result(List<Line> lines, Money totalExclVat, boolean belowMinimum, Money deliveryFee) {
    }

    public static Result pool(List<Demand> demands, SupplierTerms terms, AllocationPolicy policy) {
        List<Line> lines = new ArrayList<>();
        Money total = Money.ZERO;
        List<Demand> byReference = demands.stream()
                .sorted(Comparator.comparing((Demand d) -> d.product().reference()).thenComparing(d -> d.product().productId().value()))
                .toList();
        for (Demand demand : byReference) {
            OfferedProduct product = demand.product();
            Quantity asked = sum(demand.claims(), Allocation.Claim::quantity);
            Quantity tolerance = sum(demand.claims(), claim -> claim.tolerance() == null ? Quantity.ZERO : claim.tolerance());
            CaseRounding.Result rounding = CaseRounding.round(asked, tolerance, product.details().caseSize(),
                    product.details().minimumOrderQuantity());
            UnitPrice price = product.price().unitPriceFor(rounding.ordered());
            Money amount = price.times(rounding.ordered());
            Allocation.Result shares = Allocation.allocate(rounding.ordered(), product.details().step(), demand.claims(), policy);
            lines.add(new Line(product, rounding, price, amount, shares.allocated(), shares.unallocated(), demand.claims()));
            total = total.plus(amount);
        }
        boolean ordersSomething = total.compareTo(Money.ZERO) > 0;
        boolean belowMinimum = ordersSomething && total.compareTo(terms.minimumOrder()) < 0;
        boolean freeShipping = terms.freeShippingThreshold().compareTo(Money.ZERO) > 0 && total.compareTo(terms.freeShippingThreshold()) >= 0;
        Money deliveryFee = !ordersSomething || freeShipping ? Money.ZERO : terms.deliveryFee();
        return new Result(List.copyOf(lines), total, belowMinimum, deliveryFee);
    }

    private static Quantity sum(List<Allocation.Claim> claims, Function<Allocation.Claim, Quantity> part) {
        BigDecimal total = BigDecimal.ZERO;
        for (Allocation.Claim claim : claims) {
            total = total.add(part.apply(claim).value());
        }
        return new Quantity(total);
    }
}
