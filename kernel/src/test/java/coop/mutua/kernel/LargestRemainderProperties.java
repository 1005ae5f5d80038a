package coop.mutua.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.mutua.kernel.LargestRemainder.Claim;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class LargestRemainderProperties {

    @Provide
    Arbitrary<List<Long>> weights() {
        return Arbitraries.longs().between(0, 1_000_000).list().ofMinSize(1).ofMaxSize(40)
                .filter(list -> list.stream().mapToLong(Long::longValue).sum() > 0);
    }

    @Property
    void partsAddUpToTheTotal(@ForAll @LongRange(min = -10_000_000, max = 10_000_000) long total,
                              @ForAll("weights") List<Long> weights) {
        Map<Integer, Long> parts = LargestRemainder.allocate(total, claims(weights), Comparator.naturalOrder());

        assertThat(parts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(total);
    }

    @Property
    void everyPartIsWithinOneUnitOfItsExactShare(@ForAll @LongRange(min = 0, max = 10_000_000) long total,
                                                 @ForAll("weights") List<Long> weights) {
        Map<Integer, Long> parts = LargestRemainder.allocate(total, claims(weights), Comparator.naturalOrder());
        BigDecimal sum = BigDecimal.valueOf(weights.stream().mapToLong(Long::longValue).sum());

        for (int i = 0; i < weights.size(); i++) {
            BigDecimal exact = BigDecimal.valueOf(total).multiply(BigDecimal.valueOf(weights.get(i))).divide(sum, MathContext.DECIMAL128);
            BigDecimal difference = BigDecimal.valueOf(parts.get(i)).subtract(exact).abs();
            assertThat(difference).isLessThan(BigDecimal.ONE);
        }
    }

    @Property
    void aZeroWeightGetsNothing(@ForAll @LongRange(min = -1_000_000, max = 1_000_000) long total,
                                @ForAll("weights") List<Long> weights) {
        List<Long> withZero = new ArrayList<>(weights);
        withZero.add(0L);
        Map<Integer, Long> parts = LargestRemainder.allocate(total, claims(withZero), Comparator.naturalOrder());

        assertThat(parts.get(withZero.size() - 1)).isZero();
    }

    @Property
    void resultDoesNotDependOnTheOrderOfClaims(@ForAll @LongRange(min = 0, max = 1_000_000) long total,
                                               @ForAll("weights") List<Long> weights, @ForAll long seed) {
        List<Claim<Integer>> claims = claims(weights);
        List<Claim<Integer>> shuffled = new ArrayList<>(claims);
        Collections.shuffle(shuffled, new Random(seed));

        assertThat(LargestRemainder.allocate(total, shuffled, Comparator.naturalOrder()))
                .isEqualTo(LargestRemainder.allocate(total, claims, Comparator.naturalOrder()));
    }

    @Property
    void creditNotesMirrorCharges(@ForAll @LongRange(min = 0, max = 1_000_000) long total,
                                  @ForAll("weights") List<Long> weights) {
        Map<Integer, Long> charge = LargestRemainder.allocate(total, claims(weights), Comparator.naturalOrder());
        Map<Integer, Long> refund = LargestRemainder.allocate(-total, claims(weights), Comparator.naturalOrder());

        charge.forEach((key, part) -> assertThat(refund.get(key)).isEqualTo(-part));
    }

    @Example
    void leftOverUnitsGoToLargestRemainderThenLargerWeightThenTieOrder() {
        // 10 between 1, 1, 1: exact shares 3.33 each; one unit left goes to the first in tie order.
        Map<String, Long> parts = LargestRemainder.allocate(10,
                List.of(new Claim<>("c", 1), new Claim<>("a", 1), new Claim<>("b", 1)), Comparator.naturalOrder());
        assertThat(parts).containsEntry("a", 4L).containsEntry("b", 3L).containsEntry("c", 3L);

        // 100 cents between weights 1 and 2: 33.33 and 66.67: the larger remainder (0.67) wins the cent.
        Map<String, Long> unequal = LargestRemainder.allocate(100,
                List.of(new Claim<>("small", 1), new Claim<>("large", 2)), Comparator.naturalOrder());
        assertThat(unequal).containsEntry("small", 33L).containsEntry("large", 67L);

        // equal remainders (0.5 and 1.5): the larger weight wins before the tie order.
        Map<String, Long> byWeight = LargestRemainder.allocate(2,
                List.of(new Claim<>("a", 1), new Claim<>("b", 3)), Comparator.naturalOrder());
        assertThat(byWeight).containsEntry("a", 0L).containsEntry("b", 2L);
    }

    @Example
    void refusesToSplitSomethingBetweenNobody() {
        assertThatThrownBy(() -> LargestRemainder.allocate(5, List.of(new Claim<>("a", 0)), Comparator.<String>naturalOrder()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(LargestRemainder.allocate(0, List.of(new Claim<>("a", 0)), Comparator.<String>naturalOrder()))
                .containsEntry("a", 0L);
    }

    private static List<Claim<Integer>> claims(List<Long> weights) {
        return IntStream.range(0, weights.size()).mapToObj(i -> new Claim<>(i, weights.get(i))).toList();
    }
}
