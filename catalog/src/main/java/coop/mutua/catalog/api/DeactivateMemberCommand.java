package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import coop.mutua.kernel.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stops a member structure from ordering; its history stays. */
public record DeactivateMemberCommand(@TargetAggregateIdentifier MemberId memberId, GroupementId groupementId) implements GroupementScoped {
}
