package coop.mutua.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import coop.mutua.billing.domain.GoalProgress.Dimension;
import coop.mutua.billing.domain.GoalProgress.Goals;
import coop.mutua.billing.domain.GoalProgress.Line;
import coop.mutua.billing.domain.GoalProgress.Period;
import coop.mutua.billing.domain.GoalProgress.Share;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class GoalProgressProperties {

    /** Each quarter's amounts are those of the lines dated in it, added again here line by line. */
    @Property
    void aQuarterHoldsExactlyItsLines(@ForAll("lines") List<Line> lines) {
        SortedMap<Period, Share> quarters = GoalProgress.byQuarter(lines);

        for (Map.Entry<Period, Share> quarter : quarters.entrySet()) {
            List<Line> in = lines.stream().filter(line -> line.date().getYear() == quarter.getKey().year()
                    && (line.date().getMonthValue() + 2) / 3 == quarter.getKey().quarter()).toList();
            assertThat(in).isNotEmpty();
            assertThat(quarter.getValue().totalCents()).isEqualTo(in.stream().mapToLong(Line::amountCents).sum());
            assertThat(quarter.getValue().essCents()).isEqualTo(in.stream().filter(Line::ess).mapToLong(Line::amountCents).sum());
            assertThat(quarter.getValue().organicCents()).isEqualTo(in.stream().filter(Line::organic).mapToLong(Line::amountCents).sum());
            assertThat(quarter.getValue().localCents()).isEqualTo(in.stream().filter(Line::local).mapToLong(Line::amountCents).sum());
        }
        assertThat(quarters.values().stream().mapToLong(Share::totalCents).sum()).isEqualTo(lines.stream().mapToLong(Line::amountCents).sum());
    }

    @Property
    void aYearIsTheSumOfItsQuarters(@ForAll("lines") List<Line> lines) {
        SortedMap<Period, Share> quarters = GoalProgress.byQuarter(lines);
        for (Map.Entry<Period, Share> year : GoalProgress.byYear(lines).entrySet()) {
            for (Dimension dimension : Dimension.values()) {
                long sum = quarters.entrySet().stream().filter(q -> q.getKey().year() == year.getKey().year())
                        .mapToLong(q -> q.getValue().cents(dimension)).sum();
                assertThat(year.getValue().cents(dimension)).isEqualTo(sum);
            }
            assertThat(year.getKey().quarter()).isNull();
        }
    }

    /** Without credit notes, every share lies between 0 and 100 and is the amount's ratio rounded half up. */
    @Property
    void aShareIsARoundedPercentage(@ForAll("invoicesOnly") List<Line> lines) {
        for (Share share : GoalProgress.byYear(lines).values()) {
            for (Dimension dimension : Dimension.values()) {
                BigDecimal percent = share.percent(dimension);
                if (share.totalCents() == 0) {
                    assertThat(percent).isNull();
                    continue;
                }
                assertThat(percent).isBetween(BigDecimal.ZERO, new BigDecimal("100.0"));
                double exact = 100.0 * share.cents(dimension) / share.totalCents();
                assertThat(percent.doubleValue()).isCloseTo(exact, within(0.05 + 1e-9));
            }
        }
    }

    @Property
    void aGoalIsReachedExactlyWhenTheShareIsAtLeastIt(@ForAll("invoicesOnly") List<Line> lines, @ForAll("goals") Goals goals) {
        for (Share share : GoalProgress.byYear(lines).values()) {
            Map<Dimension, Boolean> reached = goals.reached(share);
            for (Dimension dimension : Dimension.values()) {
                Integer target = goals.target(dimension);
                if (target == null) {
                    assertThat(reached).doesNotContainKey(dimension);
                } else {
                    BigDecimal percent = share.percent(dimension);
                    assertThat(reached.get(dimension)).isEqualTo(percent != null && percent.doubleValue() >= target);
                }
            }
        }
    }

    @Example
    void aCreditNoteTakesItsAmountOffItsOwnQuarter() {
        List<Line> lines = List.of(new Line(LocalDate.of(2026, 3, 31), 10_000, true, false, true),
                new Line(LocalDate.of(2026, 4, 1), 5_000, false, true, false),
                new Line(LocalDate.of(2026, 4, 15), -1_000, true, false, true));

        SortedMap<Period, Share> quarters = GoalProgress.byQuarter(lines);

        assertThat(quarters).containsExactly(Map.entry(new Period(2026, 1), new Share(10_000, 10_000, 0, 10_000)),
                Map.entry(new Period(2026, 2), new Share(4_000, -1_000, 5_000, -1_000)));
        Share year = GoalProgress.byYear(lines).get(new Period(2026, null));
        assertThat(year).isEqualTo(new Share(14_000, 9_000, 5_000, 9_000));
        assertThat(year.percent(Dimension.ESS)).isEqualByComparingTo("64.3");
        assertThat(new Goals(60, 40, null).reached(year)).containsExactly(Map.entry(Dimension.ESS, true), Map.entry(Dimension.ORGANIC, false));
        assertThatThrownBy(() -> new Goals(101, null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Provide
    Arbitrary<List<Line>> lines() {
        return line(Arbitraries.longs().between(-50_000, 500_000)).list().ofMaxSize(30);
    }

    @Provide
    Arbitrary<List<Line>> invoicesOnly() {
        return line(Arbitraries.longs().between(0, 500_000)).list().ofMaxSize(30);
    }

    @Provide
    Arbitrary<Goals> goals() {
        Arbitrary<Integer> percent = Arbitraries.integers().between(0, 100).injectNull(0.3);
        return Combinators.combine(percent, percent, percent).as(Goals::new);
    }

    private static Arbitrary<Line> line(Arbitrary<Long> amounts) {
        return Combinators.combine(Arbitraries.integers().between(0, 3 * 365).map(days -> LocalDate.of(2024, 1, 1).plusDays(days)), amounts,
                Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false)).as(Line::new);
    }
}
