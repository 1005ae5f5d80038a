package coop.mutua.ordering.domain;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.Quantity;
import coop.mutua.ordering.api.AllocationPolicy;
import coop.mutua.ordering.domain.Allocation.Claim;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class AllocationProperties {

    record Case(Quantity step, List<Claim> claims, Quantity available, AllocationPolicy policy) {
        BigDecimal asked() {
            return claims.stream().map(c -> c.quantity().value()).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        BigDecimal cap(Claim claim) {
            BigDecimal s = step.value();
            BigDecimal wholeTolerance = claim.tolerance().value().divideToIntegralValue(s).multiply(s);
            return claim.quantity().value().add(wholeTolerance);
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<String> steps = Arbitraries.of("1", "0.5", "0.25", "6", "0.001");
        return steps.flatMap(stepText -> {
            BigDecimal step = new BigDecimal(stepText);
            Arbitrary<Claim> claim = Combinators.combine(
                    Arbitraries.strings().withCharRange('a', 'f').ofLength(4),
                    Arbitraries.integers().between(1, 40),
                    Arbitraries.oneOf(Arbitraries.integers().between(0, 12).map(k -> step.multiply(BigDecimal.valueOf(k))),
                            Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("9")).ofScale(3)),
                    Arbitraries.integers().between(0, 5))
                    .as((id, k, tolerance, minute) -> new Claim(MemberId.of("m-" + id), new Quantity(step.multiply(BigDecimal.valueOf(k))),
                            new Quantity(tolerance), Instant.parse("2026-12-01T08:00:00Z").plusSeconds(60L * minute)));
            Arbitrary<List<Claim>> claims = claim.list().ofMaxSize(12).uniqueElements(c -> c.memberId());
            return claims.flatMap(list -> {
                long askedUnits = list.stream().mapToLong(c -> c.quantity().value().divide(step).longValueExact()).sum();
                long roomUnits = list.stream().mapToLong(c -> c.tolerance().value().divideToIntegralValue(step).longValueExact()).sum();
                return Combinators.combine(Arbitraries.longs().between(0, askedUnits + roomUnits + 15),
                                Arbitraries.of(AllocationPolicy.values()))
                        .as((units, policy) -> new Case(new Quantity(step), list,
                                new Quantity(step.multiply(BigDecimal.valueOf(units))), policy));
            });
        });
    }

    @Property(tries = 600)
    void theSharesAndWhatIsLeftAddUpToWhatIsAvailable(@ForAll("cases") Case c) {
        Allocation.Result result = Allocation.allocate(c.available(), c.step(), c.claims(), c.policy());

        BigDecimal sum = result.allocated().values().stream().map(Quantity::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum.add(result.unallocated().value())).isEqualByComparingTo(c.available().value());
        assertThat(result.allocated().keySet()).containsExactlyElementsOf(c.claims().stream().map(Claim::memberId).toList());
    }

    @Property(tries = 600)
    void nobodyGetsMoreThanItsQuantityPlusToleranceNorANonWholeNumberOfSteps(@ForAll("cases") Case c) {
        Allocation.Result result = Allocation.allocate(c.available(), c.step(), c.claims(), c.policy());

        for (Claim claim : c.claims()) {
            Quantity share = result.allocated().get(claim.memberId());
            assertThat(share.value()).isLessThanOrEqualTo(c.cap(claim));
            assertThat(share.value().signum()).isGreaterThanOrEqualTo(0);
            assertThat(share.isMultipleOf(c.step())).isTrue();
        }
    }

    @Property(tries = 600)
    void aSurplusOnlyAddsAShortfallOnlyRemovesAndOnlyAFullPoolLeavesAnyOver(@ForAll("cases") Case c) {
        Allocation.Result result = Allocation.allocate(c.available(), c.step(), c.claims(), c.policy());
        boolean surplus = c.available().value().compareTo(c.asked()) >= 0;

        for (Claim claim : c.claims()) {
            BigDecimal share = result.allocated().get(claim.memberId()).value();
            if (surplus) {
                assertThat(share).isGreaterThanOrEqualTo(claim.quantity().value());
            } else {
                assertThat(share).isLessThanOrEqualTo(claim.quantity().value());
            }
            if (result.unallocated().value().signum() > 0) {
                assertThat(share).as("left over only when every tolerance is used").isEqualByComparingTo(c.cap(claim));
            }
        }
    }

    @Property(tries = 300)
    void theOrderOfTheClaimsChangesNothing(@ForAll("cases") Case c, @ForAll long seed) {
        List<Claim> shuffled = new ArrayList<>(c.claims());
        Collections.shuffle(shuffled, new Random(seed));

        Map<MemberId, Quantity> once = Allocation.allocate(c.available(), c.step(), c.claims(), c.policy()).allocated();
        Map<MemberId, Quantity> again = Allocation.allocate(c.available(), c.step(), shuffled, c.policy()).allocated();

        assertThat(again).isEqualTo(once);
    }

    @Property(tries = 400)
    void firstComeServesEarlierMembersInFullBeforeLaterOnesGetAnything(@ForAll("cases") Case c) {
        Allocation.Result result = Allocation.allocate(c.available(), c.step(), c.claims(), AllocationPolicy.FIRST_COME);

        // Whoever gets anything comes after members all served in full.
        for (Claim served : c.claims()) {
            if (result.allocated().get(served.memberId()).value().signum() > 0) {
                c.claims().stream()
                        .filter(other -> other.firstSubmittedAt().isBefore(served.firstSubmittedAt())
                                || other.firstSubmittedAt().equals(served.firstSubmittedAt())
                                && other.memberId().value().compareTo(served.memberId().value()) < 0)
                        .forEach(earlier -> assertThat(result.allocated().get(earlier.memberId()).value())
                                .isGreaterThanOrEqualTo(earlier.quantity().value()));
            }
        }
    }

    @Property(tries = 400)
    void proRataSharesAShortfallWithinOneStepOfTheExactShare(@ForAll("cases") Case c) {
        if (c.available().value().compareTo(c.asked()) >= 0) {
            return;
        }
        Allocation.Result result = Allocation.allocate(c.available(), c.step(), c.claims(), AllocationPolicy.PRO_RATA);

        for (Claim claim : c.claims()) {
            BigDecimal exact = c.available().value().multiply(claim.quantity().value()).divide(c.asked(), 10, RoundingMode.HALF_EVEN);
            assertThat(result.allocated().get(claim.memberId()).value().subtract(exact).abs()).isLessThan(c.step().value());
        }
    }

    @Property(tries = 300)
    void whoGetsATieDependsOnWhenMembersOrderedNotOnTheirIds(@ForAll("cases") Case c, @ForAll long seed) {
        List<Claim> distinctTimes = new ArrayList<>();
        for (int i = 0; i < c.claims().size(); i++) {
            Claim claim = c.claims().get(i);
            distinctTimes.add(new Claim(claim.memberId(), claim.quantity(), claim.tolerance(),
                    Instant.parse("2026-12-01T08:00:00Z").plusSeconds(i)));
        }
        List<Claim> renamed = new ArrayList<>();
        Random random = new Random(seed);
        for (Claim claim : distinctTimes) {
            renamed.add(new Claim(MemberId.of("r-" + random.nextInt(1_000_000) + "-" + renamed.size()), claim.quantity(),
                    claim.tolerance(), claim.firstSubmittedAt()));
        }

        List<Quantity> once = List.copyOf(Allocation.allocate(c.available(), c.step(), distinctTimes, c.policy()).allocated().values());
        List<Quantity> again = List.copyOf(Allocation.allocate(c.available(), c.step(), renamed, c.policy()).allocated().values());

        assertThat(again).isEqualTo(once);
    }

    @Property(tries = 600)
    void noToleranceIsServedWhileAFirmQuantityIsCut(@ForAll("cases") Case c) {
        Allocation.Result result = Allocation.allocate(c.available(), c.step(), c.claims(), c.policy());

        boolean someToleranceServed = c.claims().stream()
                .anyMatch(claim -> result.allocated().get(claim.memberId()).value().compareTo(claim.quantity().value()) > 0);
        boolean someFirmCut = c.claims().stream()
                .anyMatch(claim -> result.allocated().get(claim.memberId()).value().compareTo(claim.quantity().value()) < 0);
        assertThat(someToleranceServed && someFirmCut).isFalse();
    }

    @Example
    void aReceptionServesWhatMembersAskedFirmFirstNotTheSharesAtClose() {
        // DOMAIN.md's example: case of 6, first come, A 4 (+4), B 3, C 2 (+1) in this order; 2 cases, 8 units arrive.
        MemberId a = MemberId.of("a");
        MemberId b = MemberId.of("b");
        MemberId c = MemberId.of("c");
        Instant nine = Instant.parse("2026-12-01T09:00:00Z");
        List<Claim> asked = List.of(new Claim(a, Quantity.of(4), Quantity.of(4), nine),
                new Claim(b, Quantity.of(3), Quantity.ZERO, nine.plusSeconds(60)),
                new Claim(c, Quantity.of(2), Quantity.of(1), nine.plusSeconds(120)));

        assertThat(Allocation.allocate(Quantity.of(12), Quantity.of(1), asked, AllocationPolicy.FIRST_COME).allocated())
                .containsEntry(a, Quantity.of(7)).containsEntry(b, Quantity.of(3)).containsEntry(c, Quantity.of(2));
        assertThat(Allocation.allocate(Quantity.of(8), Quantity.of(1), asked, AllocationPolicy.FIRST_COME).allocated())
                .containsEntry(a, Quantity.of(4)).containsEntry(b, Quantity.of(3)).containsEntry(c, Quantity.of(1));
    }

    @Example
    void aCaseNotFilledIsSharedByPolicy() {
        // Case of 6: A asks 4, B asks 3 with 2 of tolerance: 7 asked, the started case is not filled, 6 ordered.
        MemberId a = MemberId.of("a");
        MemberId b = MemberId.of("b");
        List<Claim> claims = List.of(new Claim(a, Quantity.of(4), Quantity.ZERO, Instant.parse("2026-12-01T08:00:00Z")),
                new Claim(b, Quantity.of(3), Quantity.of(2), Instant.parse("2026-12-01T09:00:00Z")));

        assertThat(Allocation.allocate(Quantity.of(6), Quantity.of(1), claims, AllocationPolicy.PRO_RATA).allocated())
                .as("24/7 = 3.43 and 18/7 = 2.57: the spare step goes to the larger remainder")
                .containsEntry(a, Quantity.of(3)).containsEntry(b, Quantity.of(3));
        assertThat(Allocation.allocate(Quantity.of(6), Quantity.of(1), claims, AllocationPolicy.FIRST_COME).allocated())
                .containsEntry(a, Quantity.of(4)).containsEntry(b, Quantity.of(2));
    }

    @Example
    void toleranceFillsTheSecondCase() {
        // A asks 5, B asks 2 accepting 5 more: 7 asked, remainder 1 + tolerance 5 fills a second case: 12 ordered.
        MemberId a = MemberId.of("a");
        MemberId b = MemberId.of("b");
        Allocation.Result result = Allocation.allocate(Quantity.of(12), Quantity.of(1), List.of(
                new Claim(a, Quantity.of(5), Quantity.ZERO, null), new Claim(b, Quantity.of(2), Quantity.of(5), null)),
                AllocationPolicy.PRO_RATA);

        assertThat(result.allocated()).containsEntry(a, Quantity.of(5)).containsEntry(b, Quantity.of(7));
        assertThat(result.unallocated()).isEqualTo(Quantity.ZERO);
    }

    @Example
    void aSurplusBeyondEveryToleranceIsLeftExplicitly() {
        MemberId a = MemberId.of("a");
        Allocation.Result result = Allocation.allocate(Quantity.of("7.5"), Quantity.of(1),
                List.of(new Claim(a, Quantity.of(5), Quantity.of(1), null)), AllocationPolicy.PRO_RATA);

        assertThat(result.allocated()).containsEntry(a, Quantity.of(6));
        assertThat(result.unallocated()).isEqualTo(Quantity.of("1.5"));
    }
}
