package coop.mutua.ordering.process;

import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.RoundId;
import coop.mutua.ordering.api.ClosePurchaseRoundCommand;
import coop.mutua.ordering.api.ClosingTrigger;
import coop.mutua.ordering.api.FindRoundTermsQuery;
import coop.mutua.ordering.batch.RoundPoolings;
import coop.mutua.ordering.query.RoundQueries;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Opens drafts whose opening time has come, closes open rounds whose deadline has passed, and pools closed rounds whose
 * pooling did not complete (with backoff: {@link RoundPoolings#poolIfDue}). The schedule is the rounds' own dates, kept
 * in the database: a node that was down at the deadline closes the round when it starts, and several nodes may all try,
 * since a round refuses a second opening or closing (it closes exactly once).
 */
@Component
class RoundSchedule {

    private static final Logger log = LoggerFactory.getLogger(RoundSchedule.class);

    private final JdbcClient jdbc;
    private final CommandGateway commands;
    private final RoundQueries rounds;
    private final OpeningRounds opening;
    private final Clock clock;
    private final RoundPoolings poolings;
    /** Drafts that could not open (no supplier, nothing available): warned once per start, retried each time. */
    private final Set<RoundId> warned = ConcurrentHashMap.newKeySet();

    RoundSchedule(JdbcClient jdbc, CommandGateway commands, RoundQueries rounds, OpeningRounds opening, Clock clock,
                  RoundPoolings poolings) {
        this.poolings = poolings;
        this.jdbc = jdbc;
        this.commands = commands;
        this.rounds = rounds;
        this.opening = opening;
        this.clock = clock;
    }

    record Due(RoundId roundId, GroupementId groupementId) {
    }

    @Scheduled(initialDelayString = "${mutua.rounds.schedule.initial-delay:2s}", fixedDelayString = "${mutua.rounds.schedule.interval:15s}")
    void run() {
        Timestamp now = Timestamp.from(clock.instant());
        due("SELECT id, groupement_id FROM purchase_round WHERE status = 'OPEN' AND closes_at <= :now ORDER BY closes_at", now)
                .forEach(this::close);
        due("SELECT id, groupement_id FROM purchase_round WHERE status = 'DRAFT' AND opens_at <= :now AND closes_at > :now ORDER BY opens_at", now)
                .forEach(this::open);
        // Closed rounds whose pooling has not completed (it runs at close; this restarts a failed or interrupted one, after
        // a growing delay and a few attempts at most: then the round waits for the coordinator).
        due("""
                SELECT id, groupement_id FROM purchase_round
                WHERE status IN ('CLOSED', 'POOLING_FAILED') AND pooled_at IS NULL AND closed_at <= :now ORDER BY closed_at""", now)
                .forEach(round -> poolings.poolIfDue(round.roundId()));
    }

    private List<Due> due(String sql, Timestamp now) {
        return jdbc.sql(sql).param("now", now)
                .query((rs, n) -> new Due(RoundId.of(rs.getString(1)), GroupementId.of(rs.getString(2))))
                .list();
    }

    private void close(Due round) {
        try {
            commands.sendAndWait(new ClosePurchaseRoundCommand(round.roundId(), round.groupementId(), ClosingTrigger.DEADLINE));
            log.info("Round {} closed at its deadline", round.roundId());
        } catch (DomainException | ConcurrencyException alreadyDone) {
            // Closed by a coordinator, another node or an earlier run while the list was read: nothing to do.
            log.debug("Round {} not closed by the schedule: {}", round.roundId(), alreadyDone.getMessage());
        }
    }

    private void open(Due round) {
        try {
            rounds.handle(new FindRoundTermsQuery(round.groupementId(), round.roundId())).ifPresent(terms -> {
                opening.open(round.groupementId(), terms);
                log.info("Round {} opened at its opening time", round.roundId());
            });
        } catch (ConcurrencyException alreadyOpened) {
            log.debug("Round {} opened elsewhere", round.roundId());
        } catch (DomainException cannotOpen) {
            if (warned.add(round.roundId())) {
                log.warn("Round {} is due to open but cannot: {} {}", round.roundId(), cannotOpen.code(),
                        Arrays.toString(cannotOpen.arguments()));
            }
        }
    }
}
