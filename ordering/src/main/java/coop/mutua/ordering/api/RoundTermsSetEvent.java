package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import java.math.BigDecimal;
import java.util.Set;
import org.axonframework.serialization.Revision;

/** A draft round's suppliers and policies were set. */
@Revision("1")
public record RoundTermsSetEvent(RoundId roundId, GroupementId groupementId, Set<SupplierId> suppliers,
                                 AllocationPolicy allocationPolicy, FeeSplitPolicy feeSplitPolicy,
                                 BigDecimal groupementFeePercent) {
}
