package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import coop.mutua.kernel.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Lets a deactivated member structure order again. */
public record ReactivateMemberCommand(@TargetAggregateIdentifier MemberId memberId, GroupementId groupementId) implements GroupementScoped {
}
