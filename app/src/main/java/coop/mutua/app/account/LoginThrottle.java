package coop.mutua.app.account;

import java.time.Duration;
import java.time.Instant;

/**
 * How failed logins are slowed, then locked, for one key (a login as typed, or an address). The first few failures
 * cost nothing; after them each attempt must wait, twice as long after each failure up to a ceiling; after more, the
 * key is locked for a while and unlocks by itself. A failure long after the previous one (the lock's length, at least
 * two longest waits) starts counting again. The
 * same rules apply to a login that exists and one that does not, so the answers tell nothing about either.
 */
public record LoginThrottle(int freeFailures, Duration firstDelay, Duration maxDelay, int lockAfter, Duration lockFor) {

    /** The failures counted for a key; {@code lockedUntil} is null unless locked. */
    public record State(int failures, Instant lastFailureAt, Instant lockedUntil) {
        public static final State CLEAN = new State(0, null, null);
    }

    /** Whether an attempt may be checked now; if not, when it may, and whether the key is locked (not only slowed). */
    public record Decision(boolean allowed, Instant retryAt, boolean locked) {
        static final Decision ALLOW = new Decision(true, null, false);
    }

    public LoginThrottle {
        if (freeFailures < 0 || lockAfter <= freeFailures || firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0
                || lockFor.isNegative() || lockFor.isZero()) {
            throw new IllegalArgumentException("inconsistent login throttle settings");
        }
    }

    public Decision decide(State state, Instant now) {
        State current = current(state, now);
        if (current.lockedUntil() != null) {
            return new Decision(false, current.lockedUntil(), true);
        }
        if (current.failures() < freeFailures) {
            return Decision.ALLOW;
        }
        Instant retryAt = current.lastFailureAt().plus(delay(current.failures()));
        return now.isBefore(retryAt) ? new Decision(false, retryAt, false) : Decision.ALLOW;
    }

    /** The state after one more failed attempt at {@code now}. */
    public State afterFailure(State state, Instant now) {
        State current = current(state, now);
        int failures = current.failures() + 1;
        return new State(failures, now, failures >= lockAfter ? now.plus(lockFor) : null);
    }

    /** The wait imposed after this many failures (zero while they are free). */
    public Duration delay(int failures) {
        if (failures < freeFailures) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - freeFailures, 30);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** The state as it stands now: a lock that has run out, or failures older than the lock's length, are forgotten. */
    State current(State state, Instant now) {
        if (state == null || state.failures() == 0) {
            return State.CLEAN;
        }
        if (state.lockedUntil() != null) {
            return now.isBefore(state.lockedUntil()) ? state : State.CLEAN;
        }
        return state.lastFailureAt() != null && !now.isBefore(state.lastFailureAt().plus(forgetAfter())) ? State.CLEAN : state;
    }

    /** How long after the last failure the count starts again: the lock's length, and never less than two longest waits. */
    Duration forgetAfter() {
        Duration twoWaits = maxDelay.multipliedBy(2);
        return lockFor.compareTo(twoWaits) > 0 ? lockFor : twoWaits;
    }
}
