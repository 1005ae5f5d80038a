package coop.mutua.app.account;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP, HMAC-SHA1, 30-second steps, 6 digits): what every
 * authenticator app computes. A code is accepted for the current step and one step either side (clock drift), and
 * only once: a step at or before the last one used is refused, so a code seen over a shoulder cannot be replayed.
 */
public final class Totp {

    public static final int SECRET_BYTES = 20;
    private static final long STEP_SECONDS = 30;
    private static final int WINDOW = 1;

    private final int digits;

    public Totp() {
        this(6);
    }

    Totp(int digits) {
        this.digits = digits;
    }

    public static byte[] newSecret(SecureRandom random) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return secret;
    }

    public static String secretText(byte[] secret) {
        return Base32.encode(secret);
    }

    public static byte[] secret(String text) {
        return Base32.decode(text);
    }

    /** The step a moment falls in. */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** HOTP (RFC 4226): the code of a counter value. */
    public String code(byte[] secret, long counter) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            int modulo = (int) Math.pow(10, digits);
            return String.format("%0" + digits + "d", binary % modulo);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The code an app shows at that moment. */
    public String codeAt(byte[] secret, Instant at) {
        return code(secret, step(at));
    }

    /**
     * The step whose code this is, within one step of now and after {@code lastUsedStep}; empty if the code is wrong,
     * too old or already used. Spaces in the code are ignored (apps show "123 456").
     */
    public OptionalLong verify(byte[] secret, String code, Instant now, long lastUsedStep) {
        if (code == null) {
            return OptionalLong.empty();
        }
        String digitsOnly = code.replace(" ", "");
        if (digitsOnly.length() != digits || !digitsOnly.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        long current = step(now);
        for (long step = current - WINDOW; step <= current + WINDOW; step++) {
            if (step > lastUsedStep && constantTimeEquals(code(secret, step), digitsOnly)) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    /** The otpauth:// address a QR code carries for the apps (Key Uri Format). */
    public static String uri(String issuer, String accountName, byte[] secret) {
        String label = enc(issuer) + ":" + enc(accountName);
        return "otpauth://totp/" + label + "?secret=" + Base32.encode(secret) + "&issuer=" + enc(issuer)
                + "&algorithm=SHA1&digits=6&period=" + STEP_SECONDS;
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
