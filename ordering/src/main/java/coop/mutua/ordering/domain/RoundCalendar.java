package coop.mutua.ordering.domain;

import java.time.ZoneId;

/** Deadlines are instants; calendar rules (delivery day vs closing day) are judged in French time. */
final class RoundCalendar {

    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private RoundCalendar() {
    }
}
