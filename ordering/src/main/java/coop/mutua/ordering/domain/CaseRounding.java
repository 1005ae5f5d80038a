package coop.mutua.ordering.domain;

import coop.mutua.kernel.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How much of one product the pool orders, in whole cases (DOMAIN.md, Pooling, rules 1 to 3). Given q, the sum of the
 * members' quantities, t, the sum of their tolerances, s, the case size and m, the supplier's minimum order quantity:
 * <ol>
 *   <li>full cases of what was asked: floor(q / s); a started case (remainder r = q mod s) is ordered only if the
 *       tolerances can fill it (r + t &ge; s): tolerance completes a case, it never opens one alone;</li>
 *   <li>if m &gt; 0 and that is below m, the smallest number of cases reaching m is ordered if it fits within q + t,
 *       otherwise nothing is (the supplier will not ship less than m).</li>
 * </ol>
 * Pure function: no Spring, no database.
 */
public final class CaseRounding {

    private CaseRounding() {
    }

    /** The pooled demand for one product and what it becomes. */
    public record Result(Quantity asked, Quantity tolerance, long cases, Quantity ordered, Quantity missingToNextCase) {
    }

    public static Result round(Quantity asked, Quantity tolerance, Quantity caseSize, Quantity minimumOrder) {
        BigDecimal q = asked.value();
        BigDecimal t = tolerance.value();
        BigDecimal s = caseSize.value();
        if (s.signum() <= 0) {
            throw new IllegalArgumentException("case size must be positive: " + caseSize);
        }
        BigDecimal m = minimumOrder == null ? BigDecimal.ZERO : minimumOrder.value();
        BigDecimal[] division = q.divideAndRemainder(s);
        long cases = division[0].longValueExact();
        BigDecimal remainder = division[1];
        if (remainder.signum() > 0 && remainder.add(t).compareTo(s) >= 0) {
            cases++;
        }
        if (m.signum() > 0 && s.multiply(BigDecimal.valueOf(cases)).compareTo(m) < 0) {
            long casesForMinimum = m.divide(s, 0, RoundingMode.CEILING).longValueExact();
            boolean acceptable = s.multiply(BigDecimal.valueOf(casesForMinimum)).compareTo(q.add(t)) <= 0;
            cases = acceptable ? casesForMinimum : 0;
        }
        Quantity ordered = new Quantity(s.multiply(BigDecimal.valueOf(cases)));
        return new Result(asked, tolerance, cases, ordered, missingToNextCase(remainder, t, s));
    }

    /**
     * What more (orders or tolerances) would make a started case ship: 0 when no case is started or when the
     * tolerances already fill it. "3 kg more fills the case."
     */
    private static Quantity missingToNextCase(BigDecimal remainder, BigDecimal tolerance, BigDecimal caseSize) {
        if (remainder.signum() == 0) {
            return Quantity.ZERO;
        }
        BigDecimal missing = caseSize.subtract(remainder).subtract(tolerance);
        return missing.signum() <= 0 ? Quantity.ZERO : new Quantity(missing);
    }
}
