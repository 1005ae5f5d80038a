package coop.mutua.ordering.batch;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.ordering.api.AllocationPolicy;
import coop.mutua.ordering.api.OfferedProduct;
import coop.mutua.ordering.api.SupplierOrderIds;
import coop.mutua.ordering.domain.Allocation;
import coop.mutua.ordering.domain.SupplierPooling;
import coop.mutua.ordering.query.OfferJson;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/** What the pooling job reads (a closed round's offer and frozen orders) and writes (supplier orders and shares). */
@Component
class PoolingRepository {

    private final JdbcClient jdbc;

    PoolingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Round(RoundId roundId, GroupementId groupementId, String status, AllocationPolicy policy) {
    }

    Optional<Round> round(RoundId roundId) {
        return jdbc.sql("SELECT groupement_id, status, allocation_policy FROM purchase_round WHERE id = :id")
                .param("id", roundId.value())
                .query((rs, n) -> new Round(roundId, GroupementId.of(rs.getString(1)), rs.getString(2),
                        AllocationPolicy.valueOf(rs.getString(3))))
                .optional();
    }

    /** The round's suppliers with at least one product on offer, in a fixed order (the job restarts by position). */
    List<SupplierId> suppliers(RoundId roundId) {
        return jdbc.sql("SELECT DISTINCT supplier_id FROM round_offer WHERE round_id = :id ORDER BY supplier_id")
                .param("id", roundId.value())
                .query((rs, n) -> SupplierId.of(rs.getString(1)))
                .list();
    }

