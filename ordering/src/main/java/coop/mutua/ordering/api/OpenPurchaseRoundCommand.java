package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import coop.mutua.kernel.RoundId;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Opens a draft round to members' orders, freezing its offer: the products of its suppliers available now, with the
 * details and prices in force now (read from the catalog by the sender).
 */
public record OpenPurchaseRoundCommand(@TargetAggregateIdentifier RoundId roundId, GroupementId groupementId,
                                       List<OfferedProduct> offer) implements GroupementScoped {
}
