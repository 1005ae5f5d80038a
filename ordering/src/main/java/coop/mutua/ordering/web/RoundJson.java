package coop.mutua.ordering.web;

import coop.mutua.ordering.api.PurchaseRoundSummary;
import java.time.Instant;
import java.time.LocalDate;

/** A purchase round in the REST API. */
record RoundJson(String id, String title, String status, Instant opensAt, Instant closesAt, LocalDate deliveryDate,
                 String deliveryPlace, Instant createdAt, Instant closedAt) {

    static RoundJson of(PurchaseRoundSummary round) {
        return new RoundJson(round.roundId().value(), round.title(), round.status().name(), round.opensAt(), round.closesAt(),
                round.deliveryDate(), round.deliveryPlace(), round.createdAt(), round.closedAt());
    }
}
