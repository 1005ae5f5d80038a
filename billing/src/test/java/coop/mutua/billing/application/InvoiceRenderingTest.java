package coop.mutua.billing.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.mutua.billing.api.InvoiceDocument;
import coop.mutua.billing.documents.FacturXTest;
import coop.mutua.catalog.api.VatRegime;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** Files rendered in parallel come back in the order of their documents, and a failure reaches the issuing thread. */
class InvoiceRenderingTest {

    @Test
    void eachFileIsItsOwnDocumentsInOrder() throws Exception {
        InvoiceRendering rendering = new InvoiceRendering(3);
        try {
            InvoiceDocument model = FacturXTest.invoice(VatRegime.REGISTERED, false);
            List<InvoiceDocument> documents = new ArrayList<>();
            for (int i = 1; i <= 12; i++) {
                documents.add(model.creditNote(InvoiceNumberSeries.format(2026, 100 + i), model.issueDate(), "motif " + i));
            }
            List<Future<byte[]>> files = rendering.render(documents);
            for (int i = 0; i < documents.size(); i++) {
                assertThat(text(InvoiceRendering.await(files.get(i)))).contains("n° " + documents.get(i).number(), "motif " + (i + 1));
            }
        } finally {
            rendering.stop();
        }
    }

    @Test
    void aRenderingFailureIsThrownAsItWas() throws Exception {
        InvoiceRendering rendering = new InvoiceRendering(2);
        try {
            InvoiceDocument valid = FacturXTest.invoice(VatRegime.REGISTERED, false);
            List<Future<byte[]>> files = rendering.render(List.of(valid, new InvoiceDocument(valid.number(), valid.issueDate(), valid.parties(), valid.sale(), null, valid.payment(), null)));
            assertThat(InvoiceRendering.await(files.get(0))).isNotEmpty();
            assertThatThrownBy(() -> InvoiceRendering.await(files.get(1))).isInstanceOf(RuntimeException.class)
                    .isNotInstanceOf(IllegalStateException.class);
        } finally {
            rendering.stop();
        }
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
