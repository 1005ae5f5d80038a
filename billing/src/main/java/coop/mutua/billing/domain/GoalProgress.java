package coop.mutua.billing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A member's responsible purchasing against its own goals (ADR 22): what it was invoiced, excl. VAT, per quarter and
 * per year, and the share of it bought from ESS operators, organic, and local, each as a percentage with one decimal
 * (half up). Credit notes count negatively, on their own date. Pure: the lines come from the member invoices, each
 * with its supplier's profile on the invoice's date.
 */
public final class GoalProgress {

    /** The study behind Mutua: 38 % of the ESS structures' purchases already went to ESS operators. */
    public static final BigDecimal STUDY_ESS_BASELINE = new BigDecimal("38.0");

    private GoalProgress() {
    }

    public enum Dimension {
        ESS, ORGANIC, LOCAL
    }

    /** An invoiced amount (negative for a credit note) and what it was. */
    public record Line(LocalDate date, long amountCents, boolean ess, boolean organic, boolean local) {
    }

    /** A year, or one of its quarters (1 to 4). */
    public record Period(int year, Integer quarter) implements Comparable<Period> {

        private static final Comparator<Period> ORDER = Comparator.comparingInt(Period::year)
                .thenComparing(Period::quarter, Comparator.nullsLast(Comparator.naturalOrder()));

        static Period quarterOf(LocalDate date) {
            return new Period(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
        }

        @Override
        public int compareTo(Period other) {
            return ORDER.compare(this, other);
        }
    }

    /** The amounts of a period, in cents excl. VAT. */
    public record Share(long totalCents, long essCents, long organicCents, long localCents) {

        static final Share NONE = new Share(0, 0, 0, 0);

        Share plus(Line line) {
            return new Share(totalCents + line.amountCents(), essCents + (line.ess() ? line.amountCents() : 0),
                    organicCents + (line.organic() ? line.amountCents() : 0), localCents + (line.local() ? line.amountCents() : 0));
        }

        Share plus(Share other) {
            return new Share(totalCents + other.totalCents, essCents + other.essCents, organicCents + other.organicCents,
                    localCents + other.localCents);
        }

        public long cents(Dimension dimension) {
            return switch (dimension) {
                case ESS -> essCents;
                case ORGANIC -> organicCents;
                case LOCAL -> localCents;
            };
        }

        /** The dimension's share of the total in percent, one decimal; null when nothing was bought. */
        public BigDecimal percent(Dimension dimension) {
            if (totalCents <= 0) {
                return null;
            }
            return BigDecimal.valueOf(cents(dimension)).multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(totalCents), 1, RoundingMode.HALF_UP);
        }
    }

    /** A member's targets, in whole percent (0 to 100), each optional. */
    public record Goals(Integer essPercent, Integer organicPercent, Integer localPercent) {

        public static final Goals NONE = new Goals(null, null, null);

        public Goals {
            for (Integer percent : new Integer[] {essPercent, organicPercent, localPercent}) {
                if (percent != null && (percent < 0 || percent > 100)) {
                    throw new IllegalArgumentException("a goal is a percentage from 0 to 100: " + percent);
                }
            }
        }

        public Integer target(Dimension dimension) {
            return switch (dimension) {
                case ESS -> essPercent;
                case ORGANIC -> organicPercent;
                case LOCAL -> localPercent;
            };
        }

        /** Per dimension with a target: whether the share reached it (nothing bought: not reached). */
        public Map<Dimension, Boolean> reached(Share share) {
            Map<Dimension, Boolean> reached = new EnumMap<>(Dimension.class);
            for (Dimension dimension : Dimension.values()) {
                Integer target = target(dimension);
                if (target != null) {
                    BigDecimal percent = share.percent(dimension);
                    reached.put(dimension, percent != null && percent.compareTo(BigDecimal.valueOf(target)) >= 0);
                }
            }
            return reached;
        }
    }

    /** Each quarter that has a line, in order. */
    public static SortedMap<Period, Share> byQuarter(Collection<Line> lines) {
        SortedMap<Period, Share> quarters = new TreeMap<>();
        for (Line line : lines) {
            quarters.merge(Period.quarterOf(line.date()), Share.NONE.plus(line), Share::plus);
        }
        return quarters;
    }

    /** Each year that has a line, in order: the sum of its quarters. */
    public static SortedMap<Period, Share> byYear(Collection<Line> lines) {
        SortedMap<Period, Share> years = new TreeMap<>();
        byQuarter(lines).forEach((quarter, share) -> years.merge(new Period(quarter.year(), null), share, Share::plus));
        return years;
    }
}
