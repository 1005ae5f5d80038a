package coop.mutua.catalog.query;

import coop.mutua.catalog.api.Address;
import coop.mutua.catalog.api.Directory;
import coop.mutua.catalog.api.DirectoryHit;
import coop.mutua.catalog.api.EssFamily;
import coop.mutua.catalog.api.FindCategoriesQuery;
import coop.mutua.catalog.api.FindGroupementQuery;
import coop.mutua.catalog.api.FindGroupementsQuery;
import coop.mutua.catalog.api.FindMemberGoalsQuery;
import coop.mutua.catalog.api.FindMemberQuery;
import coop.mutua.catalog.api.MemberGoals;
import coop.mutua.catalog.api.FindMembersQuery;
import coop.mutua.catalog.api.FindPriceInForceQuery;
import coop.mutua.catalog.api.FindProductQuery;
import coop.mutua.catalog.api.FindProductsQuery;
import coop.mutua.catalog.api.FindSupplierQuery;
import coop.mutua.catalog.api.FindSuppliersQuery;
import coop.mutua.catalog.api.GroupementSummary;
import coop.mutua.catalog.api.MemberSummary;
import coop.mutua.catalog.api.ProductDetails;
import coop.mutua.catalog.api.ProductLabel;
import coop.mutua.catalog.api.ProductPrice;
import coop.mutua.catalog.api.ProductSummary;
import coop.mutua.catalog.api.SaleUnit;
import coop.mutua.catalog.api.SearchDirectoryQuery;
import coop.mutua.catalog.api.SupplierLabel;
import coop.mutua.catalog.api.SupplierSummary;
import coop.mutua.catalog.api.VatRegime;
import coop.mutua.kernel.GeoPoint;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.SearchText;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.UnitPrice;
import coop.mutua.kernel.VatRate;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers directory questions from the read model; every query is bound to one groupement. */
@Component
public class DirectoryQueries implements Directory {

    private static final int PRODUCTS_SHOWN_PER_HIT = 6;

