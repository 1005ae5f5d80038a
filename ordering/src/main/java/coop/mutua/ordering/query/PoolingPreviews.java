package coop.mutua.ordering.query;

import coop.mutua.catalog.api.FindSupplierQuery;
import coop.mutua.catalog.api.SupplierSummary;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.UnitPrice;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.SupplierId;
import coop.mutua.ordering.api.FindMemberOrderQuery;
import coop.mutua.ordering.api.FindPoolingPreviewQuery;
import coop.mutua.ordering.api.FindRoundOfferQuery;
import coop.mutua.ordering.api.OfferedProduct;
import coop.mutua.ordering.api.OrderLine;
import coop.mutua.ordering.api.PoolingPreview;
import coop.mutua.ordering.api.PoolingPreview.MyLine;
import coop.mutua.ordering.api.PoolingPreview.MyOrder;
import coop.mutua.ordering.api.PoolingPreview.ProductPool;
import coop.mutua.ordering.api.AllocationPolicy;
import coop.mutua.ordering.api.FindRoundTermsQuery;
import coop.mutua.ordering.api.RoundTerms;
import coop.mutua.ordering.api.PoolingPreview.SupplierPool;
import coop.mutua.ordering.domain.Allocation;
import coop.mutua.ordering.domain.CaseRounding;
import coop.mutua.ordering.domain.LineOutlook;
import coop.mutua.ordering.domain.TierProgress;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.sql.Timestamp;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds the live pooling preview from the frozen offer and the pooled lines, with the same pure rules the close
 * will apply (case rounding, tiers). Members see pooled totals and their own lines only.
 */
@Component
public class PoolingPreviews {

    private final JdbcClient jdbc;
    private final RoundQueries rounds;
    private final QueryGateway queries;

    PoolingPreviews(JdbcClient jdbc, RoundQueries rounds, QueryGateway queries) {
        this.jdbc = jdbc;
        this.rounds = rounds;
        this.queries = queries;
    }

    @QueryHandler
    public List<OrderLine> handle(FindMemberOrderQuery query) {
        return jdbc.sql("""
                SELECT l.product_id, l.quantity, l.tolerance FROM member_order_line l
                JOIN member_order o ON o.order_id = l.order_id
                WHERE o.groupement_id = :groupement AND o.round_id = :round AND o.member_id = :member
                ORDER BY l.product_id""")
                .param("groupement", query.groupementId().value()).param("round", query.roundId().value())
                .param("member", query.memberId().value())
                .query((rs, n) -> new OrderLine(ProductId.of(rs.getString(1)), new Quantity(rs.getBigDecimal(2)),
                        new Quantity(rs.getBigDecimal(3))))
                .list();
    }

