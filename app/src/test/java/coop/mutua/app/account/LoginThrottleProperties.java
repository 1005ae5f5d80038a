package coop.mutua.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.account.LoginThrottle.Decision;
import coop.mutua.app.account.LoginThrottle.State;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class LoginThrottleProperties {

    private static final LoginThrottle THROTTLE = new LoginThrottle(3, Duration.ofSeconds(1), Duration.ofSeconds(30), 10,
            Duration.ofMinutes(15));
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    /** An attacker trying as often as allowed, each try failing, at the given pauses (in seconds) between tries. */
    @Property
    void failuresAreFreeThenSlowedThenLockedThenForgotten(@ForAll @Size(max = 40) List<@IntRange(min = 0, max = 40) Integer> pauses) {
        State state = State.CLEAN;
        Instant now = START;
        int failuresCounted = 0;
        Duration lastDelay = Duration.ZERO;
        for (int pause : pauses) {
            now = now.plusSeconds(pause);
            Decision decision = THROTTLE.decide(state, now);
            if (!decision.allowed()) {
                assertThat(decision.retryAt()).isAfter(now);
                assertThat(decision.locked()).isEqualTo(state.lockedUntil() != null);
                continue;
            }
            state = THROTTLE.afterFailure(state, now);
            failuresCounted = state.failures();
            assertThat(failuresCounted).isLessThanOrEqualTo(10);
            Duration delay = THROTTLE.delay(failuresCounted);
            assertThat(delay).isLessThanOrEqualTo(Duration.ofSeconds(30));
            if (failuresCounted > 1) {
                assertThat(delay).isGreaterThanOrEqualTo(lastDelay);
            }
            lastDelay = delay;
            if (failuresCounted == 10) {
                assertThat(state.lockedUntil()).isEqualTo(now.plus(Duration.ofMinutes(15)));
                assertThat(THROTTLE.decide(state, now.plus(Duration.ofMinutes(15)).minusSeconds(1)).allowed()).isFalse();
                assertThat(THROTTLE.decide(state, now.plus(Duration.ofMinutes(15))).allowed()).isTrue();
                assertThat(THROTTLE.afterFailure(state, now.plus(Duration.ofMinutes(15))).failures()).as("unlocked, counting again").isEqualTo(1);
            }
        }
    }

    @Property
    void theFirstFailuresAreFreeAndAQuietPeriodForgetsThem(@ForAll @IntRange(min = 1, max = 9) int failures) {
        State state = State.CLEAN;
        Instant now = START;
        for (int i = 0; i < failures; i++) {
            now = now.plus(THROTTLE.delay(i));
            assertThat(THROTTLE.decide(state, now).allowed()).isTrue();
            state = THROTTLE.afterFailure(state, now);
        }
        assertThat(THROTTLE.decide(state, now).allowed()).isEqualTo(failures < 3);
        assertThat(THROTTLE.current(state, now.plus(Duration.ofMinutes(15)))).isEqualTo(State.CLEAN);
    }
}
