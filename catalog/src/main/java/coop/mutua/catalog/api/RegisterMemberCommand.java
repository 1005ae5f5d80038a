package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import coop.mutua.kernel.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers a member structure of the groupement. */
public record RegisterMemberCommand(@TargetAggregateIdentifier MemberId memberId, GroupementId groupementId, String name,
                                    String siret, String vatNumber, EssFamily essFamily, Address billingAddress,
                                    Address deliveryAddress, String contactEmail) implements GroupementScoped {
}
