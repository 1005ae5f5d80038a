package coop.mutua.catalog.query;

import coop.mutua.catalog.api.Address;
import coop.mutua.catalog.api.GroupementRegisteredEvent;
import coop.mutua.catalog.api.MemberDeactivatedEvent;
import coop.mutua.catalog.api.MemberGoalsSetEvent;
import coop.mutua.catalog.api.MemberReactivatedEvent;
import coop.mutua.catalog.api.MemberRegisteredEvent;
import coop.mutua.catalog.api.MemberUpdatedEvent;
import coop.mutua.catalog.api.OrderingTerms;
import coop.mutua.catalog.api.ProductAddedEvent;
import coop.mutua.catalog.api.ProductAvailabilityChangedEvent;
import coop.mutua.catalog.api.ProductDetails;
import coop.mutua.catalog.api.ProductDetailsChangedEvent;
import coop.mutua.catalog.api.ProductPrice;
import coop.mutua.catalog.api.ProductPriceChangedEvent;
import coop.mutua.catalog.api.SupplierDeactivatedEvent;
import coop.mutua.catalog.api.SupplierDetails;
import coop.mutua.catalog.api.SupplierReactivatedEvent;
import coop.mutua.catalog.api.SupplierRegisteredEvent;
import coop.mutua.catalog.api.SupplierUpdatedEvent;
import coop.mutua.kernel.GeoPoint;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.ReadModel;
import coop.mutua.kernel.SearchText;
import coop.mutua.kernel.SupplierId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the directory tables (groupements, members, suppliers, products and their price history) in step with the
 * catalog's events. Every handler is an idempotent upsert or update, so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(DirectoryProjection.PROCESSING_GROUP)
@ReadModel(tables = {"groupement", "member_structure", "member_goals", "supplier", "product", "product_price"})
class DirectoryProjection {

    static final String PROCESSING_GROUP = "catalog-directory";

    private final JdbcClient jdbc;

    DirectoryProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(GroupementRegisteredEvent event) {
        Address address = event.address();
        jdbc.sql("""
                INSERT INTO groupement (id, name, siret, vat_number, vat_regime, street, postal_code, city, country,
                                        hub_latitude, hub_longitude, contact_email)
                VALUES (:id, :name, :siret, :vat, :regime, :street, :postal, :city, :country, :lat, :lon, :email)
                ON CONFLICT (id) DO NOTHING""")
                .param("id", event.groupementId().value()).param("name", event.name()).param("siret", event.siret())
                .param("vat", event.vatNumber()).param("regime", event.vatRegime().name())
                .param("street", address.street()).param("postal", address.postalCode()).param("city", address.city())
                .param("country", address.country()).param("lat", event.hub().latitude())
                .param("lon", event.hub().longitude()).param("email", event.contactEmail())
                .update();
    }

    @EventHandler
    void on(MemberRegisteredEvent event) {
        writeMember(event.memberId().value(), event.groupementId(), event.name(), event.siret(), event.vatNumber(),
                event.essFamily().name(), event.billingAddress(), event.deliveryAddress(), event.contactEmail());
    }

    @EventHandler
    void on(MemberUpdatedEvent event) {
        writeMember(event.memberId().value(), event.groupementId(), event.name(), event.siret(), event.vatNumber(),
                event.essFamily().name(), event.billingAddress(), event.deliveryAddress(), event.contactEmail());
    }

    @EventHandler
    void on(MemberGoalsSetEvent event) {
        jdbc.sql("""
                INSERT INTO member_goals (member_id, groupement_id, ess_percent, organic_percent, local_percent, set_at)
                VALUES (:member, :groupement, :ess, :organic, :local, :at)
                ON CONFLICT (member_id) DO UPDATE SET ess_percent = EXCLUDED.ess_percent, organic_percent = EXCLUDED.organic_percent,
                    local_percent = EXCLUDED.local_percent, set_at = EXCLUDED.set_at""")
                .param("member", event.memberId().value()).param("groupement", event.groupementId().value())
                .param("ess", event.essPercent(), java.sql.Types.INTEGER).param("organic", event.organicPercent(), java.sql.Types.INTEGER)
                .param("local", event.localPercent(), java.sql.Types.INTEGER)
                .param("at", java.sql.Timestamp.from(event.setAt())).update();
    }

