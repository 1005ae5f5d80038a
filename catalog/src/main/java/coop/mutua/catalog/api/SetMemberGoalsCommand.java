package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import coop.mutua.kernel.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A member structure states its responsible-purchasing targets (ADR 22): the share of its purchases, excl. VAT, it
 * wants to make with ESS operators, of organic products, and from local suppliers; whole percent, each optional.
 */
public record SetMemberGoalsCommand(@TargetAggregateIdentifier MemberId memberId, GroupementId groupementId, Integer essPercent,
                                    Integer organicPercent, Integer localPercent) implements GroupementScoped {
}
