package coop.mutua.catalog.query;

import coop.mutua.catalog.api.Address;
import coop.mutua.catalog.api.GroupementRegisteredEvent;
import coop.mutua.catalog.api.MemberRegisteredEvent;
import coop.mutua.catalog.api.ProductAddedEvent;
import coop.mutua.catalog.api.SupplierRegisteredEvent;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the directory tables (groupements, members, suppliers, products) in step with the catalog's events.
 * Every handler is an idempotent upsert, so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(DirectoryProjection.PROCESSING_GROUP)
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
        Address billing = event.billingAddress();
        Address delivery = event.deliveryAddress();
        jdbc.sql("""
                INSERT INTO member_structure (id, groupement_id, name, siret, vat_number, ess_family,
                    billing_street, billing_postal_code, billing_city, billing_country,
                    delivery_street, delivery_postal_code, delivery_city, delivery_country, contact_email)
                VALUES (:id, :groupement, :name, :siret, :vat, :family, :bStreet, :bPostal, :bCity, :bCountry,
                        :dStreet, :dPostal, :dCity, :dCountry, :email)
                ON CONFLICT (id) DO NOTHING""")
                .param("id", event.memberId().value()).param("groupement", event.groupementId().value())
                .param("name", event.name()).param("siret", event.siret()).param("vat", event.vatNumber())
                .param("family", event.essFamily().name())
                .param("bStreet", billing.street()).param("bPostal", billing.postalCode())
                .param("bCity", billing.city()).param("bCountry", billing.country())
                .param("dStreet", delivery.street()).param("dPostal", delivery.postalCode())
                .param("dCity", delivery.city()).param("dCountry", delivery.country())
                .param("email", event.contactEmail())
                .update();
    }

    @EventHandler
    void on(SupplierRegisteredEvent event) {
        Address address = event.address();
        jdbc.sql("""
                INSERT INTO supplier (id, groupement_id, name, siret, vat_number, ess_family, labels, street, postal_code,
                    city, country, latitude, longitude, order_email, minimum_order_cents, free_shipping_cents,
                    delivery_fee_cents, description)
                VALUES (:id, :groupement, :name, :siret, :vat, :family, string_to_array(:labels, ','), :street, :postal,
                        :city, :country, :lat, :lon, :email, :minimum, :freeShipping, :fee, :description)
                ON CONFLICT (id) DO NOTHING""")
                .param("id", event.supplierId().value()).param("groupement", event.groupementId().value())
                .param("name", event.name()).param("siret", event.siret()).param("vat", event.vatNumber())
                .param("family", event.essFamily() == null ? null : event.essFamily().name())
                .param("labels", event.labels().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                .param("street", address.street()).param("postal", address.postalCode()).param("city", address.city())
                .param("country", address.country()).param("lat", event.location().latitude())
                .param("lon", event.location().longitude()).param("email", event.orderEmail())
                .param("minimum", event.minimumOrder().cents()).param("freeShipping", event.freeShippingThreshold().cents())
                .param("fee", event.deliveryFee().cents()).param("description", event.description())
                .update();
    }

    @EventHandler
    void on(ProductAddedEvent event) {
        jdbc.sql("""
                INSERT INTO product (id, groupement_id, supplier_id, reference, name, category, sale_unit, step, case_size,
                    minimum_order_quantity, unit_price, vat_rate, tiers, origin, organic)
                VALUES (:id, :groupement, :supplier, :reference, :name, :category, :unit, :step, :caseSize, :moq, :price,
                        :vat, CAST(:tiers AS JSONB), :origin, :organic)
                ON CONFLICT (id) DO NOTHING""")
                .param("id", event.productId().value()).param("groupement", event.groupementId().value())
                .param("supplier", event.supplierId().value()).param("reference", event.reference())
                .param("name", event.name()).param("category", event.category()).param("unit", event.saleUnit().name())
                .param("step", event.step().value()).param("caseSize", event.caseSize().value())
                .param("moq", event.minimumOrderQuantity().value()).param("price", event.unitPrice().value())
                .param("vat", event.vatRate().toString()).param("tiers", TierJson.write(event.tiers()))
                .param("origin", event.origin()).param("organic", event.organic())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE groupement, member_structure, supplier, product").update();
    }
}