    /** Every product of the supplier asked for in the round, with the members' frozen lines. */
    List<SupplierPooling.Demand> demand(RoundId roundId, SupplierId supplierId) {
        Map<String, OfferedProduct> offer = new LinkedHashMap<>();
        jdbc.sql("SELECT product_id, offered FROM round_offer WHERE round_id = :round AND supplier_id = :supplier")
                .param("round", roundId.value()).param("supplier", supplierId.value())
                .query((rs, n) -> offer.put(rs.getString(1), OfferJson.read(rs.getString(2))))
                .list();
        Map<String, List<Allocation.Claim>> claims = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT l.product_id, l.member_id, l.quantity, l.tolerance, o.first_submitted_at
                FROM member_order_line l
                JOIN member_order o ON o.order_id = l.order_id
                JOIN round_offer r ON r.round_id = l.round_id AND r.product_id = l.product_id
                WHERE l.round_id = :round AND r.supplier_id = :supplier""")
                .param("round", roundId.value()).param("supplier", supplierId.value())
                .query((rs, n) -> claims.computeIfAbsent(rs.getString(1), product -> new ArrayList<>())
                        .add(new Allocation.Claim(MemberId.of(rs.getString(2)), new Quantity(rs.getBigDecimal(3)),
                                new Quantity(rs.getBigDecimal(4)), rs.getTimestamp(5).toInstant())))
                .list();
        List<SupplierPooling.Demand> demand = new ArrayList<>();
        claims.forEach((product, lines) -> {
            OfferedProduct offered = offer.get(product);
            if (offered != null) {
                demand.add(new SupplierPooling.Demand(offered, lines));
            }
        });
        return demand;
    }

    /**
     * Replaces the supplier order of the round and supplier (and the members' shares in it): running the pooling again,
     * as a restarted job does, leaves exactly one order with the same content.
     */
    void save(Round round, SupplierId supplierId, SupplierPooling.Result pooled, SupplierPooling.SupplierTerms terms, Instant at) {
        String id = SupplierOrderIds.of(round.roundId(), supplierId);
        jdbc.sql("DELETE FROM member_allocation WHERE supplier_order_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM supplier_order_line WHERE supplier_order_id = :id").param("id", id).update();
        jdbc.sql("""
                INSERT INTO supplier_order (id, groupement_id, round_id, supplier_id, total_excl_vat_cents, delivery_fee_cents,
                    minimum_order_cents, below_minimum, status, pooled_at)
                VALUES (:id, :groupement, :round, :supplier, :total, :fee, :minimum, :below, 'POOLED', :at)
                ON CONFLICT (id) DO UPDATE SET total_excl_vat_cents = EXCLUDED.total_excl_vat_cents,
                    delivery_fee_cents = EXCLUDED.delivery_fee_cents, minimum_order_cents = EXCLUDED.minimum_order_cents,
                    below_minimum = EXCLUDED.below_minimum, status = 'POOLED', pooled_at = EXCLUDED.pooled_at""")
                .param("id", id).param("groupement", round.groupementId().value()).param("round", round.roundId().value())
                .param("supplier", supplierId.value()).param("total", pooled.totalExclVat().cents())
                .param("fee", pooled.deliveryFee().cents()).param("minimum", terms.minimumOrder().cents())
                .param("below", pooled.belowMinimum()).param("at", Timestamp.from(at))
                .update();
        List<String> members = new ArrayList<>();
        List<String> products = new ArrayList<>();
        List<BigDecimal> asked = new ArrayList<>();
        List<BigDecimal> tolerances = new ArrayList<>();
        List<BigDecimal> allocated = new ArrayList<>();
        for (SupplierPooling.Line line : pooled.lines()) {
            OfferedProduct product = line.product();
            jdbc.sql("""
                    INSERT INTO supplier_order_line (supplier_order_id, product_id, reference, name, sale_unit, vat_rate, step,
                        case_size, asked, tolerance, cases, quantity, unit_price, list_price, amount_excl_vat_cents, unallocated)
                    VALUES (:id, :product, :reference, :name, :unit, :vat, :step, :caseSize, :asked, :tolerance, :cases,
                        :quantity, :price, :listPrice, :amount, :unallocated)""")
                    .param("id", id).param("product", product.productId().value()).param("reference", product.reference())
                    .param("name", product.details().name()).param("unit", product.details().saleUnit().name())
                    .param("vat", product.details().vatRate().name()).param("step", product.details().step().value())
                    .param("caseSize", product.details().caseSize().value())
                    .param("asked", line.rounding().asked().value()).param("tolerance", line.rounding().tolerance().value())
                    .param("cases", line.rounding().cases()).param("quantity", line.ordered().value())
                    .param("price", line.unitPrice().value()).param("listPrice", product.price().unitPrice().value())
                    .param("amount", line.amountExclVat().cents()).param("unallocated", line.unallocated().value())
                    .update();
            for (Allocation.Claim claim : line.claims()) {
                members.add(claim.memberId().value());
                products.add(product.productId().value());
                asked.add(claim.quantity().value());
                tolerances.add(claim.tolerance().value());
                allocated.add(line.allocated().get(claim.memberId()).value());
            }
        }
        if (!members.isEmpty()) {
            // One statement for all the members' shares: thousands of rows per supplier in a large round.
            jdbc.sql("""
                    INSERT INTO member_allocation (round_id, member_id, product_id, supplier_order_id, asked, tolerance, allocated)
                    SELECT :round, share.member, share.product, :id, share.asked, share.tolerance, share.allocated
                    FROM unnest(:members, :products, :asked, :tolerances, :allocated)
                        AS share (member, product, asked, tolerance, allocated)""")
                    .param("round", round.roundId().value()).param("id", id)
                    .param("members", new SqlArrayValue("varchar", members.toArray()))
                    .param("products", new SqlArrayValue("varchar", products.toArray()))
                    .param("asked", new SqlArrayValue("numeric", asked.toArray()))
                    .param("tolerances", new SqlArrayValue("numeric", tolerances.toArray()))
                    .param("allocated", new SqlArrayValue("numeric", allocated.toArray()))
                    .update();
        }
    }

    int supplierOrderCount(RoundId roundId) {
        return jdbc.sql("SELECT count(*) FROM supplier_order WHERE round_id = :id").param("id", roundId.value())
                .query(Integer.class).single();
    }
}
