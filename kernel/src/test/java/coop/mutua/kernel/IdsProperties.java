package coop.mutua.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class IdsProperties {

    /** The rule as written in the documentation; the implementation avoids the regular expression for speed. */
    private static final Pattern RULE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    @Provide
    Arbitrary<String> idLike() {
        Arbitrary<String> allowed = Arbitraries.strings().withChars("azAZ09-_").withCharRange('a', 'z')
                .withCharRange('A', 'Z').withCharRange('0', '9').ofMinLength(0).ofMaxLength(70);
        Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(70);
        Arbitrary<String> nearlyAllowed = allowed.flatMap(s -> Arbitraries.of(' ', 'é', '/', '.', ':', '\n', '{', '`', '@', '[')
                .flatMap(bad -> Arbitraries.integers().between(0, s.length()).map(at -> s.substring(0, at) + bad + s.substring(at))));
        return Arbitraries.oneOf(allowed, anything, nearlyAllowed);
    }

    @Property(tries = 2000)
    void acceptsExactlyTheDocumentedAlphabetAndLength(@ForAll("idLike") String value) {
        boolean documented = RULE.matcher(value).matches();

        if (documented) {
            assertThatCode(() -> Ids.requireWellFormed(value, "id")).doesNotThrowAnyException();
        } else {
            assertThat(refused(value)).isTrue();
        }
    }

    @Example
    void boundaries() {
        assertThat(refused(null)).isTrue();
        assertThat(refused("")).isTrue();
        assertThat(refused("a".repeat(64))).isFalse();
        assertThat(refused("a".repeat(65))).isTrue();
        assertThat(refused("Az09-_")).isFalse();
    }

    private static boolean refused(String value) {
        try {
            Ids.requireWellFormed(value, "id");
            return false;
        } catch (IllegalArgumentException refused) {
            return true;
        }
    }
}
