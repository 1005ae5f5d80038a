package coop.mutua.billing.documents;

import coop.mutua.billing.domain.GoalProgress;
import coop.mutua.billing.domain.GoalProgress.Dimension;
import coop.mutua.billing.domain.GoalProgress.Period;
import coop.mutua.billing.domain.GoalProgress.Share;
import coop.mutua.platform.pdf.PdfPages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.Currency;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A member's annual "bilan achats responsables" (ADR 22): what it bought through the groupement that year, excl. VAT,
 * and the shares with ESS operators, organic and local, per quarter and for the year, against its own targets, the
 * groupement's average and the study's 38 % for ESS; in French, to attach to an activity report. Same figures as the
 * goals page (the same {@link GoalProgress}).
 */
public final class GoalsReportPdf {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final float MARGIN = 56;
    private static final Locale FRENCH = Locale.FRENCH;

    private GoalsReportPdf() {
    }

    public record Report(String memberName, String groupementName, int year, GoalProgress.Goals goals, SortedMap<Period, Share> quarters,
                         Share yearShare, Share groupementYear, LocalDate madeOn) {
    }

    public static byte[] render(Report report) {
        try (PDDocument document = new PDDocument(); InputStream font = GoalsReportPdf.class.getResourceAsStream(FONT)) {
            PDFont regular = PDType0Font.load(document, font);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Bilan achats responsables " + report.year() + " - " + report.memberName());
            info.setAuthor(report.groupementName());
            info.setCreator("Mutua");
            PdfPages pages = new PdfPages(document, MARGIN, 15);
            pages.line(regular, 18, MARGIN, "Bilan achats responsables " + report.year());
            pages.line(regular, 12, MARGIN, report.memberName());
            pages.line(regular, 10, MARGIN, "Achats mutualisés avec " + report.groupementName() + ", d'après les factures de l'année "
                    + "(montants hors taxes, avoirs déduits, frais de livraison et de fonctionnement non compris).");
            pages.gap();
            pages.line(regular, 11, MARGIN, "Total des achats : " + money(report.yearShare().totalCents()));
            pages.gap();
            float[] columns = {MARGIN, 230, 330, 430};
            row(pages, regular, columns, "", "Votre part", "Votre objectif", "Moyenne du groupement");
            pages.rule(MARGIN, 540);
            for (Dimension dimension : Dimension.values()) {
                Integer target = report.goals().target(dimension);
                row(pages, regular, columns, label(dimension), percent(report.yearShare().percent(dimension)),
                        target == null ? "—" : target + " %" + reached(report.goals().reached(report.yearShare()).get(dimension)),
                        percent(report.groupementYear().percent(dimension)));
            }
            pages.gap();
            pages.line(regular, 9, MARGIN, "Repère : l'étude régionale à l'origine de Mutua (94 structures de l'ESS) établit à "
                    + GoalProgress.STUDY_ESS_BASELINE.toPlainString().replace('.', ',') + " % la part de leurs achats faite auprès d'acteurs de l'ESS.");
            pages.gap();
            pages.line(regular, 11, MARGIN, "Par trimestre");
            float[] quarterColumns = {MARGIN, 170, 280, 370, 460};
            row(pages, regular, quarterColumns, "Trimestre", "Achats HT", "ESS", "Bio", "Local");
            pages.rule(MARGIN, 540);
            for (Map.Entry<Period, Share> quarter : report.quarters().entrySet()) {
                if (quarter.getKey().year() != report.year()) {
                    continue;
                }
                Share share = quarter.getValue();
                row(pages, regular, quarterColumns, "T" + quarter.getKey().quarter() + " " + report.year(), money(share.totalCents()),
                        percent(share.percent(Dimension.ESS)), percent(share.percent(Dimension.ORGANIC)), percent(share.percent(Dimension.LOCAL)));
            }
            pages.gap();
            pages.line(regular, 8, MARGIN, "Définitions : ESS, fournisseur de l'économie sociale et solidaire (famille ESS, agrément ESUS, "
                    + "insertion ou handicap certifiés à la date de la facture) ; bio, produit labellisé AB ; local, fournisseur à 150 km "
                    + "au plus du lieu de livraison du groupement.");
            pages.line(regular, 8, MARGIN, "Établi par Mutua le " + report.madeOn().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) + ".");
            pages.closeWithPageNumbers(regular, 540);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(PdfPages pages, PDFont font, float[] columns, String... cells) throws IOException {
        pages.room(10);
        for (int i = 0; i < cells.length; i++) {
            pages.show(font, 10, columns[i], cells[i]);
        }
        pages.down(pages.lineHeight(10));
    }

    private static String label(Dimension dimension) {
        return switch (dimension) {
            case ESS -> "Achats auprès de l'ESS";
            case ORGANIC -> "Produits bio";
            case LOCAL -> "Fournisseurs locaux";
        };
    }

    private static String reached(Boolean reached) {
        return reached == null ? "" : reached ? " (atteint)" : " (non atteint)";
    }

    static String percent(BigDecimal percent) {
        return percent == null ? "—" : percent.toPlainString().replace('.', ',') + " %";
    }

    static String money(long cents) {
        NumberFormat format = NumberFormat.getCurrencyInstance(FRENCH);
        format.setCurrency(Currency.getInstance("EUR"));
        return format.format(BigDecimal.valueOf(cents, 2)).replace('\u202f', ' ').replace('\u00a0', ' ');
    }
}