    @EventHandler
    void on(MemberDeactivatedEvent event) {
        setActive("member_structure", event.memberId().value(), false);
    }

    @EventHandler
    void on(MemberReactivatedEvent event) {
        setActive("member_structure", event.memberId().value(), true);
    }

    @EventHandler
    void on(SupplierRegisteredEvent event) {
        writeSupplier(event.supplierId(), event.groupementId(), event.details());
    }

    @EventHandler
    void on(SupplierUpdatedEvent event) {
        writeSupplier(event.supplierId(), event.groupementId(), event.details());
    }

    @EventHandler
    void on(SupplierDeactivatedEvent event) {
        setActive("supplier", event.supplierId().value(), false);
    }

    @EventHandler
    void on(SupplierReactivatedEvent event) {
        setActive("supplier", event.supplierId().value(), true);
    }

    @EventHandler
    void on(ProductAddedEvent event) {
        writeProduct(event.productId(), event.groupementId(), event.supplierId(), event.reference(), event.details());
        writePrice(event.productId(), event.groupementId(), event.price(), event.effectiveAt());
    }

    @EventHandler
    void on(ProductDetailsChangedEvent event) {
        jdbc.sql("SELECT reference FROM product WHERE id = :id").param("id", event.productId().value())
                .query(String.class).optional()
                .ifPresent(reference -> writeProduct(event.productId(), event.groupementId(), event.supplierId(), reference,
                        event.details()));
    }

    @EventHandler
    void on(ProductPriceChangedEvent event) {
        writePrice(event.productId(), event.groupementId(), event.price(), event.effectiveAt());
    }

