package coop.mutua.ordering.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Body of POST /api/rounds; {@code id} is optional (an Idempotency-Key header serves the same purpose), and so is
 * {@code opensAt} (the round then opens by itself at that time).
 */
record NewRoundJson(String id, String title, OffsetDateTime closesAt, LocalDate deliveryDate, String deliveryPlace,
                    OffsetDateTime opensAt) {
}
