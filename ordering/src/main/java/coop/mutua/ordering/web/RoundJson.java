package coop.mutua.ordering.web;

import coop.mutua.ordering.api.PurchaseRoundSummary;
import coop.mutua.ordering.api.RoundFailure;
import coop.mutua.ordering.api.RoundJob;
import coop.mutua.ordering.api.RoundStatus;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A purchase round in the REST API; {@code failure} is there while a failed pooling or invoicing waits for a retry.
 */
record RoundJson(String id, String title, RoundStatus status, Instant opensAt, Instant closesAt, LocalDate deliveryDate,
                 String deliveryPlace, Instant createdAt, Instant closedAt, Instant pooledAt, Instant invoicedAt,
                 Instant settledAt, FailureJson failure) {

    /** Why the job failed, how many times it ran, and when it runs again by itself (absent: the coordinator retries it). */
    record FailureJson(RoundJob job, String reason, int attempts, Instant failedAt, Instant nextAttemptAt) {

        static FailureJson of(RoundFailure failure) {
            return failure == null ? null : new FailureJson(failure.job(), failure.reason(), failure.attempts(), failure.failedAt(),
                    failure.nextAttemptAt());
        }
    }

    static RoundJson of(PurchaseRoundSummary round) {
        return new RoundJson(round.roundId().value(), round.title(), round.status(), round.opensAt(), round.closesAt(),
                round.deliveryDate(), round.deliveryPlace(), round.createdAt(), round.closedAt(), round.pooledAt(),
                round.invoicedAt(), round.settledAt(), FailureJson.of(round.failure()));
    }
}
