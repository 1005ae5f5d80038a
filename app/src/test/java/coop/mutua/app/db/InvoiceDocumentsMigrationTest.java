package coop.mutua.app.db;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.support.RevisionOneEvents;
import coop.mutua.billing.api.InvoiceDocument;
import coop.mutua.testsupport.TestDatabase;
import java.io.IOException;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The invoice documents the read model holds, written before their fields were grouped, are moved by the migration to
 * the shape of revision 2: an invoice and a credit note captured from a database of the previous version read back as
 * the very documents this version builds (the same the upcaster gives for the events).
 */
class InvoiceDocumentsMigrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void invoicesAndCreditNotesOfTheReadModelReadAsThisVersionBuildsThem() throws IOException {
        DataSource dataSource = TestDatabase.newDataSource();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("2026.12.04.20").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        insert(jdbc, "invoice", "2026-00002", false, RevisionOneEvents.payload("MemberInvoiceIssuedEvent"));
        insert(jdbc, "credit-note", "2026-00006", true, RevisionOneEvents.payload("CreditNoteIssuedEvent"));

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

        InvoiceDocument invoice = document(jdbc, "invoice");
        assertThat(invoice).isEqualTo(RevisionOneEvents.invoice(invoice.draft(), "compta@creche.example"));
        assertThat(invoice.draft().items()).hasSize(7);
        assertThat(document(jdbc, "credit-note"))
                .isEqualTo(invoice.creditNote("2026-00006", LocalDate.of(2026, 12, 2), "Livraison refusée (emballages abîmés)"));
    }

    private static void insert(JdbcClient jdbc, String id, String number, boolean creditNote, String event) {
        String document = JSON.readTree(event.replace("BUYER_EMAIL", "compta@creche.example")).get("document").toString();
        jdbc.sql("""
                INSERT INTO member_invoice (id, groupement_id, round_id, member_id, member_name, number, credit_note, issue_date,
                    total_excl_vat, vat_total, total_incl_vat, status, issued_at, document)
                VALUES (:id, 'g', 'r', 'm', 'Crèche', :number, :credit, DATE '2026-12-02', 0, 0, 0, 'ISSUED',
                    TIMESTAMPTZ '2026-12-02T10:00:00Z', CAST(:document AS JSONB))""")
                .param("id", id).param("number", number).param("credit", creditNote).param("document", document).update();
    }

    private static InvoiceDocument document(JdbcClient jdbc, String id) {
        String json = jdbc.sql("SELECT document::text FROM member_invoice WHERE id = :id").param("id", id).query(String.class).single();
        return JSON.readValue(json, InvoiceDocument.class);
    }
}
