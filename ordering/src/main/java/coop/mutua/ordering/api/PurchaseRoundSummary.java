package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.RoundId;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A purchase round as lists and the API show it; {@code failure} tells why its pooling or invoicing failed (null when
 * nothing has, or once it is retried or done).
 */
public record PurchaseRoundSummary(RoundId roundId, GroupementId groupementId, String title, RoundStatus status,
                                   Instant closesAt, LocalDate deliveryDate, String deliveryPlace,
                                   Instant createdAt, Instant opensAt, Instant closedAt, Instant pooledAt, Instant invoicedAt,
                                   Instant settledAt, RoundFailure failure) {
}
