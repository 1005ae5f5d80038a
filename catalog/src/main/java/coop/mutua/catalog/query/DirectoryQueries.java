package coop.mutua.catalog.query;

import coop.mutua.catalog.api.Address;
import coop.mutua.catalog.api.EssFamily;
import coop.mutua.catalog.api.FindGroupementQuery;
import coop.mutua.catalog.api.FindMembersQuery;
import coop.mutua.catalog.api.FindProductsQuery;
import coop.mutua.catalog.api.FindSuppliersQuery;
import coop.mutua.catalog.api.GroupementSummary;
import coop.mutua.catalog.api.MemberSummary;
import coop.mutua.catalog.api.ProductSummary;
import coop.mutua.catalog.api.SaleUnit;
import coop.mutua.catalog.api.SupplierLabel;
import coop.mutua.catalog.api.SupplierSummary;
import coop.mutua.catalog.api.VatRegime;
import coop.mutua.kernel.GeoPoint;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.UnitPrice;
import coop.mutua.kernel.VatRate;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers directory questions from the read model; every query is bound to one groupement. */
@Component
public class DirectoryQueries {

    private final JdbcClient jdbc;

    DirectoryQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public Optional<GroupementSummary> handle(FindGroupementQuery query) {
        return jdbc.sql("SELECT * FROM groupement WHERE id = :id")
                .param("id", query.groupementId().value())
                .query((rs, n) -> new GroupementSummary(GroupementId.of(rs.getString("id")), rs.getString("name"),
                        rs.getString("siret"), rs.getString("vat_number"), VatRegime.valueOf(rs.getString("vat_regime")),
                        address(rs, ""), new GeoPoint(rs.getDouble("hub_latitude"), rs.getDouble("hub_longitude")),
                        rs.getString("contact_email")))
                .optional();
    }

    @QueryHandler
    public List<MemberSummary> handle(FindMembersQuery query) {
        return jdbc.sql("SELECT * FROM member_structure WHERE groupement_id = :groupement ORDER BY lower(name), id")
                .param("groupement", query.groupementId().value())
                .query((rs, n) -> new MemberSummary(MemberId.of(rs.getString("id")),
                        GroupementId.of(rs.getString("groupement_id")), rs.getString("name"), rs.getString("siret"),
                        rs.getString("vat_number"), EssFamily.valueOf(rs.getString("ess_family")),
                        address(rs, "billing_"), address(rs, "delivery_"), rs.getString("contact_email"),
                        rs.getBoolean("active")))
                .list();
    }

    @QueryHandler
    public List<SupplierSummary> handle(FindSuppliersQuery query) {
        return jdbc.sql("""
                SELECT s.*, g.hub_latitude, g.hub_longitude,
                       (SELECT count(*) FROM product p WHERE p.supplier_id = s.id) AS product_count
                FROM supplier s JOIN groupement g ON g.id = s.groupement_id
                WHERE s.groupement_id = :groupement
                ORDER BY lower(s.name), s.id""")
                .param("groupement", query.groupementId().value())
                .query((rs, n) -> supplier(rs))
                .list();
    }

    @QueryHandler
    public List<ProductSummary> handle(FindProductsQuery query) {
        return jdbc.sql("""
                SELECT * FROM product WHERE groupement_id = :groupement AND supplier_id = :supplier
                ORDER BY lower(category), lower(name), id""")
                .param("groupement", query.groupementId().value())
                .param("supplier", query.supplierId().value())
                .query((rs, n) -> product(rs))
                .list();
    }

    private static SupplierSummary supplier(ResultSet rs) throws SQLException {
        GeoPoint hub = new GeoPoint(rs.getDouble("hub_latitude"), rs.getDouble("hub_longitude"));
        GeoPoint location = new GeoPoint(rs.getDouble("latitude"), rs.getDouble("longitude"));
        String family = rs.getString("ess_family");
        return new SupplierSummary(SupplierId.of(rs.getString("id")), GroupementId.of(rs.getString("groupement_id")),
                rs.getString("name"), rs.getString("siret"), family == null ? null : EssFamily.valueOf(family),
                labels(rs.getArray("labels")), address(rs, ""), Math.round(hub.distanceKmTo(location) * 10) / 10.0,
                rs.getString("order_email"), Money.ofCents(rs.getLong("minimum_order_cents")),
                Money.ofCents(rs.getLong("free_shipping_cents")), Money.ofCents(rs.getLong("delivery_fee_cents")),
                rs.getString("description"), rs.getInt("product_count"), rs.getBoolean("active"));
    }

    private static ProductSummary product(ResultSet rs) throws SQLException {
        return new ProductSummary(ProductId.of(rs.getString("id")), SupplierId.of(rs.getString("supplier_id")),
                rs.getString("reference"), rs.getString("name"), rs.getString("category"),
                SaleUnit.valueOf(rs.getString("sale_unit")), new Quantity(rs.getBigDecimal("step")),
                new Quantity(rs.getBigDecimal("case_size")), new Quantity(rs.getBigDecimal("minimum_order_quantity")),
                new UnitPrice(rs.getBigDecimal("unit_price")), VatRate.ofPercent(rs.getString("vat_rate")),
                TierJson.read(rs.getString("tiers")), rs.getString("origin"), rs.getBoolean("organic"),
                rs.getBoolean("available"));
    }

    private static Set<SupplierLabel> labels(Array array) throws SQLException {
        if (array == null) {
            return Set.of();
        }
        String[] names = (String[]) array.getArray();
        Set<SupplierLabel> labels = EnumSet.noneOf(SupplierLabel.class);
        Arrays.stream(names).map(SupplierLabel::valueOf).forEach(labels::add);
        return labels;
    }

    private static Address address(ResultSet rs, String prefix) throws SQLException {
        return new Address(rs.getString(prefix + "street"), rs.getString(prefix + "postal_code"),
                rs.getString(prefix + "city"), rs.getString(prefix + "country"));
    }
}
