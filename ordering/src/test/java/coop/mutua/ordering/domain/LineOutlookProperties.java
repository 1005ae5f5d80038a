package coop.mutua.ordering.domain;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.Quantity;
import coop.mutua.ordering.api.AllocationPolicy;
import coop.mutua.ordering.domain.Allocation.Claim;
import coop.mutua.ordering.api.LineOutcome;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class LineOutlookProperties {

    private static final Quantity STEP = Quantity.of(1);
    private static final Instant MORNING = Instant.parse("2026-12-01T08:00:00Z");

    record Pool(List<Claim> claims, Quantity caseSize, Quantity minimum, AllocationPolicy policy) {
    }

    @Provide
    Arbitrary<Pool> pools() {
        Arbitrary<Claim> claim = Combinators.combine(Arbitraries.strings().withCharRange('a', 'f').ofLength(3),
                        Arbitraries.integers().between(1, 30), Arbitraries.integers().between(0, 8), Arbitraries.integers().between(0, 9))
                .as((id, quantity, tolerance, minute) -> new Claim(MemberId.of("m-" + id), Quantity.of(quantity),
                        Quantity.of(tolerance), MORNING.plusSeconds(60L * minute)));
        return Combinators.combine(claim.list().ofMinSize(1).ofMaxSize(8).uniqueElements(Claim::memberId),
                        Arbitraries.integers().between(1, 12), Arbitraries.of(0, 0, 12, 30), Arbitraries.of(AllocationPolicy.values()))
                .as((claims, caseSize, minimum, policy) -> new Pool(claims, Quantity.of(caseSize), Quantity.of(minimum), policy));
    }

    @Property
    void whatEachMemberIsToldAddsUpToWhatThePoolWouldOrder(@ForAll("pools") Pool pool) {
        Quantity told = Quantity.ZERO;
        Quantity asked = Quantity.ZERO;
        Quantity tolerance = Quantity.ZERO;
        for (Claim claim : pool.claims()) {
            LineOutlook outlook = LineOutlook.of(claim.memberId(), pool.claims(), pool.caseSize(), pool.minimum(), STEP, pool.policy());
            told = told.plus(outlook.expected());
            asked = asked.plus(claim.quantity());
            tolerance = tolerance.plus(claim.tolerance());
            assertThat(outlook.expected().value()).isLessThanOrEqualTo(claim.quantity().value().add(claim.tolerance().value()));
            assertThat(outlook.kind()).isEqualTo(expectedKind(claim, outlook.expected()));
            assertThat(outlook.shortfall().value().add(outlook.expected().value()).max(claim.quantity().value()))
                    .as("shortfall is what is missing of the quantity asked").isEqualByComparingTo(
                            claim.quantity().value().max(outlook.expected().value()));
        }
        Quantity ordered = CaseRounding.round(asked, tolerance, pool.caseSize(), pool.minimum()).ordered();
        Quantity unallocated = Allocation.allocate(ordered, STEP, pool.claims(), pool.policy()).unallocated();
        assertThat(told.value().add(unallocated.value())).isEqualByComparingTo(ordered.value());
    }

    @Property
    void aMemberWhoOrderedNothingIsToldSo(@ForAll("pools") Pool pool) {
        LineOutlook outlook = LineOutlook.of(MemberId.of("someone-else"), pool.claims(), pool.caseSize(), pool.minimum(), STEP, pool.policy());
        assertThat(outlook.kind()).isEqualTo(LineOutcome.NOT_ORDERED);
        assertThat(outlook.expected().isZero()).isTrue();
    }

    @Example
    void twelveKilosAskedWhereCasesHoldTenMayLeaveTwoUnserved() {
        Claim mine = new Claim(MemberId.of("me"), Quantity.of(12), Quantity.ZERO, MORNING);
        LineOutlook alone = LineOutlook.of(mine.memberId(), List.of(mine), Quantity.of(10), Quantity.ZERO, STEP, AllocationPolicy.PRO_RATA);
        assertThat(alone.kind()).isEqualTo(LineOutcome.PARTLY_SERVED);
        assertThat(alone.expected()).isEqualTo(Quantity.of(10));
        assertThat(alone.shortfall()).isEqualTo(Quantity.of(2));
        assertThat(alone.missingToNextCase()).isEqualTo(Quantity.of(8));

        Claim generous = new Claim(MemberId.of("other"), Quantity.of(3), Quantity.of(5), MORNING);
        LineOutlook helped = LineOutlook.of(mine.memberId(), List.of(mine, generous), Quantity.of(10), Quantity.ZERO, STEP,
                AllocationPolicy.PRO_RATA);
        assertThat(helped.kind()).as("another member's tolerance completes the case").isEqualTo(LineOutcome.SERVED_IN_FULL);
    }

    private static LineOutcome expectedKind(Claim claim, Quantity expected) {
        if (claim.quantity().isZero()) {
            return LineOutcome.NOT_ORDERED;
        }
        if (expected.isZero()) {
            return LineOutcome.NOT_SERVED;
        }
        int c = expected.compareTo(claim.quantity());
        return c == 0 ? LineOutcome.SERVED_IN_FULL : c > 0 ? LineOutcome.MORE_WITHIN_TOLERANCE : LineOutcome.PARTLY_SERVED;
    }
}
