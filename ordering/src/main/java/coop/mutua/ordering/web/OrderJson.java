package coop.mutua.ordering.web;

import coop.mutua.ordering.api.ShareChange;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A member's order in the API: its lines, quantities and tolerances as decimal strings; once the round is pooled,
 * {@code shares} tells what the member gets of each product and why it differs (absent before).
 */
record OrderJson(String roundId, String memberId, List<OrderLineJson> lines, List<ShareJson> shares) {

    OrderJson(String roundId, String memberId, List<OrderLineJson> lines) {
        this(roundId, memberId, lines, null);
    }

    record OrderLineJson(String productId, String quantity, String tolerance) {
    }

    record ShareJson(String productId, String asked, String tolerance, String allocated,
                     @Schema(implementation = ShareChange.class) String change, String received,
                     @Schema(implementation = ShareChange.class) String receptionChange) {
    }
}
