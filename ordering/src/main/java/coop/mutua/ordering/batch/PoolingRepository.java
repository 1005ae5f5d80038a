package coop.mutua.ordering.batch;

import coop.mutua.catalog.api.ProductLabel;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.SupplierOrderId;
import coop.mutua.ordering.api.AllocationPolicy;
import coop.mutua.ordering.api.OfferedProduct;
import coop.mutua.ordering.api.SupplierOrderIds;
import coop.mutua.ordering.api.SupplierOrderStatus;
import coop.mutua.ordering.domain.Allocation;
import coop.mutua.ordering.domain.SupplierPooling;
import coop.mutua.ordering.query.OfferJson;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/** What the pooling job reads (a closed round's offer and frozen orders) and writes (supplier orders and shares). */
@Component
class PoolingRepository {

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    PoolingRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
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

    /** When each member of the round first submitted its order: orders FIRST_COME and breaks PRO_RATA's ties. */
    Map<String, Instant> firstSubmissions(RoundId roundId) {
        Map<String, Instant> first = new HashMap<>();
        jdbc.sql("SELECT member_id, first_submitted_at FROM member_order WHERE round_id = :round")
                .param("round", roundId.value())
                .query((rs, n) -> {
                    Timestamp at = rs.getTimestamp(2);
                    return first.put(rs.getString(1), at == null ? null : at.toInstant());
                })
                .list();
        return first;
    }

    /** Every product of the supplier asked for in the round, with the members' frozen lines. */
    List<SupplierPooling.Demand> demand(RoundId roundId, SupplierId supplierId, Map<String, Instant> firstSubmissions) {
        Map<String, OfferedProduct> offer = new LinkedHashMap<>();
        jdbc.sql("SELECT product_id, offered FROM round_offer WHERE round_id = :round AND supplier_id = :supplier")
                .param("round", roundId.value()).param("supplier", supplierId.value())
                .query((rs, n) -> offer.put(rs.getString(1), OfferJson.read(rs.getString(2))))
                .list();
        Map<String, List<Allocation.Claim>> claims = new LinkedHashMap<>();
        if (offer.isEmpty()) {
            return List.of();
        }
        // By the supplier's products, so that the (round, product) index reads only this supplier's lines.
        jdbc.sql("SELECT l.product_id, l.member_id, l.quantity, l.tolerance FROM member_order_line l "
                        + "WHERE l.round_id = :round AND l.product_id IN (:products)")
                .param("round", roundId.value()).param("products", List.copyOf(offer.keySet()))
                .query((rs, n) -> {
                    String member = rs.getString(2);
                    return claims.computeIfAbsent(rs.getString(1), product -> new ArrayList<>())
                            .add(new Allocation.Claim(MemberId.of(member), new Quantity(rs.getBigDecimal(3)),
                                    new Quantity(rs.getBigDecimal(4)), firstSubmissions.get(member)));
                })
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
     * Replaces the supplier order of the round and supplier (and the members' shares in it): running the pooling again
     * leaves exactly one order with the same content. Returns the status the order starts in: BELOW_MINIMUM (awaiting
     * the coordinator), SENT, or CANCELLED when it orders nothing (no case reached: members see why on their shares).
     */
    SupplierOrderStatus save(Round round, SupplierId supplierId, SupplierPooling.Result pooled, SupplierPooling.SupplierTerms terms,
                             Instant at) {
        SupplierOrderStatus status = pooled.totalExclVat().cents() == 0 ? SupplierOrderStatus.CANCELLED
                : pooled.belowMinimum() ? SupplierOrderStatus.BELOW_MINIMUM : SupplierOrderStatus.SENT;
        SupplierOrderId id = SupplierOrderIds.of(round.roundId(), supplierId);
        boolean again = jdbc.sql("SELECT EXISTS (SELECT 1 FROM supplier_order WHERE id = :id)").param("id", id.value())
                .query(Boolean.class).single();
        if (again) {
            // Only when pooling again (a restarted job): the shares have no index but the round's primary key.
            jdbc.sql("DELETE FROM member_allocation WHERE round_id = :round AND supplier_order_id = :id")
                    .param("round", round.roundId().value()).param("id", id.value()).update();
            jdbc.sql("DELETE FROM supplier_order_line WHERE supplier_order_id = :id").param("id", id.value()).update();
        }
        jdbc.sql("""
                INSERT INTO supplier_order (id, groupement_id, round_id, supplier_id, total_excl_vat_cents, delivery_fee_cents,
                    minimum_order_cents, below_minimum, status, pooled_at)
                VALUES (:id, :groupement, :round, :supplier, :total, :fee, :minimum, :below, :status, :at)
                ON CONFLICT (id) DO UPDATE SET total_excl_vat_cents = EXCLUDED.total_excl_vat_cents,
                    delivery_fee_cents = EXCLUDED.delivery_fee_cents, minimum_order_cents = EXCLUDED.minimum_order_cents,
                    below_minimum = EXCLUDED.below_minimum, status = EXCLUDED.status, pooled_at = EXCLUDED.pooled_at""")
                .param("id", id.value()).param("groupement", round.groupementId().value()).param("round", round.roundId().value())
                .param("supplier", supplierId.value()).param("total", pooled.totalExclVat().cents())
                .param("fee", pooled.deliveryFee().cents()).param("minimum", terms.minimumOrder().cents())
                .param("below", pooled.belowMinimum()).param("status", status.name()).param("at", Timestamp.from(at))
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
                        case_size, asked, tolerance, cases, quantity, unit_price, list_price, amount_excl_vat_cents, unallocated, organic)
                    VALUES (:id, :product, :reference, :name, :unit, :vat, :step, :caseSize, :asked, :tolerance, :cases,
                        :quantity, :price, :listPrice, :amount, :unallocated, :organic)""")
                    .param("id", id.value()).param("product", product.productId().value()).param("reference", product.reference())
                    .param("name", product.details().name()).param("unit", product.details().saleUnit().name())
                    .param("vat", product.details().vatRate().text()).param("step", product.details().step().value())
                    .param("caseSize", product.details().caseSize().value())
                    .param("asked", line.rounding().asked().value()).param("tolerance", line.rounding().tolerance().value())
                    .param("cases", line.rounding().cases()).param("quantity", line.ordered().value())
                    .param("price", line.unitPrice().value()).param("listPrice", product.price().unitPrice().value())
                    .param("amount", line.amountExclVat().cents()).param("unallocated", line.unallocated().value())
                    .param("organic", product.details().labels().contains(ProductLabel.ORGANIC_AB))
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
            // COPY, on the job's own connection and transaction: thousands of shares per supplier in a large round.
            StringBuilder rows = new StringBuilder(members.size() * 160);
            for (int i = 0; i < members.size(); i++) {
                rows.append(round.roundId().value()).append('\t').append(members.get(i)).append('\t').append(products.get(i))
                        .append('\t').append(id).append('\t').append(asked.get(i).toPlainString())
                        .append('\t').append(tolerances.get(i).toPlainString()).append('\t')
                        .append(allocated.get(i).toPlainString()).append('\n');
            }
            copy("COPY member_allocation (round_id, member_id, product_id, supplier_order_id, asked, tolerance, allocated) FROM STDIN",
                    rows.toString());
        }
        return status;
    }

    /** Ids are [A-Za-z0-9_-] and numbers plain decimals: nothing in the rows needs COPY's text escaping. */
    private void copy(String sql, String rows) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(rows));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not write the members' shares", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
