package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.ProductId;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Replaces all the lines of a member's order in an open round. {@code steps} gives, for every product of the lines,
 * the order step frozen in the round's offer (the sender checked that each product is on offer).
 */
public record SubmitMemberOrderCommand(@TargetAggregateIdentifier String orderId, GroupementId groupementId,
                                       RoundId roundId, MemberId memberId, List<OrderLine> lines,
                                       Map<ProductId, Quantity> steps) implements GroupementScoped {
}
