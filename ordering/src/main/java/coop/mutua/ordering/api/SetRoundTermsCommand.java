package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import java.math.BigDecimal;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * While a round is in DRAFT: the suppliers on offer (their available products, at the prices in force when the
 * round opens), the allocation and fee-split policies, and the groupement's fee in percent (0 for none).
 */
public record SetRoundTermsCommand(@TargetAggregateIdentifier RoundId roundId, GroupementId groupementId,
                                   Set<SupplierId> suppliers, AllocationPolicy allocationPolicy,
                                   FeeSplitPolicy feeSplitPolicy, BigDecimal groupementFeePercent)
        implements GroupementScoped {
}
