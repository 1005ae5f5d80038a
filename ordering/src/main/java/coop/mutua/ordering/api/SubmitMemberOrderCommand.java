package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.RoundId;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Replaces all the lines of a member's order in an open round. {@code steps} gives the order step of every product of
 * the round's offer, as frozen at opening: a line whose product has no step is not on offer, and is refused.
 */
public record SubmitMemberOrderCommand(@TargetAggregateIdentifier String orderId, GroupementId groupementId,
                                       RoundId roundId, MemberId memberId, List<OrderLine> lines,
                                       Map<ProductId, Quantity> steps) implements GroupementScoped {
}
