package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.RoundId;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A coordinator created a purchase round; it is in DRAFT. With {@code opensAt}, the schedule opens it then (revision 2;
 * revision 1 events have none and read as null: opened by hand).
 */
@Revision("2")
public record PurchaseRoundCreatedEvent(RoundId roundId, GroupementId groupementId, String title, Instant closesAt,
                                        LocalDate deliveryDate, String deliveryPlace, Instant opensAt) {

    public PurchaseRoundCreatedEvent(RoundId roundId, GroupementId groupementId, String title, Instant closesAt,
                                     LocalDate deliveryDate, String deliveryPlace) {
        this(roundId, groupementId, title, closesAt, deliveryDate, deliveryPlace, null);
    }
}