    @EventHandler
    void on(ProductAvailabilityChangedEvent event) {
        jdbc.sql("UPDATE product SET available = :available WHERE id = :id")
                .param("available", event.available()).param("id", event.productId().value()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE groupement, member_structure, member_goals, supplier, product, product_price").update();
    }

    private void writeMember(String id, GroupementId groupementId, String name, String siret, String vatNumber,
                             String family, Address billing, Address delivery, String email) {
        jdbc.sql("""
                INSERT INTO member_structure (id, groupement_id, name, siret, vat_number, ess_family,
                    billing_street, billing_postal_code, billing_city, billing_country,
                    delivery_street, delivery_postal_code, delivery_city, delivery_country, contact_email)
                VALUES (:id, :groupement, :name, :siret, :vat, :family, :bStreet, :bPostal, :bCity, :bCountry,
                        :dStreet, :dPostal, :dCity, :dCountry, :email)
                ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, siret = EXCLUDED.siret,
                    vat_number = EXCLUDED.vat_number, ess_family = EXCLUDED.ess_family,
                    billing_street = EXCLUDED.billing_street, billing_postal_code = EXCLUDED.billing_postal_code,
                    billing_city = EXCLUDED.billing_city, billing_country = EXCLUDED.billing_country,
                    delivery_street = EXCLUDED.delivery_street, delivery_postal_code = EXCLUDED.delivery_postal_code,
                    delivery_city = EXCLUDED.delivery_city, delivery_country = EXCLUDED.delivery_country,
                    contact_email = EXCLUDED.contact_email""")
                .param("id", id).param("groupement", groupementId.value())
                .param("name", name).param("siret", siret).param("vat", vatNumber).param("family", family)
                .param("bStreet", billing.street()).param("bPostal", billing.postalCode())
                .param("bCity", billing.city()).param("bCountry", billing.country())
                .param("dStreet", delivery.street()).param("dPostal", delivery.postalCode())
                .param("dCity", delivery.city()).param("dCountry", delivery.country())
                .param("email", email)
                .update();
    }

    private void writeSupplier(SupplierId id, GroupementId groupementId, SupplierDetails details) {
        Address address = details.address();
        GeoPoint location = details.location();
        OrderingTerms terms = details.terms();
        jdbc.sql("""
                INSERT INTO supplier (id, groupement_id, name, siret, vat_number, ess_family, labels, street, postal_code,
                    city, country, latitude, longitude, order_email, minimum_order_cents, free_shipping_cents,
                    delivery_fee_cents, description, search_text)
                VALUES (:id, :groupement, :name, :siret, :vat, :family, string_to_array(:labels, ','), :street, :postal,
                        :city, :country, :lat, :lon, :email, :minimum, :freeShipping, :fee, :description, :search)
                ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, siret = EXCLUDED.siret,
                    vat_number = EXCLUDED.vat_number, ess_family = EXCLUDED.ess_family, labels = EXCLUDED.labels,
                    street = EXCLUDED.street, postal_code = EXCLUDED.postal_code, city = EXCLUDED.city,
                    country = EXCLUDED.country, latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude,
                    order_email = EXCLUDED.order_email, minimum_order_cents = EXCLUDED.minimum_order_cents,
                    free_shipping_cents = EXCLUDED.free_shipping_cents, delivery_fee_cents = EXCLUDED.delivery_fee_cents,
                    description = EXCLUDED.description, search_text = EXCLUDED.search_text""")
                .param("id", id.value()).param("groupement", groupementId.value())
                .param("name", details.name()).param("siret", details.siret()).param("vat", details.vatNumber())
                .param("family", details.essFamily() == null ? null : details.essFamily().name())
                .param("labels", names(details.labels()))
                .param("street", address.street()).param("postal", address.postalCode()).param("city", address.city())
                .param("country", address.country()).param("lat", location.latitude()).param("lon", location.longitude())
                .param("email", details.orderEmail()).param("minimum", terms.minimumOrder().cents())
                .param("freeShipping", terms.freeShippingThreshold().cents()).param("fee", terms.deliveryFee().cents())
                .param("description", details.description())
                .param("search", SearchText.of(details.name(), details.description(), address.city()))
                .update();
    }

    private void writeProduct(ProductId id, GroupementId groupementId, SupplierId supplierId, String reference,
                              ProductDetails details) {
        jdbc.sql("""
                INSERT INTO product (id, groupement_id, supplier_id, reference, name, category, sale_unit, step, case_size,
                    minimum_order_quantity, vat_rate, labels, origin, search_text)
                VALUES (:id, :groupement, :supplier, :reference, :name, :category, :unit, :step, :caseSize, :moq,
                        :vat, string_to_array(:labels, ','), :origin, :search)
                ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, category = EXCLUDED.category,
                    sale_unit = EXCLUDED.sale_unit, step = EXCLUDED.step, case_size = EXCLUDED.case_size,
                    minimum_order_quantity = EXCLUDED.minimum_order_quantity, vat_rate = EXCLUDED.vat_rate,
                    labels = EXCLUDED.labels, origin = EXCLUDED.origin, search_text = EXCLUDED.search_text""")
                .param("id", id.value()).param("groupement", groupementId.value())
                .param("supplier", supplierId.value()).param("reference", reference)
                .param("name", details.name()).param("category", details.category())
                .param("unit", details.saleUnit().name()).param("step", details.step().value())
                .param("caseSize", details.caseSize().value()).param("moq", details.minimumOrderQuantity().value())
                .param("vat", details.vatRate().toString()).param("labels", names(details.labels()))
                .param("origin", details.origin())
                .param("search", SearchText.of(reference, details.name(), details.category(), details.origin()))
                .update();
    }

    private void writePrice(ProductId id, GroupementId groupementId, ProductPrice price, Instant effectiveAt) {
        jdbc.sql("""
                INSERT INTO product_price (product_id, groupement_id, effective_at, unit_price, tiers)
                VALUES (:id, :groupement, :at, :price, CAST(:tiers AS JSONB))
                ON CONFLICT (product_id, effective_at) DO UPDATE SET unit_price = EXCLUDED.unit_price, tiers = EXCLUDED.tiers""")
                .param("id", id.value()).param("groupement", groupementId.value())
                .param("at", Timestamp.from(effectiveAt)).param("price", price.unitPrice().value())
                .param("tiers", TierJson.write(price.tiers()))
                .update();
    }

    private void setActive(String table, String id, boolean active) {
        jdbc.sql("UPDATE " + table + " SET active = :active WHERE id = :id").param("active", active).param("id", id).update();
    }

    private static String names(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }
}
