package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.MemberId;
import org.axonframework.serialization.Revision;

/** A member structure's identity or addresses changed. */
@Revision("1")
public record MemberUpdatedEvent(MemberId memberId, GroupementId groupementId, String name, String siret,
                                 String vatNumber, EssFamily essFamily, Address billingAddress, Address deliveryAddress,
                                 String contactEmail) {
}
