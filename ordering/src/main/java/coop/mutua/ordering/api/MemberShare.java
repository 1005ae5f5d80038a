package coop.mutua.ordering.api;

import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;

/**
 * What one member gets of one product after pooling, against what it asked; after reception, what it receives
 * ({@code received}, null before) and how that compares with its share ({@code receptionChange}).
 */
public record MemberShare(MemberId memberId, ProductId productId, Quantity asked, Quantity tolerance, Quantity allocated,
                          ShareChange change, Quantity received, ShareChange receptionChange) {
}
