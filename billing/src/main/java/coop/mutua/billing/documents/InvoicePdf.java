package coop.mutua.billing.documents;

import coop.mutua.billing.api.InvoiceContent.Charge;
import coop.mutua.billing.api.InvoiceContent.Item;
import coop.mutua.billing.api.InvoiceContent.VatBreakdown;
import coop.mutua.billing.api.InvoiceContent;
import coop.mutua.billing.api.InvoiceDocument.Party;
import coop.mutua.billing.api.InvoiceDocument;
import coop.mutua.billing.api.InvoiceDocument.Cancellation;
import coop.mutua.catalog.api.VatRegime;
import coop.mutua.kernel.VatRate;
import coop.mutua.platform.pdf.PdfPages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Renders a member invoice or credit note as an A4 PDF in French, ready to become a PDF/A-3 (every glyph from an
 * embedded font: Liberation Sans, shipped inside PDFBox; no transparency). Factur-X then adds the XML, the metadata and
 * the colour profile. Pure: no Spring, no database.
 */
public final class InvoicePdf {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final float MARGIN = 48;
    private static final float LEADING = 13;
    /** Right edges of the columns after the description: quantity, unit price, VAT, amount. */
    private static final float[] RIGHT_EDGES = {360, 440, 485, 547};

    private InvoicePdf() {
    }

    /**
     * The font, read once from PDFBox's jar, without its glyph-substitution table: PDFBox applies a font's GSUB rules
     * (ligatures) to every string it shows, which took half the rendering time and which invoices do not need. Each
     * document embeds the subset it uses.
     */
    private static final byte[] FONT_BYTES = fontWithoutSubstitutions();

