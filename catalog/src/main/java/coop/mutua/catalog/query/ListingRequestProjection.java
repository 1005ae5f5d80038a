package coop.mutua.catalog.query;

import coop.mutua.catalog.api.ListingChangesRequestedEvent;
import coop.mutua.catalog.api.ListingRequestAcceptedEvent;
import coop.mutua.catalog.api.ListingRequestAmendedEvent;
import coop.mutua.catalog.api.ListingRequestDetails;
import coop.mutua.catalog.api.ListingRequestRefusedEvent;
import coop.mutua.catalog.api.ListingRequestStatus;
import coop.mutua.catalog.api.ListingRequestSubmittedEvent;
import coop.mutua.kernel.ReadModel;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Listing requests as their coordinators review them (ADR 22), from the request events alone. */
@Component
@ProcessingGroup(ListingRequestProjection.PROCESSING_GROUP)
@ReadModel(tables = "listing_request")
class ListingRequestProjection {

    static final String PROCESSING_GROUP = "catalog-listing-requests";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    ListingRequestProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ListingRequestSubmittedEvent event) {
        jdbc.sql("""
                INSERT INTO listing_request (id, groupement_id, status, name, siret, details, key_hash, submitted_at, updated_at)
                VALUES (:id, :groupement, 'SUBMITTED', :name, :siret, CAST(:details AS JSONB), :key, :at, :at)
                ON CONFLICT (id) DO NOTHING""")
                .param("id", event.requestId().value()).param("groupement", event.groupementId().value())
                .param("name", event.details().name()).param("siret", event.details().siret())
                .param("details", JSON.writeValueAsString(event.details())).param("key", event.keyHash())
                .param("at", Timestamp.from(event.submittedAt())).update();
    }

    @EventHandler
    void on(ListingRequestAmendedEvent event) {
        ListingRequestDetails details = event.details();
        jdbc.sql("""
                UPDATE listing_request SET status = 'SUBMITTED', name = :name, siret = :siret, details = CAST(:details AS JSONB),
                    updated_at = :at WHERE id = :id""")
                .param("id", event.requestId().value()).param("name", details.name()).param("siret", details.siret())
                .param("details", JSON.writeValueAsString(details)).param("at", Timestamp.from(event.amendedAt())).update();
    }

    @EventHandler
    void on(ListingChangesRequestedEvent event) {
        status(event.requestId().value(), ListingRequestStatus.CHANGES_REQUESTED, event.requestedAt());
        jdbc.sql("UPDATE listing_request SET question = :question, key_hash = :key WHERE id = :id")
                .param("id", event.requestId().value()).param("question", event.question()).param("key", event.keyHash()).update();
    }

    @EventHandler
    void on(ListingRequestAcceptedEvent event) {
        status(event.requestId().value(), ListingRequestStatus.ACCEPTED, event.acceptedAt());
        jdbc.sql("UPDATE listing_request SET supplier_id = :supplier WHERE id = :id")
                .param("id", event.requestId().value()).param("supplier", event.supplierId().value()).update();
    }

    @EventHandler
    void on(ListingRequestRefusedEvent event) {
        status(event.requestId().value(), ListingRequestStatus.REFUSED, event.refusedAt());
        jdbc.sql("UPDATE listing_request SET refusal_reason = :reason WHERE id = :id")
                .param("id", event.requestId().value()).param("reason", event.reason()).update();
    }

    private void status(String id, ListingRequestStatus status, Instant at) {
        jdbc.sql("UPDATE listing_request SET status = :status, updated_at = :at WHERE id = :id")
                .param("id", id).param("status", status.name()).param("at", Timestamp.from(at)).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE listing_request").update();
    }
}
