package coop.mutua.kernel;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a whole number of units (cents, product steps) between claimants in proportion to their weights, so that
 * the parts add up exactly to the total (Hamilton's largest-remainder method).
 *
 * <p>Each claimant first gets the floor of its exact share; the units left over go one by one to the largest
 * fractional remainders. Ties go to the larger weight, then to the claimant that comes first in the given order,
 * which makes the result independent of the order of the input. A negative total (a credit note) is split as its
 * opposite and negated, so refunds mirror charges.
 */
public final class LargestRemainder {

    private LargestRemainder() {
    }

    /** One claimant and its weight (quantity ordered, amount excl. VAT in cents...); weights are never negative. */
    public record Claim<K>(K key, long weight) {
        public Claim {
            if (weight < 0) {
                throw new IllegalArgumentException("negative weight for " + key + ": " + weight);
            }
        }
    }

    /**
     * @param total    units to distribute
     * @param claims   claimants with distinct keys
     * @param tieOrder order among claimants with equal remainders and equal weights
     * @return the part of every claimant, in the order of {@code claims}; the parts add up to {@code total}
     * @throws IllegalArgumentException if the total is not zero and every weight is zero
     */
    public static <K> Map<K, Long> allocate(long total, List<Claim<K>> claims, Comparator<? super K> tieOrder) {
        if (total < 0) {
            Map<K, Long> positive = allocate(Math.negateExact(total), claims, tieOrder);
            positive.replaceAll((key, part) -> -part);
            return positive;
        }
        BigInteger sumOfWeights = claims.stream().map(c -> BigInteger.valueOf(c.weight())).reduce(BigInteger.ZERO, BigInteger::add);
        Map<K, Long> parts = new LinkedHashMap<>();
        if (sumOfWeights.signum() == 0) {
            if (total != 0) {
                throw new IllegalArgumentException("cannot split " + total + " between claimants whose weights are all zero");
            }
            claims.forEach(claim -> parts.put(claim.key(), 0L));
            return parts;
        }
        BigInteger bigTotal = BigInteger.valueOf(total);
        List<Remainder<K>> remainders = new ArrayList<>(claims.size());
        long distributed = 0;
        for (Claim<K> claim : claims) {
            BigInteger[] division = bigTotal.multiply(BigInteger.valueOf(claim.weight())).divideAndRemainder(sumOfWeights);
            long floor = division[0].longValueExact();
            if (parts.put(claim.key(), floor) != null) {
                throw new IllegalArgumentException("duplicate claimant " + claim.key());
            }
            distributed += floor;
            remainders.add(new Remainder<>(claim, division[1]));
        }
        Comparator<Remainder<K>> byPriority = Comparator.<Remainder<K>, BigInteger>comparing(Remainder::remainder).reversed()
                .thenComparing(Comparator.<Remainder<K>>comparingLong(r -> r.claim().weight()).reversed())
                .thenComparing(r -> r.claim().key(), tieOrder);
        remainders.sort(byPriority);
        long leftOver = total - distributed;
        for (int i = 0; i < leftOver; i++) {
            K key = remainders.get(i).claim().key();
            parts.merge(key, 1L, Long::sum);
        }
        return parts;
    }

    private record Remainder<K>(Claim<K> claim, BigInteger remainder) {
    }
}