    /**
     * The font parsed once per rendering thread (a parsed font reads its tables lazily, so it is not shared between
     * threads); each document embeds its own subset of it, and the parsed font outlives the documents.
     */
    private static final ThreadLocal<TrueTypeFont> PARSED_FONT = ThreadLocal.withInitial(() -> {
        try {
            return new TTFParser().parse(new RandomAccessReadBuffer(FONT_BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    });

    private static byte[] fontWithoutSubstitutions() {
        try (InputStream font = InvoicePdf.class.getResourceAsStream(FONT)) {
            if (font == null) {
                throw new IllegalStateException("font " + FONT + " not found in PDFBox");
            }
            try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font.readAllBytes()));
                 ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                TTFSubsetter copy = new TTFSubsetter(ttf, List.of("head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf", "hmtx",
                        "fpgm", "gasp", "name", "OS/2", "post", "cmap"));
                CmapLookup cmap = ttf.getUnicodeCmapLookup();
                for (int codePoint = 0x20; codePoint <= 0xFFFF; codePoint++) {
                    if (cmap.getGlyphId(codePoint) != 0) {
                        copy.add(codePoint);
                    }
                }
                copy.writeToStream(out);
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] render(InvoiceDocument invoice) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(invoice.title() + " " + invoice.number());
            info.setAuthor(invoice.seller().name());
            info.setSubject(invoice.title() + " " + invoice.number() + " — " + invoice.buyer().name());
            info.setCreator("Mutua");
            info.setProducer("Mutua");
            Calendar created = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
            created.clear();
            created.set(invoice.issueDate().getYear(), invoice.issueDate().getMonthValue() - 1, invoice.issueDate().getDayOfMonth());
            info.setCreationDate(created);
            info.setModificationDate(created);
            Writer writer = new Writer(document, PDType0Font.load(document, PARSED_FONT.get(), true));
            write(writer, invoice);
            writer.close();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Writer w, InvoiceDocument invoice) throws IOException {
        InvoiceContent draft = invoice.draft();
        boolean vat = invoice.parties().sellerRegime() == VatRegime.REGISTERED;
        w.text(18, invoice.title() + " n° " + invoice.number());
        Cancellation cancels = invoice.cancels();
        if (cancels != null) {
            w.text(10, "Avoir portant sur la facture n° " + cancels.originalNumber() + " du " + DAY.format(cancels.originalDate())
                    + (cancels.reason() == null || cancels.reason().isBlank() ? "" : " — motif : " + cancels.reason()));
        }
        w.text(10, "Date d'émission : " + DAY.format(invoice.issueDate()) + "     Date de livraison : " + DAY.format(invoice.sale().deliveryDate()));
        w.text(10, "Campagne d'achat groupé : " + invoice.sale().roundTitle());
        w.gap();
        float top = w.pages.y();
        w.text(11, "Vendeur");
        party(w, invoice.seller(), MARGIN);
        if (!vat) {
            w.text(9, invoice.vatMention());
        }
        float sellerBottom = w.pages.y();
        w.pages.moveTo(top);
        w.textAt(11, 310, "Client");
        party(w, invoice.buyer(), 310);
        w.pages.moveTo(Math.min(sellerBottom, w.pages.y()));
        w.gap();

        w.rule();
        w.row(true, "Désignation", "Quantité", vat ? "Prix unit. HT" : "Prix unit.", vat ? "TVA" : "", vat ? "Montant HT" : "Montant");
        w.rule();
        for (Item item : draft.items()) {
            boolean negative = item.amountCents() < 0;
            w.row(false, item.description(), (negative ? "-" : "") + decimal(item.quantity().value()),
                    price(item.netPrice()), item.rate() == null ? "" : percent(item.rate()), cents(item.amountCents()));
        }
        for (Charge charge : draft.charges()) {
            w.row(false, (charge.amountCents() < 0 ? "Remise : " : "Frais : ") + charge.reason(), "", "",
                    charge.rate() == null ? "" : percent(charge.rate()), cents(charge.amountCents()));
        }
        w.rule();
        w.gap();
        if (vat) {
            w.row(true, "Récapitulatif de TVA", "", "Base HT", "Taux", "TVA");
            for (VatBreakdown breakdown : draft.vat()) {
                w.row(false, "", "", cents(breakdown.baseCents()), breakdown.rate() == null ? "exonéré" : percent(breakdown.rate()),
                        cents(breakdown.vatCents()));
            }
            w.gap();
        }
        if (draft.chargesCents() != 0 || draft.allowancesCents() != 0) {
            w.total("Total des lignes" + (vat ? " HT" : ""), cents(draft.linesCents()));
            w.total("Frais" + (vat ? " HT" : ""), cents(draft.chargesCents()));
            w.total("Remises" + (vat ? " HT" : ""), cents(-draft.allowancesCents()));
        }
        if (vat) {
            w.total("Total HT", cents(draft.baseCents()));
            w.total("Total TVA", cents(draft.vatCents()));
            w.total(invoice.creditNote() ? "Total TTC à déduire" : "Total TTC — net à payer", cents(draft.totalCents()));
        } else {
            w.total(invoice.creditNote() ? "Total à déduire" : "Total — net à payer", cents(draft.totalCents()));
            w.text(9, invoice.vatMention());
        }
        w.gap();
        if (!invoice.creditNote()) {
            w.text(9, "Échéance : " + DAY.format(invoice.payment().dueDate()) + ". " + InvoiceDocument.NO_DISCOUNT + ".");
        }
        w.text(9, "Pénalités de retard : " + invoice.payment().latePaymentTerms() + ".");
        w.text(9, InvoiceDocument.RECOVERY_INDEMNITY + ".");
        w.text(8, "Ce document contient sa version électronique Factur-X (EN 16931) en pièce jointe.");
        w.close();
    }

    private static void party(Writer w, Party party, float x) throws IOException {
        for (String line : partyLines(party)) {
            w.textAt(9, x, line);
        }
    }

    static List<String> partyLines(Party party) {
        List<String> lines = new ArrayList<>();
        lines.add(party.name());
        lines.add(party.address().street());
        lines.add(party.address().postalCode() + " " + party.address().city() + ("FR".equals(party.address().country()) ? "" : " " + party.address().country()));
        lines.add("SIREN " + party.siren() + " — SIRET " + party.siret());
        lines.add(party.vatNumber() == null || party.vatNumber().isBlank() ? "N° TVA intracommunautaire : aucun" : "N° TVA intracommunautaire : " + party.vatNumber());
        if (party.email() != null && !party.email().isBlank()) {
            lines.add(party.email());
        }
        return lines;
    }

    /** "1 234,50 €"-style amounts would need a narrow no-break space; invoices print "1234,50 €". */
    static String cents(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString().replace('.', ',') + " €";
    }

    static String percent(VatRate rate) {
        return rate.percent().toPlainString().replace('.', ',') + " %";
    }

    /** Quantities: no trailing zeros (2,06; 5). */
    static String decimal(BigDecimal value) {
        BigDecimal plain = value.stripTrailingZeros();
        return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString().replace('.', ',');
    }

    /** Prices: at least their cents, more decimals when they have them (1,00; 1,50; 12,903). */
    static String price(BigDecimal value) {
        BigDecimal plain = value.stripTrailingZeros();
        return plain.setScale(Math.max(2, plain.scale())).toPlainString().replace('.', ',');
    }

    /** The invoice's layout (columns of amounts, totals) on A4 pages numbered at the bottom. */
    private static final class Writer {

        final PdfPages pages;
        private final PDFont font;

        Writer(PDDocument document, PDFont font) throws IOException {
            this.pages = new PdfPages(document, MARGIN, LEADING);
            this.font = font;
        }

        void text(float size, String text) throws IOException {
            textAt(size, MARGIN, text);
        }

        void textAt(float size, float x, String text) throws IOException {
            pages.line(font, size, x, text);
        }

        void row(boolean header, String description, String... cells) throws IOException {
            float size = header ? 9 : 8.5f;
            List<String> wrapped = pages.wrap(font, size, RIGHT_EDGES[0] - 60 - MARGIN, description);
            pages.room(size + LEADING * (wrapped.size() - 1));
            for (int i = 0; i < cells.length; i++) {
                pages.showRightAligned(font, size, RIGHT_EDGES[i], cells[i]);
            }
            for (String line : wrapped) {
                pages.show(font, size, MARGIN, line);
                pages.down(LEADING);
            }
        }

        void total(String label, String amount) throws IOException {
            pages.room(10);
            pages.show(font, 10, 330, label);
            pages.showRightAligned(font, 10, RIGHT_EDGES[3], amount);
            pages.down(LEADING + 1);
        }

        void rule() throws IOException {
            pages.rule(MARGIN, RIGHT_EDGES[3]);
        }

        void gap() {
            pages.gap();
        }

        void close() throws IOException {
            pages.closeWithPageNumbers(font, RIGHT_EDGES[3]);
        }
    }
}
