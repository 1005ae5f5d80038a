package coop.mutua.ordering.query;

import coop.mutua.catalog.api.FindSupplierQuery;
import coop.mutua.catalog.api.SupplierSummary;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.SupplierId;
import coop.mutua.ordering.api.FindMemberOrderQuery;
import coop.mutua.ordering.api.FindPoolingPreviewQuery;
import coop.mutua.ordering.api.FindRoundOfferQuery;
import coop.mutua.ordering.api.OfferedProduct;
import coop.mutua.ordering.api.OrderLine;
import coop.mutua.ordering.api.PoolingPreview;
import coop.mutua.ordering.api.PoolingPreview.ProductPool;
import coop.mutua.ordering.api.PoolingPreview.SupplierPool;
import coop.mutua.ordering.domain.CaseRounding;
import coop.mutua.ordering.domain.TierProgress;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        Map<String, BigDecimal[]> pooled = new HashMap<>();
        jdbc.sql("""
                SELECT l.product_id, sum(l.quantity), sum(l.tolerance) FROM member_order_line l
                JOIN member_order o ON o.order_id = l.order_id
                WHERE o.groupement_id = :groupement AND o.round_id = :round
                GROUP BY l.product_id""")
                .param("groupement", query.groupementId().value()).param("round", query.roundId().value())
                .query((rs, n) -> pooled.put(rs.getString(1), new BigDecimal[] {rs.getBigDecimal(2), rs.getBigDecimal(3)}))
                .list();
        Map<ProductId, OrderLine> mine = new HashMap<>();
        if (query.viewer() != null) {
            handle(new FindMemberOrderQuery(query.groupementId(), query.roundId(), query.viewer()))
                    .forEach(line -> mine.put(line.productId(), line));
        }
        Map<SupplierId, List<ProductPool>> bySupplier = new LinkedHashMap<>();
        Map<SupplierId, Money> amounts = new HashMap<>();
        for (OfferedProduct product : offer) {
            BigDecimal[] sums = pooled.getOrDefault(product.productId().value(), new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            CaseRounding.Result rounding = CaseRounding.round(new Quantity(sums[0]), new Quantity(sums[1]),
                    product.details().caseSize(), product.details().minimumOrderQuantity());
            TierProgress tier = TierProgress.of(product.price(), rounding.ordered());
            OrderLine own = mine.get(product.productId());
            bySupplier.computeIfAbsent(product.supplierId(), key -> new ArrayList<>()).add(new ProductPool(product.productId(),
                    product.reference(), product.details().name(), product.details().saleUnit().name(),
                    product.details().caseSize(), rounding.asked(), rounding.tolerance(), rounding.cases(),
                    rounding.ordered(), rounding.missingToNextCase(), tier.unitPrice(),
                    tier.nextTier() == null ? null : tier.nextTier().unitPrice(), tier.toNextTier(),
                    own == null ? Quantity.ZERO : own.quantity(), own == null ? Quantity.ZERO : own.tolerance()));
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
        return new PoolingPreview(query.roundId(), suppliers);
    }

}
