package coop.mutua.app.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The passwords people may choose: long enough to resist guessing (12 characters at least), short enough for bcrypt
 * (72 bytes in UTF-8), neither the login nor the e-mail address nor containing them, not one character repeated and not
 * in the list of common passwords shipped with the application ({@code security/common-passwords.txt}). No rules on
 * character classes: they push people to "Password1!" and away from passphrases.
 */
public final class PasswordPolicy {

    public static final int MINIMUM_LENGTH = 12;
    public static final int MAXIMUM_BYTES = 72;
    /** A login or e-mail address shorter than this is not looked for inside the password. */
    private static final int SHORTEST_WORD_LOOKED_FOR = 4;

    /** Why a password is refused; each has a message key {@code password.<name in lower case>}. */
    public enum Problem {
        TOO_SHORT, TOO_LONG, CONTAINS_LOGIN, CONTAINS_EMAIL, COMMON;

        public String messageKey() {
            return "password." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Set<String> common;

    public PasswordPolicy(Set<String> common) {
        this.common = Set.copyOf(common);
    }

    /** The policy with the shipped list of common passwords. */
    public static PasswordPolicy shipped() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("security/common-passwords.txt is missing from the classpath");
            }
            Set<String> words = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
            return new PasswordPolicy(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first rule the password breaks, if any. Login and e-mail may be null (not chosen yet). */
    public Optional<Problem> check(String password, String login, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MINIMUM_LENGTH) {
            return Optional.of(Problem.TOO_SHORT);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAXIMUM_BYTES) {
            return Optional.of(Problem.TOO_LONG);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (contains(lower, login)) {
            return Optional.of(Problem.CONTAINS_LOGIN);
        }
        if (email != null) {
            int at = email.indexOf('@');
            if (contains(lower, email) || (at > 0 && contains(lower, email.substring(0, at)))) {
                return Optional.of(Problem.CONTAINS_EMAIL);
            }
        }
        if (common.contains(lower) || lower.codePoints().distinct().count() == 1) {
            return Optional.of(Problem.COMMON);
        }
        return Optional.empty();
    }

    private static boolean contains(String lowerPassword, String word) {
        if (word == null) {
            return false;
        }
        String lowerWord = word.strip().toLowerCase(Locale.ROOT);
        return lowerWord.length() >= SHORTEST_WORD_LOOKED_FOR && lowerPassword.contains(lowerWord)
                || !lowerWord.isEmpty() && lowerPassword.equals(lowerWord);
    }
}
