package coop.mutua.ordering.api;

import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;

/** What one member gets of one product after pooling, against what it asked. */
public record MemberShare(MemberId memberId, ProductId productId, Quantity asked, Quantity tolerance, Quantity allocated,
                          ShareChange change) {
}
