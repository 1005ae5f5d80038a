package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.MemberId;

/** A member structure as listed for coordinators. */
public record MemberSummary(MemberId id, GroupementId groupementId, String name, String siret, String vatNumber,
                            EssFamily essFamily, Address billingAddress, Address deliveryAddress, String contactEmail,
                            boolean active) {
}