    @QueryHandler
    public PoolingPreview handle(FindPoolingPreviewQuery query) {
        List<OfferedProduct> offer = rounds.handle(new FindRoundOfferQuery(query.groupementId(), query.roundId()));
        Map<String, List<Allocation.Claim>> claims = new HashMap<>();
        jdbc.sql("""
                SELECT l.product_id, o.member_id, l.quantity, l.tolerance, o.first_submitted_at FROM member_order_line l
                JOIN member_order o ON o.order_id = l.order_id
                WHERE o.groupement_id = :groupement AND o.round_id = :round""")
                .param("groupement", query.groupementId().value()).param("round", query.roundId().value())
                .query((rs, n) -> {
                    Timestamp first = rs.getTimestamp(5);
                    return claims.computeIfAbsent(rs.getString(1), product -> new ArrayList<>()).add(new Allocation.Claim(
                            MemberId.of(rs.getString(2)), new Quantity(rs.getBigDecimal(3)), new Quantity(rs.getBigDecimal(4)),
                            first == null ? null : first.toInstant()));
                })
                .list();
        AllocationPolicy policy = query.viewer() == null ? AllocationPolicy.PRO_RATA
                : rounds.handle(new FindRoundTermsQuery(query.groupementId(), query.roundId()))
                        .map(RoundTerms::allocationPolicy).orElse(AllocationPolicy.PRO_RATA);
        Map<SupplierId, List<ProductPool>> bySupplier = new LinkedHashMap<>();
        Map<SupplierId, Money> amounts = new HashMap<>();
        MyOrderSum mine = new MyOrderSum();
        for (OfferedProduct product : offer) {
            List<Allocation.Claim> productClaims = claims.getOrDefault(product.productId().value(), List.of());
            Quantity asked = Quantity.ZERO;
            Quantity tolerance = Quantity.ZERO;
            Allocation.Claim own = null;
            for (Allocation.Claim claim : productClaims) {
                asked = asked.plus(claim.quantity());
                tolerance = tolerance.plus(claim.tolerance());
                own = claim.memberId().equals(query.viewer()) ? claim : own;
            }
            CaseRounding.Result rounding = CaseRounding.round(asked, tolerance,
                    product.details().caseSize(), product.details().minimumOrderQuantity());
            TierProgress tier = TierProgress.of(product.price(), rounding.ordered());
            MyLine myLine = null;
            if (query.viewer() != null) {
                LineOutlook outlook = LineOutlook.of(query.viewer(), productClaims, rounding, product.details().step(), policy);
                myLine = new MyLine(outlook.kind(), outlook.expected(), outlook.shortfall());
                mine.add(product, tier.unitPrice(), outlook.expected());
            }
            bySupplier.computeIfAbsent(product.supplierId(), key -> new ArrayList<>()).add(new ProductPool(product.productId(),
                    product.reference(), product.details().name(), product.details().saleUnit().name(),
                    product.details().caseSize(), rounding.asked(), rounding.tolerance(), rounding.cases(),
                    rounding.ordered(), rounding.missingToNextCase(), tier.unitPrice(),
                    tier.nextTier() == null ? null : tier.nextTier().unitPrice(), tier.toNextTier(),
                    own == null ? Quantity.ZERO : own.quantity(), own == null ? Quantity.ZERO : own.tolerance(), myLine));
            amounts.merge(product.supplierId(), tier.unitPrice().times(rounding.ordered()), Money::plus);
        }
        List<SupplierPool> suppliers = new ArrayList<>();
        bySupplier.forEach((supplierId, products) -> {
            Optional<SupplierSummary> supplier = queries.query(new FindSupplierQuery(query.groupementId(), supplierId),
                    ResponseTypes.optionalInstanceOf(SupplierSummary.class)).join();
            Money amount = amounts.getOrDefault(supplierId, Money.ZERO);
            Money minimum = supplier.map(SupplierSummary::minimumOrder).orElse(Money.ZERO);
            Money freeShipping = supplier.map(SupplierSummary::freeShippingThreshold).orElse(Money.ZERO);
            suppliers.add(new SupplierPool(supplierId, supplier.map(SupplierSummary::name).orElse(supplierId.value()), amount,
                    minimum, freeShipping, amount.compareTo(minimum) >= 0,
                    freeShipping.cents() > 0 && amount.compareTo(freeShipping) >= 0, products));
        });
        return new PoolingPreview(query.roundId(), suppliers, query.viewer() == null ? null : mine.total());
    }

    /**
     * The member's order at the prices the pool reaches: amounts per line rounded to the cent, VAT per rate on the sum
     * of the rounded amounts (as the member's invoice will compute it), savings against the products' base prices.
     */
    private static final class MyOrderSum {
        private final Map<BigDecimal, Money> byRate = new TreeMap<>();
        private Money savings = Money.ZERO;
        private int lines;

        void add(OfferedProduct product, UnitPrice reached, Quantity quantity) {
            if (quantity.isZero()) {
                return;
            }
            lines++;
            Money amount = reached.times(quantity);
            byRate.merge(product.details().vatRate().percent(), amount, Money::plus);
            savings = savings.plus(product.price().unitPrice().times(quantity).minus(amount));
        }

        MyOrder total() {
            Money exclVat = Money.ZERO;
            Money vat = Money.ZERO;
            for (Map.Entry<BigDecimal, Money> rate : byRate.entrySet()) {
                exclVat = exclVat.plus(rate.getValue());
                vat = vat.plus(Money.rounded(rate.getValue().toBigDecimal().multiply(rate.getKey()).movePointLeft(2)));
            }
            return new MyOrder(lines, exclVat, exclVat.plus(vat), savings);
        }
    }
}
