package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The pooling job wrote a closed round's supplier orders; recorded once (a repeat changes nothing). */
public record RecordPoolingCommand(@TargetAggregateIdentifier RoundId roundId, GroupementId groupementId, int supplierOrders,
                                   Set<SupplierId> belowMinimum) implements GroupementScoped {
}
