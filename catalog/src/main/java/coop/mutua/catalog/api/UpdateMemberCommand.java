package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import coop.mutua.kernel.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Corrects or completes a member structure's identity and addresses. */
public record UpdateMemberCommand(@TargetAggregateIdentifier MemberId memberId, GroupementId groupementId, String name,
                                  String siret, String vatNumber, EssFamily essFamily, Address billingAddress,
                                  Address deliveryAddress, String contactEmail) implements GroupementScoped {
}
