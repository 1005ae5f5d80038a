package coop.mutua.ordering.web;

import coop.mutua.kernel.Actor;
import coop.mutua.ordering.api.RoundStatus;
import java.util.EnumSet;
import java.util.Set;

/** Coordinators see every round; members never see a round still in DRAFT; suppliers see rounds through their orders. */
final class RoundVisibility {

    private RoundVisibility() {
    }

    static Set<RoundStatus> visibleTo(Actor actor) {
        return switch (actor.role()) {
            case COORDINATOR -> EnumSet.allOf(RoundStatus.class);
            case MEMBER -> EnumSet.complementOf(EnumSet.of(RoundStatus.DRAFT));
            case SUPPLIER -> EnumSet.noneOf(RoundStatus.class);
        };
    }
}
