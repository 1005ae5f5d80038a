package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.RoundId;
import java.time.Instant;
import java.time.LocalDate;

/** A purchase round as lists and the API show it. */
public record PurchaseRoundSummary(RoundId roundId, GroupementId groupementId, String title, RoundStatus status,
                                   Instant closesAt, LocalDate deliveryDate, String deliveryPlace,
                                   Instant createdAt, Instant opensAt, Instant closedAt, Instant pooledAt) {
}
