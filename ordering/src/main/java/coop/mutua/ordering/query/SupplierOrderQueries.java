package coop.mutua.ordering.query;

import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.Page;
import coop.mutua.kernel.Paging;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.SupplierOrderId;
import coop.mutua.kernel.UnitPrice;
import coop.mutua.kernel.VatRate;
import coop.mutua.ordering.api.FindMemberPurchasesQuery;
import coop.mutua.ordering.api.FindMemberSharesQuery;
import coop.mutua.ordering.api.FindSupplierOrdersQuery;
import coop.mutua.ordering.api.MemberPurchases;
import coop.mutua.ordering.api.MemberShare;
import coop.mutua.ordering.api.ShareChange;
import coop.mutua.ordering.api.SupplierChange;
import coop.mutua.ordering.api.SupplierOrderStatus;
import coop.mutua.ordering.api.SupplierOrderView;
import coop.mutua.ordering.api.SupplierOrderView.Demand;
import coop.mutua.ordering.api.SupplierOrderView.OrderedProduct;
import coop.mutua.ordering.api.SupplierOrderView.Reception;
import coop.mutua.ordering.api.SupplierOrderView.SupplierReport;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the supplier orders and members' shares the pooling job wrote. */
@Component
public class SupplierOrderQueries {

    private final JdbcClient jdbc;

    SupplierOrderQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Totals per member and supplier: over every round, the groupement's running totals (member_purchase_total, one
     * row per member and supplier); for one round, its member_purchase rows (one per member and supplier order).
     */
    @QueryHandler
    public List<MemberPurchases> handle(FindMemberPurchasesQuery query) {
        if (query.roundId() == null) {
            return jdbc.sql("SELECT member_id, supplier_id, spend_cents, list_cents, organic_cents FROM member_purchase_total "
                            + "WHERE groupement_id = :groupement" + (query.memberId() == null ? "" : " AND member_id = :member")
                            + " ORDER BY member_id, supplier_id")
                    .param("groupement", query.groupementId().value())
                    .param("member", query.memberId() == null ? "" : query.memberId().value())
                    .query((rs, n) -> new MemberPurchases(MemberId.of(rs.getString(1)), SupplierId.of(rs.getString(2)), rs.getLong(3),
                            rs.getLong(4), rs.getLong(5)))
                    .list();
        }
        // Each filter in the statement only when given: the plan then uses the round's index.
        StringBuilder where = new StringBuilder("WHERE groupement_id = :groupement");
        Map<String, Object> params = new HashMap<>();
        params.put("groupement", query.groupementId().value());
        if (query.roundId() != null) {
            where.append(" AND round_id = :round");
            params.put("round", query.roundId().value());
        }
        if (query.memberId() != null) {
            where.append(" AND member_id = :member");
            params.put("member", query.memberId().value());
        }
        return jdbc.sql("SELECT member_id, supplier_id, sum(spend_cents), sum(list_cents), sum(organic_cents) FROM member_purchase "
                        + where + " GROUP BY member_id, supplier_id ORDER BY member_id, supplier_id")
                .params(params)
                .query((rs, n) -> new MemberPurchases(MemberId.of(rs.getString(1)), SupplierId.of(rs.getString(2)), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5)))
                .list();
    }

    @QueryHandler
    public List<SupplierOrderView> handle(FindSupplierOrdersQuery query) {
        return find(query, null, true);
    }

    /** One page of the same, newest first, with the number of orders in all. */
    public Page<SupplierOrderView> page(FindSupplierOrdersQuery query, Paging paging) {
        return page(query, paging, true);
    }

    /** One page of the orders alone, without their lines (a list that shows amounts and states). */
    public Page<SupplierOrderView> pageWithoutLines(FindSupplierOrdersQuery query, Paging paging) {
        return page(query, paging, false);
    }

    private Page<SupplierOrderView> page(FindSupplierOrdersQuery query, Paging paging, boolean withLines) {
        List<SupplierOrderView> items = find(query, paging, withLines);
        return Page.of(items, paging, () -> count(query));
    }

    private long count(FindSupplierOrdersQuery query) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("SELECT count(*) FROM supplier_order o " + where(query, params)).params(params).query(Long.class).single();
    }

    private static StringBuilder where(FindSupplierOrdersQuery query, Map<String, Object> params) {
        StringBuilder where = new StringBuilder("WHERE o.groupement_id = :groupement");
        params.put("groupement", query.groupementId().value());
        if (query.roundId() != null) {
            where.append(" AND o.round_id = :round");
            params.put("round", query.roundId().value());
        }
        if (query.supplierId() != null) {
            where.append(" AND o.supplier_id = :supplier AND o.status NOT IN ('CANCELLED', 'BELOW_MINIMUM')");
            params.put("supplier", query.supplierId().value());
        }
        if (query.orderId() != null) {
            where.append(" AND o.id = :order");
            params.put("order", query.orderId().value());
        }
        if (query.statuses() != null) {
            where.append(" AND o.status IN (:statuses)");
            params.put("statuses", query.statuses().isEmpty() ? List.of("") : query.statuses().stream().map(Enum::name).toList());
        }
        return where;
    }

    /** Orders newest first; with paging, one page of them (their lines and shares read for those orders only). */
    private List<SupplierOrderView> find(FindSupplierOrdersQuery query, Paging paging, boolean withLines) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = where(query, params);
        String order = " ORDER BY o.pooled_at DESC, o.supplier_id";
        if (paging != null) {
            List<String> ids = jdbc.sql("SELECT o.id FROM supplier_order o " + where + order + " LIMIT :limit OFFSET :offset")
                    .params(params).param("limit", paging.size()).param("offset", paging.offset()).query(String.class).list();
            if (ids.isEmpty()) {
                return List.of();
            }
            where.append(" AND o.id IN (:ids)");
            params.put("ids", ids);
        }
        Map<String, List<SupplierOrderView.Line>> lines = new HashMap<>();
        Map<String, Map<String, List<MemberShare>>> shares = new HashMap<>();
        if (query.withShares() && withLines) {
            jdbc.sql("SELECT a.*, o.status AS order_status FROM member_allocation a JOIN supplier_order o ON o.id = a.supplier_order_id AND o.round_id = a.round_id " + where
                            + " ORDER BY a.member_id")
                    .params(params)
                    .query((rs, n) -> shares.computeIfAbsent(rs.getString("supplier_order_id"), id -> new HashMap<>())
                            .computeIfAbsent(rs.getString("product_id"), id -> new ArrayList<>()).add(share(rs)))
                    .list();
        }
        if (withLines) {
            jdbc.sql("SELECT l.*, c.change AS reported_change, c.new_quantity AS reported_quantity, c.note AS reported_note"
                            + " FROM supplier_order_line l JOIN supplier_order o ON o.id = l.supplier_order_id"
                            + " LEFT JOIN supplier_order_change c ON c.supplier_order_id = l.supplier_order_id AND c.product_id = l.product_id "
                            + where
                            + " ORDER BY l.reference, l.product_id")
                    .params(params)
                    .query((rs, n) -> lines.computeIfAbsent(rs.getString("supplier_order_id"), id -> new ArrayList<>())
                            .add(line(rs, shares.getOrDefault(rs.getString("supplier_order_id"), Map.of())
                                    .getOrDefault(rs.getString("product_id"), List.of()))))
                    .list();
        }
        return jdbc.sql("SELECT o.* FROM supplier_order o " + where + order)
                .params(params)
                .query((rs, n) -> new SupplierOrderView(SupplierOrderId.of(rs.getString("id")), RoundId.of(rs.getString("round_id")),
                        SupplierId.of(rs.getString("supplier_id")), SupplierOrderStatus.valueOf(rs.getString("status")),
                        Money.ofCents(rs.getLong("total_excl_vat_cents")), Money.ofCents(rs.getLong("delivery_fee_cents")),
                        Money.ofCents(rs.getLong("minimum_order_cents")), rs.getBoolean("below_minimum"),
                        rs.getTimestamp("pooled_at").toInstant(), rs.getInt("version"), rs.getInt("confirmed_version"),
                        rs.getTimestamp("confirmed_at") == null ? null : rs.getTimestamp("confirmed_at").toInstant(),
                        rs.getTimestamp("received_at") == null ? null : rs.getTimestamp("received_at").toInstant(),
                        rs.getString("received_by"),
                        lines.getOrDefault(rs.getString("id"), List.of())))
                .list();
    }

    @QueryHandler
    public List<MemberShare> handle(FindMemberSharesQuery query) {
        return jdbc.sql("""
                SELECT a.*, o.status AS order_status FROM member_allocation a JOIN supplier_order o ON o.id = a.supplier_order_id
                WHERE o.groupement_id = :groupement AND a.round_id = :round AND a.member_id = :member ORDER BY a.product_id""")
                .param("groupement", query.groupementId().value()).param("round", query.roundId().value())
                .param("member", query.memberId().value())
                .query((rs, n) -> share(rs))
                .list();
    }

    private static MemberShare share(ResultSet rs) throws SQLException {
        Quantity asked = new Quantity(rs.getBigDecimal("asked"));
        // Cancelled by the coordinator (below the minimum), or an order of nothing: then the member's share was already
        // nothing, and the reason is that no case was reached, not the cancellation.
        boolean cancelled = "CANCELLED".equals(rs.getString("order_status"));
        Quantity pooled = new Quantity(rs.getBigDecimal("allocated"));
        Quantity allocated = cancelled ? Quantity.ZERO : pooled;
        Quantity received = rs.getBigDecimal("received") == null || cancelled ? null : new Quantity(rs.getBigDecimal("received"));
        return new MemberShare(MemberId.of(rs.getString("member_id")), ProductId.of(rs.getString("product_id")), asked,
                new Quantity(rs.getBigDecimal("tolerance")), allocated,
                cancelled && !pooled.isZero() ? ShareChange.SUPPLIER_CANCELLED : ShareChange.of(asked, allocated), received,
                received == null ? null : ShareChange.of(allocated, received));
    }

    private static SupplierOrderView.Line line(ResultSet rs, List<MemberShare> shares) throws SQLException {
        String change = rs.getString("reported_change");
        BigDecimal reported = rs.getBigDecimal("reported_quantity");
        BigDecimal delivered = rs.getBigDecimal("delivered");
        BigDecimal deliveredUnallocated = rs.getBigDecimal("delivered_unallocated");
        return new SupplierOrderView.Line(
                new OrderedProduct(ProductId.of(rs.getString("product_id")), rs.getString("reference"), rs.getString("name"),
                        rs.getString("sale_unit"), VatRate.of(rs.getString("vat_rate")), new Quantity(rs.getBigDecimal("case_size"))),
                rs.getLong("cases"), new Quantity(rs.getBigDecimal("quantity")), new UnitPrice(rs.getBigDecimal("unit_price")),
                new UnitPrice(rs.getBigDecimal("list_price")), Money.ofCents(rs.getLong("amount_excl_vat_cents")),
                new Demand(new Quantity(rs.getBigDecimal("asked")), new Quantity(rs.getBigDecimal("tolerance")),
                        new Quantity(rs.getBigDecimal("unallocated")), List.copyOf(shares)),
                change == null ? null : new SupplierReport(SupplierChange.valueOf(change), reported == null ? null : new Quantity(reported),
                        rs.getString("reported_note")),
                delivered == null ? null : new Reception(new Quantity(delivered),
                        deliveredUnallocated == null ? Quantity.ZERO : new Quantity(deliveredUnallocated)));
    }
}
