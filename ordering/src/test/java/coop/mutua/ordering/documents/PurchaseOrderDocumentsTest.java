package coop.mutua.ordering.documents;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.kernel.Money;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.UnitPrice;
import coop.mutua.kernel.VatRate;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PurchaseOrderDocumentsTest {

    private static PurchaseOrder order(int members) {
        List<PurchaseOrder.Packing> packing = new ArrayList<>();
        packing.add(new PurchaseOrder.Packing("Épicerie solidaire La Bastide", List.of(
                new PurchaseOrder.PackedLine("CAR-10", "Carottes des sables", Quantity.of(7)),
                new PurchaseOrder.PackedLine("SAV-5", "Savon noir liquide 5 L", Quantity.of(2)))));
        for (int m = 1; m < members; m++) {
            packing.add(new PurchaseOrder.Packing("Structure n° " + m, List.of(
                    new PurchaseOrder.PackedLine("CAR-10", "Carottes des sables", Quantity.of(3)))));
        }
        return new PurchaseOrder("2026-11-GAEC", new PurchaseOrder.Party("Achats Solidaires Gironde", "81415207700012",
                "FR12814152077", "12 quai de Brazza, 33100 Bordeaux", "coordination@asg.fr"),
                new PurchaseOrder.Party("GAEC Terres de l'Entre-deux-Mers", "45123789000013", null, "Lieu-dit Le Bourg, 33760 Targon",
                        "commandes@terres-e2m.fr"),
                "Commande groupée de novembre", LocalDate.of(2026, 12, 3), "Entrepôt solidaire, Bordeaux",
                List.of(new PurchaseOrder.Line("CAR-10", "Carottes des sables", "KG", 1, Quantity.of(10), Quantity.of(10),
                                UnitPrice.of("1.90"), Money.parse("19.00"), VatRate.REDUCED),
                        new PurchaseOrder.Line("SAV-5", "Savon noir liquide 5 L", "PIECE", 1, Quantity.of(4), Quantity.of(4),
                                UnitPrice.of("18.50"), Money.parse("74.00"), VatRate.STANDARD)),
                Money.parse("25.00"), packing);
    }

    @Test
    void thePdfNamesBothPartiesTheRoundTheLinesTheTotalsPerVatRateAndThePackingList() throws Exception {
        String text = text(PurchaseOrderDocuments.pdf(order(2)));

        assertThat(text).contains("Bon de commande groupée n° 2026-11-GAEC")
                .contains("Achats Solidaires Gironde").contains("SIRET 81415207700012 · TVA FR12814152077")
                .contains("GAEC Terres de l'Entre-deux-Mers").contains("SIRET 45123789000013")
                .contains("Commande groupée de novembre").contains("Livraison le 03/12/2026 à : Entrepôt solidaire, Bordeaux")
                .contains("CAR-10").contains("Carottes des sables").contains("10 kg").contains("1,90").contains("19,00 €")
                .contains("SAV-5").contains("74,00 €")
                .contains("TVA 5,5 % : base HT 19,00 € · TVA 1,05 € · TTC 20,05 €")
                .contains("TVA 20 % : base HT 74,00 € · TVA 14,80 € · TTC 88,80 €")
                .contains("Total HT : 93,00 €").contains("Frais de livraison HT : 25,00 €")
                .contains("Épicerie solidaire La Bastide").contains("Carottes des sables : 7").contains("Structure n° 1");
    }

    @Test
    void aLongPackingListGoesOnOverSeveralPages() throws Exception {
        byte[] pdf = PurchaseOrderDocuments.pdf(order(120));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(2);
        }
        assertThat(text(pdf)).contains("Structure n° 119");
    }

    @Test
    void theCsvIsWhatAFrenchSpreadsheetOpens() {
        String csv = new String(PurchaseOrderDocuments.csv(order(1)), StandardCharsets.UTF_8);

        assertThat(csv).startsWith("\uFEFFRéférence;Désignation;Unité;Colis;Quantité;Prix unitaire HT;Montant HT;TVA %\r\n");
        assertThat(csv).contains("CAR-10;Carottes des sables;KG;1;10;1,90;19,00;5,5\r\n")
                .contains("SAV-5;Savon noir liquide 5 L;PIECE;1;4;18,50;74,00;20\r\n");
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
