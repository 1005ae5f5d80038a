package coop.mutua.billing.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.mutua.billing.api.InvoiceContent;
import coop.mutua.billing.api.InvoiceDocument;
import coop.mutua.billing.domain.InvoiceSplit;
import coop.mutua.billing.domain.InvoiceSplit.MemberPart;
import coop.mutua.billing.domain.MemberInvoiceDrafts;
import coop.mutua.catalog.api.VatRegime;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.UnitPrice;
import coop.mutua.kernel.VatRate;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SupplierInvoiceFilesTest {

    @Test
    void aFacturXInvoiceIsReadBackWithItsReferencesQuantitiesPricesChargesAndVat() {
        // A supplier's Factur-X (made here with the same generator): 9 kg of carrots CAR-6 at 1.80, a 12.00 delivery fee.
        MemberPart part = new MemberPart(MemberId.of("00000000-0000-0000-0000-00000000000a"),
                List.of(new InvoiceSplit.MemberLine("CAR-6", "Carottes", Quantity.of(9), new BigDecimal("1.80"), VatRate.REDUCED, 1620, "KGM")),
                List.of(new InvoiceSplit.MemberAdjustment("Livraison", VatRate.STANDARD, 1200)), Map.of());
        InvoiceContent content = MemberInvoiceDrafts.of(List.of(part), VatRegime.REGISTERED, BigDecimal.ZERO, "");
        InvoiceDocument supplierInvoice = InvoiceDocument.invoice("FA-77", LocalDate.of(2026, 11, 26),
                new InvoiceDocument.Parties(FacturXTest.GROUPEMENT, VatRegime.REGISTERED, FacturXTest.MEMBER),
                new InvoiceDocument.Sale("round", "Commande", LocalDate.of(2026, 11, 24)), content,
                new InvoiceDocument.PaymentTerms(LocalDate.of(2026, 12, 26), "trois fois le taux d'intérêt légal"));

        SupplierInvoiceFiles.Read read = SupplierInvoiceFiles.facturX(FacturX.of(supplierInvoice));

        assertThat(read.number()).isEqualTo("FA-77");
        assertThat(read.issueDate()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(read.dueDate()).isEqualTo(LocalDate.of(2026, 12, 26));
        assertThat(read.creditNote()).isFalse();
        assertThat(read.lines()).containsExactly(new SupplierInvoiceFiles.Line("CAR-6", "Carottes", Quantity.of(9), UnitPrice.of("1.80"),
                VatRate.REDUCED, Money.parse("16.20")));
        assertThat(read.charges()).containsExactly(new SupplierInvoiceFiles.Charge("Livraison", VatRate.STANDARD, Money.parse("12.00")));
        assertThat(read.vat()).containsEntry(VatRate.REDUCED, Money.parse("0.89")).containsEntry(VatRate.STANDARD, Money.parse("2.40"));
    }

    @Test
    void aCsvInvoiceIsReadRowByRow() {
        String csv = """
                \uFEFFfacture;F-1029;2026-11-26;2026-12-26
                # commentaire
                ligne;CAR-6;9;1,80;5,5;16,20
                ligne;TOM;4.12;16.80;5.5;
                frais;Livraison;20;12,00
                tva;5,5;4,70
                tva;20;2,40
                """;

        SupplierInvoiceFiles.Read read = SupplierInvoiceFiles.csv(csv.getBytes(StandardCharsets.UTF_8));

        assertThat(read.number()).isEqualTo("F-1029");
        assertThat(read.lines()).hasSize(2);
        assertThat(read.lines().get(1).amount()).as("left out: quantity x price").isNull();
        assertThat(read.lines().get(1).quantity()).isEqualTo(Quantity.of("4.12"));
        assertThat(read.charges().get(0).amount()).isEqualTo(Money.parse("12.00"));
        assertThat(read.vat()).containsEntry(VatRate.REDUCED, Money.parse("4.70"));
    }

    @Test
    void aBadCsvRowIsRefusedWithItsLineNumber() {
        String csv = "facture;F-1;2026-11-26\nligne;CAR-6;neuf;1,80;5,5\n";

        assertThatThrownBy(() -> SupplierInvoiceFiles.csv(csv.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("supplier-invoice.csv-row");
                    assertThat(e.arguments()).containsExactly(2, "ligne;CAR-6;neuf;1,80;5,5");
                });
        assertThatThrownBy(() -> SupplierInvoiceFiles.csv("ligne;CAR-6;9;1,80;5,5\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DomainException.class).hasMessageContaining("supplier-invoice.csv-no-header");
        assertThatThrownBy(() -> SupplierInvoiceFiles.facturX("%PDF-1.4 not really".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DomainException.class).hasMessageContaining("supplier-invoice.file-unreadable");
    }
}
