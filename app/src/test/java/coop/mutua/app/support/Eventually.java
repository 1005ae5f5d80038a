package coop.mutua.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls what an asynchronous projection shows until it has the expected value (or fails after a few seconds). */
public final class Eventually {

    private Eventually() {
    }

    public static <T> T equal(T expected, Supplier<T> actual) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        T value = actual.get();
        while (!expected.equals(value) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            value = actual.get();
        }
        assertThat(value).isEqualTo(expected);
        return value;
    }
}
