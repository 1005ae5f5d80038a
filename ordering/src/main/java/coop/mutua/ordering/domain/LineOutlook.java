package coop.mutua.ordering.domain;

import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.Quantity;
import coop.mutua.ordering.api.AllocationPolicy;
import coop.mutua.ordering.api.LineOutcome;
import java.util.List;

/**
 * What one member would receive of one product if the round closed now, and why, in the words of the order page:
 * the pool's demand is rounded to whole cases ({@link CaseRounding}) and shared back ({@link Allocation}) exactly as
 * the close will do, with everybody's current lines. Pure function: no Spring, no database.
 */
public record LineOutlook(LineOutcome kind, Quantity asked, Quantity expected, Quantity missingToNextCase) {

    public static LineOutlook of(MemberId member, List<Allocation.Claim> claims, Quantity caseSize, Quantity minimumOrder,
                                 Quantity step, AllocationPolicy policy) {
        Quantity asked = Quantity.ZERO;
        Quantity tolerance = Quantity.ZERO;
        for (Allocation.Claim claim : claims) {
            asked = asked.plus(claim.quantity());
            tolerance = tolerance.plus(claim.tolerance() == null ? Quantity.ZERO : claim.tolerance());
        }
        return of(member, claims, CaseRounding.round(asked, tolerance, caseSize, minimumOrder), step, policy);
    }

    /** The same, given the pool's case rounding already made of these claims (the live preview makes it once). */
    public static LineOutlook of(MemberId member, List<Allocation.Claim> claims, CaseRounding.Result rounding, Quantity step,
                                 AllocationPolicy policy) {
        Allocation.Claim mine = claims.stream().filter(c -> c.memberId().equals(member)).findFirst().orElse(null);
        if (mine == null || mine.quantity().isZero()) {
            return new LineOutlook(LineOutcome.NOT_ORDERED, Quantity.ZERO, Quantity.ZERO, Quantity.ZERO);
        }
        Quantity expected = Allocation.allocate(rounding.ordered(), step, claims, policy).allocated()
                .getOrDefault(member, Quantity.ZERO);
        int comparison = expected.compareTo(mine.quantity());
        LineOutcome kind = expected.isZero() ? LineOutcome.NOT_SERVED
                : comparison == 0 ? LineOutcome.SERVED_IN_FULL
                : comparison > 0 ? LineOutcome.MORE_WITHIN_TOLERANCE
                : LineOutcome.PARTLY_SERVED;
        return new LineOutlook(kind, mine.quantity(), expected, rounding.missingToNextCase());
    }

    /** What the member asked and would not receive (zero unless partly or not served). */
    public Quantity shortfall() {
        return expected.compareTo(asked) >= 0 ? Quantity.ZERO : new Quantity(asked.value().subtract(expected.value()));
    }
}
