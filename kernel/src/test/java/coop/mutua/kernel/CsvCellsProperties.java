package coop.mutua.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/** No exported cell is ever a formula, and every cell reads back as one cell with the text it came from. */
class CsvCellsProperties {

    @Property
    void noCellStartsAFormula(@ForAll @StringLength(max = 30) String text) {
        String cell = CsvCells.text(text);
        String unquoted = cell.startsWith("\"") ? cell.substring(1) : cell;
        assertThat(unquoted).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@")
                .doesNotStartWith("\t").doesNotStartWith("\r");
    }

    @Property
    void aCellReadsBackAsItsTextWithAtMostAnApostropheInFront(@ForAll @StringLength(max = 30) String text) {
        String cell = CsvCells.text(text);
        String read = cell.startsWith("\"") && cell.endsWith("\"") && cell.length() > 1
                ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"") : cell;
        assertThat(read.equals(text) || read.equals("'" + text)).as(cell).isTrue();
        if (!cell.startsWith("\"")) {
            assertThat(cell).doesNotContain(";").doesNotContain("\"").doesNotContain("\n").doesNotContain("\r");
        }
    }

    @Property
    void plainTextsStayAsTheyAre(@ForAll("plain") String text) {
        assertThat(CsvCells.text(text)).isEqualTo(text);
    }

    @Provide
    Arbitrary<String> plain() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars(' ', 'é', '0', '1', '\'').ofMaxLength(20);
    }
}
