package coop.mutua.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.IntStream;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class TotpTest {

    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Example
    void hotpGivesRfc4226sTestValues() {
        String[] expected = {"755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"};
        Totp totp = new Totp();
        for (int counter = 0; counter < expected.length; counter++) {
            assertThat(totp.code(RFC_SECRET, counter)).isEqualTo(expected[counter]);
        }
    }

    @Example
    void totpGivesRfc6238sSha1TestValues() {
        Totp eightDigits = new Totp(8);
        assertThat(eightDigits.codeAt(RFC_SECRET, Instant.ofEpochSecond(59))).isEqualTo("94287082");
        assertThat(eightDigits.codeAt(RFC_SECRET, Instant.ofEpochSecond(1111111109))).isEqualTo("07081804");
        assertThat(eightDigits.codeAt(RFC_SECRET, Instant.ofEpochSecond(1111111111))).isEqualTo("14050471");
        assertThat(eightDigits.codeAt(RFC_SECRET, Instant.ofEpochSecond(1234567890))).isEqualTo("89005924");
        assertThat(eightDigits.codeAt(RFC_SECRET, Instant.ofEpochSecond(2000000000))).isEqualTo("69279037");
        assertThat(eightDigits.codeAt(RFC_SECRET, Instant.ofEpochSecond(20000000000L))).isEqualTo("65353130");
    }

    @Property
    void aCodeIsAcceptedWithinOneStepAndOnlyOnce(@ForAll @Size(20) byte[] secret, @ForAll @LongRange(min = 1_000_000_000L, max = 4_000_000_000L) long second) {
        Totp totp = new Totp();
        Instant now = Instant.ofEpochSecond(second);
        String code = totp.codeAt(secret, now);
        long step = Totp.step(now);
        assertThat(totp.verify(secret, code, now, 0)).hasValue(step);
        assertThat(totp.verify(secret, code.substring(0, 3) + " " + code.substring(3), now.plusSeconds(30), 0)).hasValue(step);
        assertThat(totp.verify(secret, code, now, step)).as("replayed").isEmpty();
        // Unless the code happens to be that of a step near the later one as well (a 6-digit code: one chance in 10^6 per step).
        boolean collides = IntStream.rangeClosed(2, 4)
                .anyMatch(later -> totp.codeAt(secret, now.plusSeconds(30L * later)).equals(code));
        Assume.that(!collides);
        assertThat(totp.verify(secret, code, now.plusSeconds(90), 0)).as("two steps later").isEmpty();
    }

    @Property
    void base32GoesBothWays(@ForAll byte[] bytes) {
        assertThat(Base32.decode(Base32.encode(bytes))).isEqualTo(bytes);
        assertThat(Base32.decode(Base32.encode(bytes).toLowerCase())).isEqualTo(bytes);
    }

    @Example
    void theUriCarriesTheSecretInBase32() {
        assertThat(Totp.uri("Mutua – Gironde", "claire", RFC_SECRET))
                .startsWith("otpauth://totp/Mutua%20%E2%80%93%20Gironde:claire?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=");
    }
}
