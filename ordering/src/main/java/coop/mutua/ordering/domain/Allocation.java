package coop.mutua.ordering.domain;

import coop.mutua.kernel.LargestRemainder;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.Quantity;
import coop.mutua.ordering.api.AllocationPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shares what the pool gets of one product (ordered at close, delivered at reception) back among the members who asked
 * for it (DOMAIN.md, Pooling rule 4), in whole product steps:
 * <ul>
 *   <li>more than asked (cases filled by tolerance, a surplus delivered): everyone gets its quantity, and the extra is
 *       taken from tolerances, never beyond them; what no tolerance accepts is left explicitly unallocated;</li>
 *   <li>less than asked (a started case not filled, a shortage): the shortfall is removed by the round's policy.</li>
 * </ul>
 * PRO_RATA splits by largest remainder (weights: quantities for a shortfall, tolerances for an extra), ties to the
 * larger weight, then the larger quantity, then the earlier first submission. FIRST_COME serves members in the order of
 * their first submission. Only members who submitted at the very same instant are told apart by their id, so that the
 * result never depends on the order of the claims.
 * <p>At reception the same function shares what arrived, given what members asked (not their shares at close): firm
 * quantities are served first and tolerances only once every firm quantity is (DOMAIN.md, Supplier fulfilment).
 * Pure function: no Spring, no database.
 */
public final class Allocation {

    private Allocation() {
    }

    /** What one member asked for: quantity, tolerance, and when it first ordered (for FIRST_COME). */
    public record Claim(MemberId memberId, Quantity quantity, Quantity tolerance, Instant firstSubmittedAt) {
    }

    /** Each member's share, in the order of the claims, and what nobody's tolerance accepted. */
    public record Result(Map<MemberId, Quantity> allocated, Quantity unallocated) {
    }

    public static Result allocate(Quantity available, Quantity step, List<Claim> claims, AllocationPolicy policy) {
        BigDecimal s = step.value();
        if (s.signum() <= 0) {
            throw new IllegalArgumentException("step must be positive: " + step);
        }
        long total = units(available.value(), s);
        Quantity leftOverBelowStep = new Quantity(available.value().subtract(s.multiply(BigDecimal.valueOf(total))));
        List<Claim> ordered = claims.stream().sorted(Comparator.comparing(c -> c.memberId().value())).toList();
        Map<MemberId, Long> asked = new LinkedHashMap<>();
        Map<MemberId, Long> accepted = new LinkedHashMap<>();
        long sumAsked = 0;
        for (Claim claim : ordered) {
            long q = units(claim.quantity().value(), s);
            long t = claim.tolerance() == null ? 0 : units(claim.tolerance().value(), s);
            if (asked.put(claim.memberId(), q) != null) {
                throw new IllegalArgumentException("two claims for member " + claim.memberId());
            }
            accepted.put(claim.memberId(), t);
            sumAsked += q;
        }
        Map<MemberId, Long> parts;
        long unallocated = 0;
        if (total >= sumAsked) {
            parts = new LinkedHashMap<>(asked);
            long extra = total - sumAsked;
            long room = accepted.values().stream().mapToLong(Long::longValue).sum();
            long shared = Math.min(extra, room);
            unallocated = extra - shared;
            Map<MemberId, Long> extras = policy == AllocationPolicy.FIRST_COME
                    ? inOrder(shared, firstCome(ordered), accepted)
                    : LargestRemainder.allocate(shared, weights(ordered, accepted), byQuantityThenFirstSubmission(asked, ordered));
            extras.forEach((member, part) -> parts.merge(member, part, Long::sum));
        } else {
            parts = policy == AllocationPolicy.FIRST_COME
                    ? inOrder(total, firstCome(ordered), asked)
                    : LargestRemainder.allocate(total, weights(ordered, asked), byQuantityThenFirstSubmission(asked, ordered));
        }
        Map<MemberId, Quantity> allocated = new LinkedHashMap<>();
        for (Claim claim : claims) {
            allocated.put(claim.memberId(), new Quantity(s.multiply(BigDecimal.valueOf(parts.get(claim.memberId())))));
        }
        return new Result(allocated, new Quantity(s.multiply(BigDecimal.valueOf(unallocated))).plus(leftOverBelowStep));
    }

    /** Whole steps in a quantity (a tolerance that is not a whole number of steps only counts its whole steps). */
    private static long units(BigDecimal quantity, BigDecimal step) {
        return quantity.divide(step, 0, RoundingMode.FLOOR).longValueExact();
    }

    private static List<LargestRemainder.Claim<MemberId>> weights(List<Claim> claims, Map<MemberId, Long> weights) {
        List<LargestRemainder.Claim<MemberId>> result = new ArrayList<>(claims.size());
        for (Claim claim : claims) {
            result.add(new LargestRemainder.Claim<>(claim.memberId(), weights.get(claim.memberId())));
        }
        return result;
    }

    private static Comparator<MemberId> byQuantityThenFirstSubmission(Map<MemberId, Long> asked, List<Claim> claims) {
        Map<MemberId, Integer> rank = new LinkedHashMap<>();
        for (MemberId member : firstCome(claims)) {
            rank.put(member, rank.size());
        }
        return Comparator.<MemberId>comparingLong(asked::get).reversed().thenComparing(rank::get);
    }

    private static List<MemberId> firstCome(List<Claim> claims) {
        return claims.stream()
                .sorted(Comparator.comparing(Claim::firstSubmittedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(claim -> claim.memberId().value()))
                .map(Claim::memberId)
                .toList();
    }

    /** Serves {@code total} units in the given order, each member up to its cap. */
    private static Map<MemberId, Long> inOrder(long total, List<MemberId> order, Map<MemberId, Long> caps) {
        Map<MemberId, Long> parts = new LinkedHashMap<>();
        long left = total;
        for (MemberId member : order) {
            long part = Math.min(left, caps.get(member));
            parts.put(member, part);
            left -= part;
        }
        return parts;
    }
}
