package coop.mutua.ordering.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Body of POST /api/rounds; {@code id} is optional (an Idempotency-Key header serves the same purpose). */
record NewRoundJson(String id, String title, OffsetDateTime closesAt, LocalDate deliveryDate, String deliveryPlace) {
}
