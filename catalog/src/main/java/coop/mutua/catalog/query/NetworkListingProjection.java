package coop.mutua.catalog.query;

import coop.mutua.catalog.api.LabelClaim;
import coop.mutua.catalog.api.ListingDetails;
import coop.mutua.catalog.api.SupplierLabel;
import coop.mutua.catalog.api.SupplierListedEvent;
import coop.mutua.catalog.api.SupplierUnlistedEvent;
import coop.mutua.kernel.ReadModel;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The network directory's tables (ADR 22), from the listing events alone: the listing as the groupement that listed it
 * last stated it, and which groupements list it. A listing no groupement lists any more leaves the directory.
 */
@Component
@ProcessingGroup(NetworkListingProjection.PROCESSING_GROUP)
@ReadModel(tables = {"network_listing", "network_listing_groupement"})
class NetworkListingProjection {

    static final String PROCESSING_GROUP = "catalog-network";

    private final JdbcClient jdbc;

    NetworkListingProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SupplierListedEvent event) {
        ListingDetails details = event.details();
        jdbc.sql("""
                INSERT INTO network_listing_groupement (listing_id, groupement_id, supplier_id, listed_at)
                VALUES (:id, :groupement, :supplier, :at)
                ON CONFLICT (listing_id, groupement_id) DO UPDATE SET supplier_id = EXCLUDED.supplier_id, listed_at = EXCLUDED.listed_at""")
                .param("id", event.listingId().value()).param("groupement", event.groupementId().value())
                .param("supplier", event.supplierId().value()).param("at", Timestamp.from(event.listedAt())).update();
        jdbc.sql("""
                INSERT INTO network_listing (id, siret, name, ess_family, labels, sector, categories, municipality, department, latitude,
                    longitude, delivery_departments, delivery_radius_km, minimum_order_cents, contact_email, contact_phone, website,
                    description, listed_by, updated_at)
                VALUES (:id, :siret, :name, :family, CAST(:labels AS JSONB), :sector, :categories, :municipality, :department, :lat, :lon,
                    :delivery, :radius, :minimum, :email, :phone, :website, :description,
                    (SELECT count(*) FROM network_listing_groupement WHERE listing_id = :id), :at)
                ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, ess_family = EXCLUDED.ess_family, labels = EXCLUDED.labels,
                    sector = EXCLUDED.sector, categories = EXCLUDED.categories, municipality = EXCLUDED.municipality,
                    department = EXCLUDED.department, latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude,
                    delivery_departments = EXCLUDED.delivery_departments, delivery_radius_km = EXCLUDED.delivery_radius_km,
                    minimum_order_cents = EXCLUDED.minimum_order_cents, contact_email = EXCLUDED.contact_email,
                    contact_phone = EXCLUDED.contact_phone, website = EXCLUDED.website, description = EXCLUDED.description,
                    listed_by = EXCLUDED.listed_by, updated_at = EXCLUDED.updated_at""")
                .param("id", event.listingId().value()).param("siret", details.siret()).param("name", details.name())
                .param("family", details.essFamily() == null ? null : details.essFamily().name(), Types.VARCHAR)
                .param("labels", LabelJson.write(details.labels())).param("sector", details.sector().name())
                .param("categories", new SqlArrayValue("varchar", details.categories().toArray()))
                .param("municipality", details.municipality()).param("department", details.department())
                .param("lat", details.location().latitude()).param("lon", details.location().longitude())
                .param("delivery", new SqlArrayValue("varchar", details.deliveryDepartments().stream().sorted().toArray()))
                .param("radius", details.deliveryRadiusKm(), Types.INTEGER).param("minimum", details.minimumOrder().cents())
                .param("email", details.contactEmail()).param("phone", details.contactPhone(), Types.VARCHAR)
                .param("website", details.website(), Types.VARCHAR).param("description", details.description(), Types.VARCHAR)
                .param("at", Timestamp.from(event.listedAt())).update();
    }

    @EventHandler
    void on(SupplierUnlistedEvent event) {
        jdbc.sql("DELETE FROM network_listing_groupement WHERE listing_id = :id AND groupement_id = :groupement")
                .param("id", event.listingId().value()).param("groupement", event.groupementId().value()).update();
        // Either the listing goes (nobody lists it any more) or its count goes down: never both on one row.
        jdbc.sql("""
                WITH left_by AS (SELECT count(*) AS n FROM network_listing_groupement WHERE listing_id = :id),
                     gone AS (DELETE FROM network_listing WHERE id = :id AND (SELECT n FROM left_by) = 0)
                UPDATE network_listing SET listed_by = (SELECT n FROM left_by), updated_at = :at
                WHERE id = :id AND (SELECT n FROM left_by) > 0""")
                .param("id", event.listingId().value()).param("at", Timestamp.from(event.unlistedAt())).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE network_listing, network_listing_groupement").update();
    }

    /** The labels as stored in the JSONB column: [{"label":"IAE","certificate":"...","expiresOn":"2027-06-30"}, ...]. */
    static final class LabelJson {

        private static final JsonMapper MAPPER = JsonMapper.builder().build();
        private static final TypeReference<List<Row>> ROWS = new TypeReference<>() {
        };

        private record Row(String label, String certificate, String expiresOn) {
        }

        private LabelJson() {
        }

        static String write(List<LabelClaim> labels) {
            return MAPPER.writeValueAsString(labels.stream()
                    .map(claim -> new Row(claim.label().name(), claim.certificate(), claim.expiresOn() == null ? null : claim.expiresOn().toString()))
                    .toList());
        }

        static List<LabelClaim> read(String json) {
            return MAPPER.readValue(json, ROWS).stream()
                    .map(row -> new LabelClaim(SupplierLabel.valueOf(row.label()), row.certificate(),
                            row.expiresOn() == null ? null : LocalDate.parse(row.expiresOn())))
                    .toList();
        }
    }
}
