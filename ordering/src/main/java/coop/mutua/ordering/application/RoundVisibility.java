package coop.mutua.ordering.application;

import coop.mutua.kernel.Actor;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.RoundId;
import coop.mutua.ordering.api.FindPurchaseRoundQuery;
import coop.mutua.ordering.api.PurchaseRoundSummary;
import coop.mutua.ordering.api.RoundStatus;
import coop.mutua.ordering.query.RoundQueries;
import java.util.EnumSet;
import java.util.Set;

/** Coordinators see every round; members never see a round still in DRAFT; suppliers see rounds through their orders. */
public final class RoundVisibility {

    private RoundVisibility() {
    }

    public static Set<RoundStatus> visibleTo(Actor actor) {
        Set<RoundStatus> visible = EnumSet.noneOf(RoundStatus.class);
        for (RoundStatus status : RoundStatus.values()) {
            if (status.visibleTo(actor.role())) {
                visible.add(status);
            }
        }
        return visible;
    }

    /** The round the actor may see; another groupement's round or a hidden one does not exist. */
    public static PurchaseRoundSummary visibleRound(RoundQueries rounds, Actor actor, RoundId id) {
        return rounds.handle(new FindPurchaseRoundQuery(actor.groupementId(), id))
                .filter(round -> visibleTo(actor).contains(round.status()))
                .orElseThrow(() -> new NotFoundException("round", id));
    }
}
