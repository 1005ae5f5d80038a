package coop.mutua.platform.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfPagesTest {

    private static final PDFont HELVETICA = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

    @Test
    void linesThatDoNotFitGoOnNewPagesEachNumbered() throws IOException {
        String text;
        int pages;
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfPages writer = new PdfPages(document, 50, 14);
            for (int i = 1; i <= 120; i++) {
                writer.line(HELVETICA, 10, 50, "Ligne " + i);
            }
            writer.closeWithPageNumbers(HELVETICA, 545);
            document.save(out);
            pages = document.getNumberOfPages();
            try (PDDocument read = Loader.loadPDF(out.toByteArray())) {
                text = new PDFTextStripper().getText(read);
            }
        }
        // A4 is 842 points high: (842 - 2 x 50) / 14 = 53 lines a page.
        assertThat(pages).isEqualTo(3);
        assertThat(text).contains("Ligne 1\n").contains("Ligne 53\n").contains("Ligne 120\n").contains("Page 1 / 3")
                .contains("Page 3 / 3");
    }

    @Test
    void charactersOutsideTheFontBecomeQuestionMarksInsteadOfFailing() throws IOException {
        assertThat(PdfPages.printable(HELVETICA, "Café € œ 日本")).isEqualTo("Café € œ ??");
        try (PDDocument document = new PDDocument()) {
            PdfPages writer = new PdfPages(document, 50, 14);
            writer.line(HELVETICA, 10, 50, "Épicerie 日本");
            writer.close();
        }
    }

    @Test
    void wrappingCutsAtSpacesWithinTheWidthAndKeepsALongWordWhole() throws IOException {
        try (PDDocument document = new PDDocument()) {
            PdfPages writer = new PdfPages(document, 50, 14);
            List<String> lines = writer.wrap(HELVETICA, 10, 100, "Savon noir liquide en bidon de cinq litres anticonstitutionnellement");
            assertThat(lines).hasSizeGreaterThan(2).allSatisfy(line -> assertThat(line).doesNotStartWith(" ").doesNotEndWith(" "));
            assertThat(String.join(" ", lines)).isEqualTo("Savon noir liquide en bidon de cinq litres anticonstitutionnellement");
            for (String line : lines) {
                assertThat(writer.width(HELVETICA, 10, line) <= 100 || !line.contains(" ")).as(line).isTrue();
            }
            writer.close();
        }
    }
}
