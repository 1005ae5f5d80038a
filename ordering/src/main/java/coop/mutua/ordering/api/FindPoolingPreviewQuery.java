package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.RoundId;

/**
 * The live pooling preview of a round: pooled totals per product and supplier; with a member, also that member's own
 * lines (never another member's).
 */
public record FindPoolingPreviewQuery(GroupementId groupementId, RoundId roundId, MemberId viewer) {
}
