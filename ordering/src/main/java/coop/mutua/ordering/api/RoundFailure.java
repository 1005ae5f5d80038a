package coop.mutua.ordering.api;

import java.time.Instant;

/**
 * Why a round's pooling or invoicing failed, how many times it was tried, and when it is tried again by itself
 * ({@code nextAttemptAt} null: it waits for the coordinator).
 */
public record RoundFailure(RoundJob job, String reason, int attempts, Instant failedAt, Instant nextAttemptAt) {
}
