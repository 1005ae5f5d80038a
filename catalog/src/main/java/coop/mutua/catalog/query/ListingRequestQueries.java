package coop.mutua.catalog.query;

import coop.mutua.catalog.api.ListingRequestDetails;
import coop.mutua.catalog.api.ListingRequestStatus;
import coop.mutua.catalog.api.ListingRequestView;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.ListingRequestId;
import coop.mutua.kernel.SupplierId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Listing requests as read: by their groupement's coordinators, or by the requester who holds the private link's key. */
@Component
public class ListingRequestQueries {

    private static final String SELECT = """
            SELECT r.*, g.name AS groupement_name FROM listing_request r JOIN groupement g ON g.id = r.groupement_id""";

    private final JdbcClient jdbc;

    ListingRequestQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One request of the groupement. */
    public Optional<ListingRequestView> find(GroupementId groupement, ListingRequestId id) {
        return jdbc.sql(SELECT + " WHERE r.id = :id AND r.groupement_id = :groupement")
                .param("id", id.value()).param("groupement", groupement.value()).query(ListingRequestQueries::view).optional();
    }

    /** One request, for whoever holds its key (the SHA-256 of the private link's key). */
    public Optional<ListingRequestView> withKey(ListingRequestId id, String keyHash) {
        return jdbc.sql(SELECT + " WHERE r.id = :id AND r.key_hash = :key")
                .param("id", id.value()).param("key", keyHash == null ? "" : keyHash).query(ListingRequestQueries::view).optional();
    }

    /** The groupement's requests, those waiting for a decision first, then the latest. */
    public List<ListingRequestView> of(GroupementId groupement) {
        return jdbc.sql(SELECT + """
                 WHERE r.groupement_id = :groupement
                ORDER BY CASE r.status WHEN 'SUBMITTED' THEN 0 WHEN 'CHANGES_REQUESTED' THEN 1 ELSE 2 END, r.updated_at DESC
                LIMIT 500""").param("groupement", groupement.value()).query(ListingRequestQueries::view).list();
    }

    /** Whether the groupement has a request of this SIRET not decided yet (a second one would be the same twice). */
    public boolean openWithSiret(GroupementId groupement, String siret) {
        return jdbc.sql("SELECT count(*) > 0 FROM listing_request WHERE groupement_id = :groupement AND siret = :siret "
                        + "AND status IN ('SUBMITTED', 'CHANGES_REQUESTED')")
                .param("groupement", groupement.value()).param("siret", siret).query(Boolean.class).single();
    }

    /** How many of the groupement's requests wait for its coordinators. */
    public int waiting(GroupementId groupement) {
        return jdbc.sql("SELECT count(*) FROM listing_request WHERE groupement_id = :groupement AND status = 'SUBMITTED'")
                .param("groupement", groupement.value()).query(Integer.class).single();
    }

    private static ListingRequestView view(ResultSet rs, int row) throws SQLException {
        String supplier = rs.getString("supplier_id");
        return new ListingRequestView(ListingRequestId.of(rs.getString("id")), GroupementId.of(rs.getString("groupement_id")),
                rs.getString("groupement_name"), ListingRequestStatus.valueOf(rs.getString("status")),
                ListingRequestProjection.JSON.readValue(rs.getString("details"), ListingRequestDetails.class), rs.getString("question"),
                rs.getString("refusal_reason"), supplier == null ? null : SupplierId.of(supplier),
                rs.getObject("submitted_at", OffsetDateTime.class).toInstant(), rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
