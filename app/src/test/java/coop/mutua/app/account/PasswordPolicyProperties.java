package coop.mutua.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.account.PasswordPolicy.Problem;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class PasswordPolicyProperties {

    private static final PasswordPolicy POLICY = PasswordPolicy.shipped();

    @Provide
    Arbitrary<String> passphrases() {
        // Random words of lower-case letters and digits joined by spaces: nothing like a login or a common password.
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').ofMinLength(3).ofMaxLength(8)
                .list().ofMinSize(3).ofMaxSize(5).map(words -> String.join(" ", words))
                .filter(text -> text.length() >= 12 && text.length() <= 72);
    }

    @Property
    void aLongRandomPassphraseUnlikeTheLoginIsAccepted(@ForAll("passphrases") String password) {
        assertThat(POLICY.check(password, "Claire-Dupont", "claire.dupont@example.org")).isEmpty();
    }

    @Property
    void fewerThanTwelveCharactersAreRefusedWhateverThey(@ForAll("passphrases") String password, @ForAll @IntRange(min = 0, max = 11) int length) {
        String cut = password.substring(0, Math.min(length, password.length()));
        assertThat(POLICY.check(cut, null, null)).contains(Problem.TOO_SHORT);
    }

    @Property
    void theLoginOrTheEmailInsideThePasswordIsRefusedInAnyCase(@ForAll("passphrases") String password) {
        String login = "epicerie-bastide";
        assertThat(POLICY.check(password + login.toUpperCase(Locale.ROOT), login, null)).contains(Problem.CONTAINS_LOGIN);
        assertThat(POLICY.check("Xx" + "Marie.Curie" + password, null, "marie.curie@asso.example")).contains(Problem.CONTAINS_EMAIL);
    }

    @Property
    void charactersCountNotBytesForTheMinimumAndBytesForBcrypt(@ForAll @IntRange(min = 12, max = 18) int count) {
        // "é" is two bytes: 12 of them are 24 bytes, accepted; 37 are 74 bytes, past bcrypt's 72.
        assertThat(POLICY.check("é".repeat(count - 1) + "ü", null, null)).isNotEqualTo(Optional.of(Problem.TOO_SHORT));
        assertThat(POLICY.check("éü".repeat(19), null, null)).contains(Problem.TOO_LONG);
    }

    @Example
    void everyShippedCommonPasswordIsRefusedAsTypedInCapitals() throws Exception {
        try (var lines = new BufferedReader(new InputStreamReader(
                PasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt"), StandardCharsets.UTF_8))) {
            long checked = lines.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                    .peek(word -> assertThat(POLICY.check(word.toUpperCase(Locale.ROOT), null, null)).as(word).contains(Problem.COMMON))
                    .count();
            assertThat(checked).isGreaterThan(300);
        }
    }

    @Example
    void oneCharacterRepeatedIsCommon() {
        assertThat(POLICY.check("zzzzzzzzzzzzzz", null, null)).contains(Problem.COMMON);
        assertThat(POLICY.check("motdepasse123", null, null)).contains(Problem.COMMON);
    }
}
