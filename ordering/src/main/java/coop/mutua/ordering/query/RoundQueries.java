package coop.mutua.ordering.query;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.RoundId;
import coop.mutua.ordering.api.FindPurchaseRoundQuery;
import coop.mutua.ordering.api.FindPurchaseRoundsQuery;
import coop.mutua.ordering.api.PurchaseRoundSummary;
import coop.mutua.ordering.api.RoundStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

    @QueryHandler
    public Optional<PurchaseRoundSummary> handle(FindPurchaseRoundQuery query) {
        return jdbc.sql("SELECT * FROM purchase_round WHERE groupement_id = :groupement AND id = :id")
                .param("groupement", query.groupementId().value())
                .param("id", query.roundId().value())
                .query((rs, n) -> summary(rs))
                .optional();
    }

    /**
     * Waits until the projection shows a round just created, so that the page the user lands on after creating it
     * lists it (projections run asynchronously, usually within milliseconds).
     */
    public Optional<PurchaseRoundSummary> awaitRound(GroupementId groupementId, RoundId roundId, Duration timeout) {
        Instant giveUp = Instant.now().plus(timeout);
        FindPurchaseRoundQuery query = new FindPurchaseRoundQuery(groupementId, roundId);
        Optional<PurchaseRoundSummary> round = handle(query);
        while (round.isEmpty() && Instant.now().isBefore(giveUp)) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            round = handle(query);
        }
        return round;
    }

    private static PurchaseRoundSummary summary(ResultSet rs) throws SQLException {
        return new PurchaseRoundSummary(RoundId.of(rs.getString("id")), GroupementId.of(rs.getString("groupement_id")),
                rs.getString("title"), RoundStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("closes_at").toInstant(), rs.getObject("delivery_date", java.time.LocalDate.class),
                rs.getString("delivery_place"), rs.getTimestamp("created_at").toInstant());
    }
}