    /** Products with the price in force at :at and the next scheduled one. */
    private static final String PRODUCTS_AT = """
            SELECT p.*, cur.unit_price AS price, cur.tiers AS price_tiers, cur.effective_at AS price_since,
                   nxt.unit_price AS next_price, nxt.tiers AS next_tiers, nxt.effective_at AS next_at
            FROM product p
            LEFT JOIN LATERAL (SELECT * FROM product_price pp WHERE pp.product_id = p.id AND pp.effective_at <= :at
                               ORDER BY pp.effective_at DESC LIMIT 1) cur ON TRUE
            LEFT JOIN LATERAL (SELECT * FROM product_price pp WHERE pp.product_id = p.id AND pp.effective_at > :at
                               ORDER BY pp.effective_at LIMIT 1) nxt ON TRUE
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    DirectoryQueries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @QueryHandler
    @Override
    public Optional<GroupementSummary> handle(FindGroupementQuery query) {
        return jdbc.sql("SELECT * FROM groupement WHERE id = :id")
                .param("id", query.groupementId().value())
                .query((rs, n) -> new GroupementSummary(GroupementId.of(rs.getString("id")), rs.getString("name"),
                        rs.getString("siret"), rs.getString("vat_number"), VatRegime.valueOf(rs.getString("vat_regime")),
                        address(rs, ""), new GeoPoint(rs.getDouble("hub_latitude"), rs.getDouble("hub_longitude")),
                        rs.getString("contact_email")))
                .optional();
    }

    /** Every groupement of the platform, by name: for the operator, who sees nothing inside them. */
    @QueryHandler
    @Override
    public List<GroupementSummary> handle(FindGroupementsQuery query) {
        return jdbc.sql("SELECT * FROM groupement ORDER BY lower(name), id")
                .query((rs, n) -> new GroupementSummary(GroupementId.of(rs.getString("id")), rs.getString("name"),
                        rs.getString("siret"), rs.getString("vat_number"), VatRegime.valueOf(rs.getString("vat_regime")),
                        address(rs, ""), new GeoPoint(rs.getDouble("hub_latitude"), rs.getDouble("hub_longitude")),
                        rs.getString("contact_email")))
                .list();
    }

    /** The name of another supplier of the groupement with this SIRET (as stored: 14 digits), if any. */
    public Optional<String> supplierWithSiret(GroupementId groupementId, String siret, SupplierId except) {
        return withSiret("supplier", groupementId, siret, except.value());
    }

    /** The name of another member structure of the groupement with this SIRET (as stored: 14 digits), if any. */
    public Optional<String> memberWithSiret(GroupementId groupementId, String siret, MemberId except) {
        return withSiret("member_structure", groupementId, siret, except.value());
    }

    private Optional<String> withSiret(String table, GroupementId groupementId, String siret, String except) {
        return jdbc.sql("SELECT name FROM " + table + " WHERE groupement_id = :groupement AND siret = :siret AND id <> :id LIMIT 1")
                .param("groupement", groupementId.value()).param("siret", siret).param("id", except)
                .query(String.class).optional();
    }

    @QueryHandler
    @Override
    public List<MemberSummary> handle(FindMembersQuery query) {
        return jdbc.sql("SELECT * FROM member_structure WHERE groupement_id = :groupement ORDER BY lower(name), id")
                .param("groupement", query.groupementId().value())
                .query((rs, n) -> member(rs))
                .list();
    }

    @Override
    @QueryHandler
    public Map<MemberId, MemberGoals> handle(FindMemberGoalsQuery query) {
        Map<MemberId, MemberGoals> goals = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM member_goals WHERE groupement_id = :groupement").param("groupement", query.groupementId().value())
                .query((rs, n) -> goals.put(MemberId.of(rs.getString("member_id")), new MemberGoals(MemberId.of(rs.getString("member_id")),
                        rs.getObject("ess_percent", Integer.class), rs.getObject("organic_percent", Integer.class),
                        rs.getObject("local_percent", Integer.class), rs.getTimestamp("set_at").toInstant()))).list();
        return goals;
    }

    @QueryHandler
    @Override
    public Optional<MemberSummary> handle(FindMemberQuery query) {
        // By primary key: "groupement_id || ''" keeps PostgreSQL from walking the (groupement, name) index through every
        // member of the groupement instead, which it did while the table had no statistics yet (10x slower, benchmark).
        return jdbc.sql("SELECT * FROM member_structure WHERE id = :id AND groupement_id || '' = :groupement")
                .param("groupement", query.groupementId().value()).param("id", query.memberId().value())
                .query((rs, n) -> member(rs))
                .optional();
    }

    @QueryHandler
    @Override
    public List<SupplierSummary> handle(FindSuppliersQuery query) {
        return suppliers(query.groupementId(), "", Map.of());
    }

    @QueryHandler
    @Override
    public Optional<SupplierSummary> handle(FindSupplierQuery query) {
        return suppliers(query.groupementId(), " AND s.id = :id", Map.of("id", query.supplierId().value())).stream().findFirst();
    }

    @QueryHandler
    public List<ProductSummary> handle(FindProductsQuery query) {
        return jdbc.sql(PRODUCTS_AT + """
                WHERE p.groupement_id = :groupement AND p.supplier_id = :supplier
                ORDER BY lower(p.category), lower(p.name), p.id""")
                .param("at", Timestamp.from(clock.instant()))
                .param("groupement", query.groupementId().value())
                .param("supplier", query.supplierId().value())
                .query((rs, n) -> product(rs))
                .list();
    }

    @QueryHandler
    public Optional<ProductSummary> handle(FindProductQuery query) {
        // Primary key, plus the groupement in a form no index serves (see FindMemberQuery).
        return jdbc.sql(PRODUCTS_AT + " WHERE p.id = :id AND p.groupement_id || '' = :groupement")
                .param("at", Timestamp.from(clock.instant()))
                .param("groupement", query.groupementId().value())
                .param("id", query.productId().value())
                .query((rs, n) -> product(rs))
                .optional();
    }

    @QueryHandler
    public Optional<ProductPrice> handle(FindPriceInForceQuery query) {
        return jdbc.sql("""
                SELECT unit_price, tiers FROM product_price
                WHERE groupement_id = :groupement AND product_id = :id AND effective_at <= :at
                ORDER BY effective_at DESC LIMIT 1""")
                .param("groupement", query.groupementId().value()).param("id", query.productId().value())
                .param("at", Timestamp.from(query.at()))
                .query((rs, n) -> new ProductPrice(new UnitPrice(rs.getBigDecimal("unit_price")), TierJson.read(rs.getString("tiers"))))
                .optional();
    }

    @QueryHandler
    public List<String> handle(FindCategoriesQuery query) {
        return jdbc.sql("SELECT DISTINCT category FROM product WHERE groupement_id = :groupement")
                .param("groupement", query.groupementId().value())
                .query(String.class).list().stream()
                .sorted(Comparator.comparing(SearchText::of))
                .toList();
    }

    /**
     * Labels, family, category and text are filtered in SQL; the distance in Java from the stored coordinates
     * (a groupement has tens or hundreds of suppliers, not millions). Nearest suppliers first.
     */
    @QueryHandler
    public List<DirectoryHit> handle(SearchDirectoryQuery query) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new LinkedHashMap<>();
        if (!query.includeInactive()) {
            where.append(" AND s.active");
        }
        if (!query.labels().isEmpty()) {
            where.append(" AND s.labels @> string_to_array(:labels, ',')::varchar[]");
            params.put("labels", String.join(",", query.labels().stream().map(Enum::name).sorted().toList()));
        }
        if (query.essFamily() != null) {
            where.append(" AND s.ess_family = :family");
            params.put("family", query.essFamily().name());
        }
        String text = query.text() == null ? "" : SearchText.of(query.text());
        String category = query.category() == null || query.category().isBlank() ? null : query.category().strip();
        if (!text.isEmpty()) {
            where.append(" AND (s.search_text LIKE :text OR EXISTS (SELECT 1 FROM product p WHERE p.supplier_id = s.id AND p.search_text LIKE :text))");
            params.put("text", "%" + likeEscaped(text) + "%");
        }
        if (category != null) {
            where.append(" AND EXISTS (SELECT 1 FROM product p WHERE p.supplier_id = s.id AND lower(p.category) = lower(:category))");
            params.put("category", category);
        }
        List<SupplierSummary> suppliers = suppliers(query.groupementId(), where.toString(), params).stream()
                .filter(supplier -> query.maxKm() == null || supplier.distanceKm() <= query.maxKm())
                .sorted(Comparator.comparingDouble(SupplierSummary::distanceKm).thenComparing(SupplierSummary::name))
                .toList();
        List<DirectoryHit> hits = new ArrayList<>();
        for (SupplierSummary supplier : suppliers) {
            List<ProductSummary> products = handle(new FindProductsQuery(query.groupementId(), supplier.id())).stream()
                    .filter(product -> category == null || product.details().category().equalsIgnoreCase(category))
                    .filter(product -> text.isEmpty() || SearchText.of(product.reference(), product.details().name(),
                            product.details().category(), product.details().origin()).contains(text))
                    .limit(PRODUCTS_SHOWN_PER_HIT)
                    .toList();
            hits.add(new DirectoryHit(supplier, products));
        }
        return hits;
    }

    private List<SupplierSummary> suppliers(GroupementId groupementId, String where, Map<String, Object> params) {
        JdbcClient.StatementSpec statement = jdbc.sql("""
                SELECT s.*, g.hub_latitude, g.hub_longitude,
                       (SELECT count(*) FROM product p WHERE p.supplier_id = s.id) AS product_count
                FROM supplier s JOIN groupement g ON g.id = s.groupement_id
                WHERE s.groupement_id = :groupement""" + where + " ORDER BY lower(s.name), s.id")
                .param("groupement", groupementId.value());
        for (Map.Entry<String, Object> param : params.entrySet()) {
            statement = statement.param(param.getKey(), param.getValue());
        }
        return statement.query((rs, n) -> supplier(rs)).list();
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static MemberSummary member(ResultSet rs) throws SQLException {
        return new MemberSummary(MemberId.of(rs.getString("id")), GroupementId.of(rs.getString("groupement_id")),
                rs.getString("name"), rs.getString("siret"), rs.getString("vat_number"),
                EssFamily.valueOf(rs.getString("ess_family")), address(rs, "billing_"), address(rs, "delivery_"),
                rs.getString("contact_email"), rs.getBoolean("active"));
    }

    private static SupplierSummary supplier(ResultSet rs) throws SQLException {
        GeoPoint hub = new GeoPoint(rs.getDouble("hub_latitude"), rs.getDouble("hub_longitude"));
        GeoPoint location = new GeoPoint(rs.getDouble("latitude"), rs.getDouble("longitude"));
        String family = rs.getString("ess_family");
        return new SupplierSummary(SupplierId.of(rs.getString("id")), GroupementId.of(rs.getString("groupement_id")),
                rs.getString("name"), rs.getString("siret"), rs.getString("vat_number"),
                family == null ? null : EssFamily.valueOf(family), enums(rs.getArray("labels"), SupplierLabel.class),
                address(rs, ""), location, Math.round(hub.distanceKmTo(location) * 10) / 10.0,
                rs.getString("order_email"), Money.ofCents(rs.getLong("minimum_order_cents")),
                Money.ofCents(rs.getLong("free_shipping_cents")), Money.ofCents(rs.getLong("delivery_fee_cents")),
                rs.getString("description"), rs.getInt("product_count"), rs.getBoolean("active"));
    }

    private static ProductSummary product(ResultSet rs) throws SQLException {
        ProductDetails details = new ProductDetails(rs.getString("name"), rs.getString("category"),
                SaleUnit.valueOf(rs.getString("sale_unit")), new Quantity(rs.getBigDecimal("step")),
                new Quantity(rs.getBigDecimal("case_size")), new Quantity(rs.getBigDecimal("minimum_order_quantity")),
                VatRate.ofPercent(rs.getString("vat_rate")), enums(rs.getArray("labels"), ProductLabel.class),
                rs.getString("origin"));
        ProductPrice price = rs.getBigDecimal("price") == null ? null
                : new ProductPrice(new UnitPrice(rs.getBigDecimal("price")), TierJson.read(rs.getString("price_tiers")));
        ProductPrice next = rs.getBigDecimal("next_price") == null ? null
                : new ProductPrice(new UnitPrice(rs.getBigDecimal("next_price")), TierJson.read(rs.getString("next_tiers")));
        return new ProductSummary(ProductId.of(rs.getString("id")), SupplierId.of(rs.getString("supplier_id")),
                rs.getString("reference"), details, price, instant(rs.getTimestamp("price_since")), next,
                instant(rs.getTimestamp("next_at")), rs.getBoolean("available"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static <E extends Enum<E>> Set<E> enums(Array array, Class<E> type) throws SQLException {
        Set<E> values = EnumSet.noneOf(type);
        if (array != null) {
            Arrays.stream((String[]) array.getArray()).map(name -> Enum.valueOf(type, name)).forEach(values::add);
        }
        return values;
    }

    private static Address address(ResultSet rs, String prefix) throws SQLException {
        return new Address(rs.getString(prefix + "street"), rs.getString(prefix + "postal_code"),
                rs.getString(prefix + "city"), rs.getString(prefix + "country"));
    }

}
