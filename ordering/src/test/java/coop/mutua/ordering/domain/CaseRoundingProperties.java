package coop.mutua.ordering.domain;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.kernel.Quantity;
import java.math.BigDecimal;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class CaseRoundingProperties {

    @Property
    void ordersWholeCasesNeverBeyondWhatMembersAccept(@ForAll @IntRange(max = 500) int asked, @ForAll @IntRange(max = 100) int tolerance,
                                                       @ForAll @IntRange(min = 1, max = 48) int caseSize,
                                                       @ForAll @IntRange(max = 120) int minimum) {
        CaseRounding.Result result = round(asked, tolerance, caseSize, minimum);
        BigDecimal ordered = result.ordered().value();

        assertThat(ordered.remainder(BigDecimal.valueOf(caseSize))).isZero();
        assertThat(ordered).isEqualByComparingTo(BigDecimal.valueOf(result.cases() * caseSize));
        assertThat(ordered.intValueExact()).isLessThanOrEqualTo(asked + tolerance);
        if (result.cases() > 0 && minimum > 0) {
            assertThat(ordered.intValueExact()).isGreaterThanOrEqualTo(minimum);
        }
    }

    @Property
    void withoutMinimumToleranceCompletesAStartedCaseButNeverOpensOne(@ForAll @IntRange(max = 500) int asked,
                                                                      @ForAll @IntRange(max = 100) int tolerance,
                                                                      @ForAll @IntRange(min = 1, max = 48) int caseSize) {
        CaseRounding.Result result = round(asked, tolerance, caseSize, 0);
        int fullCases = asked / caseSize;
        int remainder = asked % caseSize;

        boolean completes = remainder > 0 && remainder + tolerance >= caseSize;
        assertThat(result.cases()).isEqualTo(fullCases + (completes ? 1 : 0));
        assertThat(result.ordered().value().intValueExact() - asked).isLessThan(caseSize);
        if (asked == 0) {
            assertThat(result.cases()).isZero();
        }
    }

    @Property
    void theMissingQuantityIsExactlyWhatWouldShipTheStartedCase(@ForAll @IntRange(max = 500) int asked,
                                                                @ForAll @IntRange(max = 100) int tolerance,
                                                                @ForAll @IntRange(min = 1, max = 48) int caseSize) {
        CaseRounding.Result result = round(asked, tolerance, caseSize, 0);
        int missing = result.missingToNextCase().value().intValueExact();

        if (missing > 0) {
            assertThat(round(asked + missing, tolerance, caseSize, 0).cases()).isEqualTo(result.cases() + 1);
            assertThat(round(asked + missing - 1, tolerance, caseSize, 0).cases()).isEqualTo(result.cases());
        } else if (asked % caseSize != 0) {
            assertThat(result.cases()).as("a started case already filled by tolerances").isEqualTo(asked / caseSize + 1);
        }
    }

    @Property
    void moreDemandNeverOrdersLess(@ForAll @IntRange(max = 500) int asked, @ForAll @IntRange(max = 50) int extra,
                                   @ForAll @IntRange(max = 100) int tolerance, @ForAll @IntRange(min = 1, max = 48) int caseSize) {
        assertThat(round(asked + extra, tolerance, caseSize, 0).cases()).isGreaterThanOrEqualTo(round(asked, tolerance, caseSize, 0).cases());
    }

    @Example
    void examplesFromTheIssue() {
        assertThat(round(7, 0, 6, 0).cases()).isEqualTo(1);
        assertThat(round(7, 5, 6, 0).cases()).isEqualTo(2);
        assertThat(round(0, 6, 6, 0).cases()).isZero();
        assertThat(round(5, 0, 6, 0).missingToNextCase()).isEqualTo(Quantity.of(1));
        assertThat(round(5, 0, 6, 0).cases()).isZero();
    }

    @Example
    void theMinimumOrderQuantityIsReachedWithinToleranceOrNothingIsOrdered() {
        // q + t < m: nothing.
        assertThat(round(10, 5, 6, 18).cases()).isZero();
        // q < m <= q + t: the cases that reach m.
        assertThat(round(14, 6, 6, 18).ordered()).isEqualTo(Quantity.of(18));
        // enough asked, but whole cases reaching m would exceed q + t: nothing.
        assertThat(round(11, 0, 6, 10).cases()).isZero();
        assertThat(round(12, 0, 6, 10).ordered()).isEqualTo(Quantity.of(12));
    }

    @Example
    void worksInKilogramsToTheGram() {
        CaseRounding.Result result = CaseRounding.round(Quantity.of("7.5"), Quantity.of("2.5"), Quantity.of("2.5"), Quantity.ZERO);
        assertThat(result.cases()).isEqualTo(3);
        assertThat(result.ordered()).isEqualTo(Quantity.of("7.5"));
        CaseRounding.Result started = CaseRounding.round(Quantity.of("8.2"), Quantity.of("1"), Quantity.of("2.5"), Quantity.ZERO);
        assertThat(started.cases()).isEqualTo(3);
        assertThat(started.missingToNextCase()).isEqualTo(Quantity.of("0.8"));
    }

    private static CaseRounding.Result round(int asked, int tolerance, int caseSize, int minimum) {
        return CaseRounding.round(Quantity.of(asked), Quantity.of(tolerance), Quantity.of(caseSize), Quantity.of(minimum));
    }
}
