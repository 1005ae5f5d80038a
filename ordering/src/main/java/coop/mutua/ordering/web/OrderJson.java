package coop.mutua.ordering.web;

import java.util.List;

/** A member's order in the API: its lines, quantities and tolerances as decimal strings. */
record OrderJson(String roundId, String memberId, List<LineJson> lines) {

    record LineJson(String productId, String quantity, String tolerance) {
    }
}
