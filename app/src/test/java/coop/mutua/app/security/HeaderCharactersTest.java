package coop.mutua.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Our header checks give exactly the verdicts of the regular expressions of Spring Security's StrictHttpFirewall. */
class HeaderCharactersTest {

    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Property(tries = 3000)
    void sameVerdictsAsTheFirewallsExpressions(@ForAll("headerText") String text) {
        assertThat(HeaderCharacters.NAME.test(text)).as("name %s", text.codePoints().boxed().toList())
                .isEqualTo(NAME.matcher(text).matches());
        assertThat(HeaderCharacters.VALUE.test(text)).as("value %s", text.codePoints().boxed().toList())
                .isEqualTo(VALUE.matcher(text).matches());
    }

    @Provide
    Arbitrary<String> headerText() {
        // Mostly printable ASCII, with controls, tab, Latin-1, unassigned code points and lone or paired surrogates.
        Arbitrary<Character> printable = Arbitraries.chars().range(' ', '~');
        Arbitrary<Character> unusual = Arbitraries.of('\t', '\n', '\r', '\0', '\u007f', '\u0085', '\u009f', 'é', '\u0378',
                '\u2028', '\uFFFF', '\uD83D', '\uDE00', '\uE000');
        Arbitrary<Character> any = Arbitraries.chars();
        return Arbitraries.frequencyOf(
                        Tuple.of(8, printable), Tuple.of(2, unusual), Tuple.of(1, any))
                .list().ofMaxSize(12)
                .map(chars -> chars.stream().map(String::valueOf).reduce("", String::concat));
    }

    @Example
    void examples() {
        assertThat(HeaderCharacters.VALUE.test("Basic YmVuY2g6cGFzcw==")).isTrue();
        assertThat(HeaderCharacters.VALUE.test("a\tb")).isTrue();
        assertThat(HeaderCharacters.NAME.test("a\tb")).isFalse();
        assertThat(HeaderCharacters.VALUE.test("a\nb")).isFalse();
        assertThat(HeaderCharacters.VALUE.test("Société")).isTrue();
        assertThat(HeaderCharacters.VALUE.test("\u0378")).as("unassigned").isFalse();
        assertThat(HeaderCharacters.VALUE.test("😀")).isTrue();
    }
}
