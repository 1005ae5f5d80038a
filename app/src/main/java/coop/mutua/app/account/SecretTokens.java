package coop.mutua.app.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Random secrets handed to people once (invitation and reset links, recovery codes) and kept only as a SHA-256 hash:
 * a stolen database gives no usable link. A fast hash is enough for 256 random bits (nothing to guess); passwords,
 * which people choose, get the slow encoder instead.
 */
public final class SecretTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private SecretTokens() {
    }

    /** 32 random bytes, URL-safe base 64 (43 characters). */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A recovery code people can type: ten characters without look-alikes (about 50 bits), as "abcde-fghjk". */
    public static String newRecoveryCode() {
        StringBuilder code = new StringBuilder(11);
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    /** A recovery code as typed, reduced to what was generated (case, spaces and dashes ignored). */
    public static String normalizeRecoveryCode(String typed) {
        String letters = typed == null ? "" : typed.toLowerCase(Locale.ROOT).replaceAll("[\\s-]", "");
        return letters.length() == 10 ? letters.substring(0, 5) + "-" + letters.substring(5) : letters;
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static SecureRandom random() {
        return RANDOM;
    }
}
