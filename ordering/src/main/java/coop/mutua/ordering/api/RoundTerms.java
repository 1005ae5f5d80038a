package coop.mutua.ordering.api;

import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/** A round's terms as pages and the API show them. */
public record RoundTerms(RoundId roundId, Set<SupplierId> suppliers, AllocationPolicy allocationPolicy,
                         FeeSplitPolicy feeSplitPolicy, BigDecimal groupementFeePercent, Instant openedAt,
                         String cancelReason) {
}
