package coop.mutua.ordering.web;

import coop.mutua.ordering.api.PurchaseRoundSummary;
import java.time.Instant;
import java.time.LocalDate;

/** A purchase round in the REST API. */
record RoundJson(String id, String title, String status, Instant closesAt, LocalDate deliveryDate, String deliveryPlace,
                 Instant createdAt) {

    static RoundJson of(PurchaseRoundSummary round) {
        return new RoundJson(round.roundId().value(), round.title(), round.status().name(), round.closesAt(),
                round.deliveryDate(), round.deliveryPlace(), round.createdAt());
    }
}
