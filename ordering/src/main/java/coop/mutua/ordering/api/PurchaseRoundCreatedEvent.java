package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.RoundId;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A coordinator created a purchase round; it is in DRAFT. */
@Revision("1")
public record PurchaseRoundCreatedEvent(RoundId roundId, GroupementId groupementId, String title, Instant closesAt,
                                        LocalDate deliveryDate, String deliveryPlace) {
}
