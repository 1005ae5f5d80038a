package coop.mutua.platform.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Text down A4 pages, from the top margin to the bottom one, a new page when the next line would not fit; the purchase
 * orders and the member invoices lay out their own rows and totals on it. Characters the font cannot show (rare in
 * French names) become "?", so that rendering never fails on a name.
 */
public final class PdfPages {

    private final PDDocument document;
    private final float margin;
    private final float leading;
    private PDPageContentStream stream;
    private float y;

    public PdfPages(PDDocument document, float margin, float leading) throws IOException {
        this.document = document;
        this.margin = margin;
        this.leading = leading;
        newPage();
    }

    /** The height of the next line (a line's leading, more for large text). */
    public float lineHeight(float size) {
        return Math.max(leading, size + 4);
    }

    /** One line at {@code x}, on a new page if it does not fit, then down by the line's height. */
    public void line(PDFont font, float size, float x, String text) throws IOException {
        room(size);
        show(font, size, x, text);
        down(lineHeight(size));
    }

    /** Text at {@code x} on the current line, without moving down (for cells of a row). */
    public void show(PDFont font, float size, float x, String text) throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(x, y);
        stream.showText(printable(font, text));
        stream.endText();
    }

    /** Text ending at {@code right} (amounts in columns). */
    public void showRightAligned(PDFont font, float size, float right, String text) throws IOException {
        show(font, size, right - width(font, size, text), text);
    }

    /** A thin horizontal rule from {@code from} to {@code to}, just above the current line. */
    public void rule(float from, float to) throws IOException {
        room(4);
        stream.moveTo(from, y + 9);
        stream.lineTo(to, y + 9);
        stream.setLineWidth(0.5f);
        stream.stroke();
        down(3);
    }

    /** Half a line of space. */
    public void gap() {
        down(leading / 2);
    }

    public void down(float height) {
        y -= height;
    }

    /** Where the next line goes, from the page's bottom edge (to lay out two columns side by side). */
    public float y() {
        return y;
    }

    /** Goes back (or on) to a position of this page taken with {@link #y()}. */
    public void moveTo(float position) {
        y = position;
    }

    /** A new page unless {@code height} more still fits above the bottom margin. */
    public void room(float height) throws IOException {
        if (y - height < margin) {
            stream.close();
            newPage();
        }
    }

    public float width(PDFont font, float size, String text) throws IOException {
        return font.getStringWidth(printable(font, text)) / 1000 * size;
    }

    /** The text cut into lines no wider than {@code width}, at spaces (a word longer than the width stays whole). */
    public List<String> wrap(PDFont font, float size, float width, String text) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : printable(font, text).split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** Ends the last page. */
    public void close() throws IOException {
        stream.close();
    }

    /** Ends the last page and writes "Page n / N" at the bottom right of every page, ending at {@code right}. */
    public void closeWithPageNumbers(PDFont font, float right) throws IOException {
        close();
        int pages = document.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            try (PDPageContentStream footer = new PDPageContentStream(document, document.getPage(i),
                    PDPageContentStream.AppendMode.APPEND, true)) {
                String text = "Page " + (i + 1) + " / " + pages;
                footer.beginText();
                footer.setFont(font, 8);
                footer.newLineAtOffset(right - font.getStringWidth(text) / 1000 * 8, margin / 2);
                footer.showText(text);
                footer.endText();
            }
        }
    }

    private void newPage() throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        stream = new PDPageContentStream(document, page);
        y = page.getMediaBox().getHeight() - margin;
    }

    /** The text with every character the font cannot encode replaced by "?". */
    public static String printable(PDFont font, String text) {
        StringBuilder printable = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            String character = new String(Character.toChars(c));
            try {
                font.encode(character);
                printable.append(character);
            } catch (IOException | IllegalArgumentException notInFont) {
                printable.append('?');
            }
        });
        return printable.toString();
    }
}
