package coop.mutua.billing.web;

import coop.mutua.catalog.api.FindMemberQuery;
import coop.mutua.catalog.api.MemberSummary;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.Role;
import coop.mutua.kernel.RoundId;
import coop.mutua.ordering.api.FindPurchaseRoundQuery;
import coop.mutua.ordering.api.PurchaseRoundSummary;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * The rounds and member structures a request names, as far as the caller may see them: of the caller's groupement, a
 * round a member may see (not a draft), a member's own structure. Anything else is unknown (404), exactly as an id that
 * does not exist, so that nobody learns about another groupement's data.
 */
@Component
class VisibleToCaller {

    private final QueryGateway queries;

    VisibleToCaller(QueryGateway queries) {
        this.queries = queries;
    }

    PurchaseRoundSummary round(Actor actor, RoundId id) {
        return queries.query(new FindPurchaseRoundQuery(actor.groupementId(), id),
                        ResponseTypes.optionalInstanceOf(PurchaseRoundSummary.class)).join()
                .filter(found -> found.status().visibleTo(actor.role()))
                .orElseThrow(() -> new NotFoundException("round", id));
    }

    RoundId roundId(Actor actor, RoundId id) {
        return round(actor, id).roundId();
    }

    MemberId member(Actor actor, MemberId memberId) {
        boolean visible = actor.is(Role.MEMBER) ? memberId.equals(actor.memberId())
                : queries.query(new FindMemberQuery(actor.groupementId(), memberId),
                        ResponseTypes.optionalInstanceOf(MemberSummary.class)).join().isPresent();
        if (!visible) {
            throw new NotFoundException("member", memberId);
        }
        return memberId;
    }
}
