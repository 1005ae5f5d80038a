package coop.mutua.ordering.documents;

import coop.mutua.kernel.CsvCells;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.Quantity;
import coop.mutua.platform.pdf.PdfPages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Renders a grouped purchase order as a PDF (A4, paginated, French) and as a CSV (semicolon, decimal comma, UTF-8
 * with a byte-order mark, as spreadsheets in France expect). Pure: no Spring, no database.
 */
public final class PurchaseOrderDocuments {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final float MARGIN = 50;
    private static final float LEADING = 14;

    private PurchaseOrderDocuments() {
    }

    public static byte[] csv(PurchaseOrder order) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append("Référence;Désignation;Unité;Colis;Quantité;Prix unitaire HT;Montant HT;TVA %\r\n");
        for (PurchaseOrder.Line line : order.lines()) {
            csv.append(cell(line.reference())).append(';').append(cell(line.name())).append(';').append(line.saleUnit()).append(';')
                    .append(line.cases()).append(';').append(decimal(line.quantity().value())).append(';')
                    .append(decimal(line.unitPrice().value())).append(';').append(amount(line.amountExclVat()))
                    .append(';').append(decimal(line.vatRate().percent())).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] pdf(PurchaseOrder order) {
        List<String[]> rows = new ArrayList<>();
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Bon de commande " + order.number());
            info.setAuthor(order.buyer().name());
            Writer writer = new Writer(document);
            writer.text(Writer.BOLD, 16, "Bon de commande groupée n° " + order.number());
            writer.gap();
            writer.text(Writer.BOLD, 10, "Acheteur");
            party(writer, order.buyer());
            writer.gap();
            writer.text(Writer.BOLD, 10, "Fournisseur");
            party(writer, order.supplier());
            writer.gap();
            writer.text(Writer.REGULAR, 10, "Campagne : " + order.roundTitle());
            writer.text(Writer.REGULAR, 10, "Livraison le " + DAY.format(order.deliveryDate()) + " à : " + order.deliveryPlace());
            writer.gap();
            writer.row(Writer.BOLD, "Réf.", "Désignation", "Colis", "Quantité", "Prix HT", "Montant HT", "TVA");
            for (PurchaseOrder.Line line : order.lines()) {
                writer.row(Writer.REGULAR, line.reference(), line.name(), Long.toString(line.cases()),
                        quantity(line.quantity()) + " " + unit(line.saleUnit()), decimal(line.unitPrice().value()),
                        money(line.amountExclVat()), decimal(line.vatRate().percent()) + " %");
            }
            writer.gap();
            for (PurchaseOrder.VatTotal total : order.vatTotals()) {
                writer.text(Writer.REGULAR, 10, "TVA " + decimal(total.rate().percent()) + " % : base HT " + money(total.exclVat())
                        + " · TVA " + money(total.vat()) + " · TTC " + money(total.inclVat()));
            }
            writer.text(Writer.BOLD, 10, "Total HT : " + money(order.totalExclVat()));
            if (order.deliveryFee().compareTo(Money.ZERO) > 0) {
                writer.text(Writer.REGULAR, 10, "Frais de livraison HT : " + money(order.deliveryFee()));
            } else {
                writer.text(Writer.REGULAR, 10, "Franco de port");
            }
            writer.gap();
            writer.text(Writer.BOLD, 12, "Répartition par structure (colisage)");
            for (PurchaseOrder.Packing packing : order.packingList()) {
                writer.text(Writer.BOLD, 10, packing.member());
                for (PurchaseOrder.PackedLine line : packing.lines()) {
                    writer.text(Writer.REGULAR, 10, "    " + line.reference() + "  " + line.name() + " : " + quantity(line.quantity()));
                }
            }
            writer.close();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void party(Writer writer, PurchaseOrder.Party party) throws IOException {
        writer.text(Writer.REGULAR, 10, party.name());
        writer.text(Writer.REGULAR, 10, "SIRET " + party.siret() + (party.vatNumber() == null ? "" : " · TVA " + party.vatNumber()));
        writer.text(Writer.REGULAR, 10, party.address());
        if (party.email() != null) {
            writer.text(Writer.REGULAR, 10, party.email());
        }
    }

    static String money(Money money) {
        return amount(money) + " €";
    }

    /** Amounts always with their two decimals: 19,00. */
    static String amount(Money money) {
        return money.toBigDecimal().setScale(2).toPlainString().replace('.', ',');
    }

    static String quantity(Quantity quantity) {
        return decimal(quantity.value());
    }

    private static String unit(String saleUnit) {
        return switch (saleUnit) {
            case "KG" -> "kg";
            case "LITRE" -> "L";
            default -> "";
        };
    }

    /** French decimal: comma, no exponent, trailing zeros of whole numbers removed. */
    static String decimal(BigDecimal value) {
        BigDecimal plain = value.scale() > 0 && value.stripTrailingZeros().scale() <= 0 ? value.setScale(0) : value;
        return plain.toPlainString().replace('.', ',');
    }

    private static String cell(String text) {
        return CsvCells.text(text);
    }

    /** The order's lines and columns on A4 pages, in the standard Helvetica fonts. */
    private static final class Writer {

        static final PDFont REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        static final PDFont BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private static final float[] COLUMNS = {0, 70, 270, 310, 370, 420, 480};

        private final PdfPages pages;

        Writer(PDDocument document) throws IOException {
            this.pages = new PdfPages(document, MARGIN, LEADING);
        }

        void text(PDFont font, float size, String text) throws IOException {
            pages.line(font, size, MARGIN, text);
        }

        void row(PDFont font, String... cells) throws IOException {
            pages.room(9);
            for (int i = 0; i < cells.length; i++) {
                String cell = i == 1 && cells[i].length() > 38 ? cells[i].substring(0, 37) + "…" : cells[i];
                pages.show(font, 9, MARGIN + COLUMNS[i], cell);
            }
            pages.down(LEADING);
        }

        void gap() {
            pages.gap();
        }

        void close() throws IOException {
            pages.close();
        }
    }
}
