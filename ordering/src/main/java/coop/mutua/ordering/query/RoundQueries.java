package coop.mutua.ordering.query;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.Page;
import coop.mutua.kernel.Paging;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.ordering.api.AllocationPolicy;
import coop.mutua.ordering.api.FeeSplitPolicy;
import coop.mutua.ordering.api.FindPurchaseRoundQuery;
import coop.mutua.ordering.api.FindPurchaseRoundsQuery;
import coop.mutua.ordering.api.FindRoundOfferQuery;
import coop.mutua.ordering.api.FindRoundTermsQuery;
import coop.mutua.ordering.api.OfferedProduct;
import coop.mutua.ordering.api.PurchaseRoundSummary;
import coop.mutua.ordering.api.RoundFailure;
import coop.mutua.ordering.api.RoundJob;
import coop.mutua.ordering.api.RoundStatus;
import coop.mutua.ordering.api.RoundTerms;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers questions about purchase rounds from the read model, always within one groupement. */
@Component
public class RoundQueries {

    private final JdbcClient jdbc;

    RoundQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public List<PurchaseRoundSummary> handle(FindPurchaseRoundsQuery query) {
        return jdbc.sql("""
                SELECT * FROM purchase_round
                WHERE groupement_id = :groupement AND status IN (:statuses)
                ORDER BY closes_at DESC, id""")
                .param("groupement", query.groupementId().value())
                .param("statuses", query.statuses().stream().map(Enum::name).toList())
                .query((rs, n) -> summary(rs))
                .list();
    }

    /** One page of the same, the latest deadline first, with how many rounds there are in all. */
    public Page<PurchaseRoundSummary> page(FindPurchaseRoundsQuery query, Paging paging) {
        List<PurchaseRoundSummary> items = jdbc.sql("""
                SELECT * FROM purchase_round
                WHERE groupement_id = :groupement AND status IN (:statuses)
                ORDER BY closes_at DESC, id LIMIT :limit OFFSET :offset""")
                .param("groupement", query.groupementId().value())
                .param("statuses", query.statuses().stream().map(Enum::name).toList())
                .param("limit", paging.size()).param("offset", paging.offset())
                .query((rs, n) -> summary(rs))
                .list();
        return Page.of(items, paging, () -> jdbc.sql("SELECT count(*) FROM purchase_round WHERE groupement_id = :groupement AND status IN (:statuses)")
                        .param("groupement", query.groupementId().value())
                        .param("statuses", query.statuses().stream().map(Enum::name).toList()).query(Long.class).single());
    }

    @QueryHandler
    public Optional<PurchaseRoundSummary> handle(FindPurchaseRoundQuery query) {
        // By primary key: "groupement_id || ''" keeps PostgreSQL off the (groupement, closes_at) index (see DirectoryQueries).
        return jdbc.sql("SELECT * FROM purchase_round WHERE id = :id AND groupement_id || '' = :groupement")
                .param("groupement", query.groupementId().value())
                .param("id", query.roundId().value())
                .query((rs, n) -> summary(rs))
                .optional();
    }

    @QueryHandler
    public Optional<RoundTerms> handle(FindRoundTermsQuery query) {
        return jdbc.sql("SELECT * FROM purchase_round WHERE id = :id AND groupement_id || '' = :groupement")
                .param("groupement", query.groupementId().value()).param("id", query.roundId().value())
                .query((rs, n) -> {
                    Timestamp opened = rs.getTimestamp("opened_at");
                    return new RoundTerms(RoundId.of(rs.getString("id")), suppliers(rs.getString("id")),
                            AllocationPolicy.valueOf(rs.getString("allocation_policy")),
                            FeeSplitPolicy.valueOf(rs.getString("fee_split_policy")),
                            rs.getBigDecimal("groupement_fee_percent").stripTrailingZeros(),
                            opened == null ? null : opened.toInstant(), rs.getString("cancel_reason"));
                })
                .optional();
    }

    @QueryHandler
    public List<OfferedProduct> handle(FindRoundOfferQuery query) {
        return jdbc.sql("""
                SELECT offered FROM round_offer WHERE groupement_id = :groupement AND round_id = :id
                ORDER BY supplier_id, lower(category), lower(name), product_id""")
                .param("groupement", query.groupementId().value()).param("id", query.roundId().value())
                .query((rs, n) -> OfferJson.read(rs.getString("offered")))
                .list();
    }

    private Set<SupplierId> suppliers(String roundId) {
        return jdbc.sql("SELECT supplier_id FROM round_supplier WHERE round_id = :id").param("id", roundId)
                .query((rs, n) -> SupplierId.of(rs.getString(1))).set();
    }

    private static PurchaseRoundSummary summary(ResultSet rs) throws SQLException {
        return new PurchaseRoundSummary(RoundId.of(rs.getString("id")), GroupementId.of(rs.getString("groupement_id")),
                rs.getString("title"), RoundStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("closes_at").toInstant(), rs.getObject("delivery_date", LocalDate.class),
                rs.getString("delivery_place"), rs.getTimestamp("created_at").toInstant(), instant(rs, "opens_at"),
                instant(rs, "closed_at"), instant(rs, "pooled_at"), instant(rs, "invoiced_at"), instant(rs, "settled_at"),
                rs.getString("failure_job") == null ? null : new RoundFailure(RoundJob.valueOf(rs.getString("failure_job")),
                        rs.getString("failure_reason"), rs.getInt("failure_attempts"), instant(rs, "failed_at"),
                        instant(rs, "next_attempt_at")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
