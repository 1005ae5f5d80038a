package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.mutua.app.support.Eventually;
import coop.mutua.app.support.Http;
import coop.mutua.app.support.IntegrationTest;
import coop.mutua.app.support.RevisionOneEvents;
import coop.mutua.app.support.TestMail;
import coop.mutua.app.support.TestGroupements.TestGroupement;
import coop.mutua.app.support.TestGroupements;
import coop.mutua.billing.api.CreditNoteIssuedEvent;
import coop.mutua.billing.api.InvoiceDocument;
import coop.mutua.billing.api.MemberInvoiceIssuedEvent;
import coop.mutua.billing.api.RecordInvoicePaymentCommand;
import coop.mutua.catalog.api.Address;
import coop.mutua.catalog.api.DeactivateSupplierCommand;
import coop.mutua.catalog.api.EssFamily;
import coop.mutua.catalog.api.OrderingTerms;
import coop.mutua.catalog.api.SupplierDetails;
import coop.mutua.catalog.api.SupplierLabel;
import coop.mutua.catalog.api.SupplierRegisteredEvent;
import coop.mutua.catalog.api.SupplierUpdatedEvent;
import coop.mutua.kernel.ConflictException;
import coop.mutua.kernel.GeoPoint;
import coop.mutua.kernel.MemberInvoiceId;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.SupplierId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Events are stored for ever: events as the previous revision wrote them (fixtures captured from the event table) still
 * load into the aggregate, the read model and the event store's readers, as the current revision: a supplier's fourteen
 * fields grouped in its details, a member invoice's and credit note's document grouped in parties, sale, payment and
 * cancellation.
 */
@IntegrationTest
class StoredEventsUpcastingTest {

    @Value("${local.server.port}")
    int port;
    @Autowired
    TestGroupements groupements;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    CommandGateway commands;

    @Test
    void suppliersWrittenByRevisionOneLoadAsRevisionTwo() throws IOException {
        TestGroupement groupement = groupements.create("Réseau des anciens événements");
        SupplierId supplier = SupplierId.random();
        store(supplier, groupement, 0, "SupplierRegisteredEvent");
        store(supplier, groupement, 1, "SupplierUpdatedEvent");

        Address address = new Address("4 chemin des Vignes", "33000", "Bordeaux", "FR");
        List<Object> read = eventStore.readEvents(supplier.value()).asStream().map(EventMessage::getPayload).map(Object.class::cast).toList();
        assertThat(read).containsExactly(
                new SupplierRegisteredEvent(supplier, groupement.id(), new SupplierDetails("Fromagerie d'Aquitaine", "73282932000074",
                        "FR44732829320", EssFamily.SCOP, Set.of(SupplierLabel.ORGANIC_AB), address, new GeoPoint(44.9, -0.6),
                        "commandes@fromagerie.example", new OrderingTerms(Money.parse("150.00"), Money.parse("300.00"),
                        Money.parse("12.00")), "Tommes et yaourts")),
                new SupplierUpdatedEvent(supplier, groupement.id(), new SupplierDetails("Fromagerie d'Aquitaine (SCOP)",
                        "73282932000074", null, null, Set.of(), address, new GeoPoint(44.91, -0.61), "commandes@fromagerie.example",
                        new OrderingTerms(Money.parse("120.00"), Money.parse("0.00"), Money.parse("9.50")), null)));

        // The directory (a tracking projection) reads them too.
        Http http = new Http(port);
        Eventually.equal(200, () -> http.get("/api/suppliers/" + supplier, groupement.coordinator(), TestGroupements.PASSWORD).status());
        JsonNode shown = http.get("/api/suppliers/" + supplier, groupement.coordinator(), TestGroupements.PASSWORD).json();
        assertThat(shown.get("name").asString()).isEqualTo("Fromagerie d'Aquitaine (SCOP)");
        assertThat(shown.get("minimumOrder").asString()).isEqualTo("120.00");
        assertThat(shown.get("deliveryFee").asString()).isEqualTo("9.50");

        // The aggregate is sourced from them: a new command on it is handled.
        commands.sendAndWait(new DeactivateSupplierCommand(supplier, groupement.id()));
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = :id").param("id", supplier.value())
                .query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void memberInvoicesAndCreditNotesWrittenByRevisionOneLoadAsRevisionTwo() throws IOException {
        TestGroupement groupement = groupements.create("Réseau des anciennes factures");
        String invoiceId = UUID.randomUUID().toString();
        String creditNoteId = UUID.randomUUID().toString();
        String buyer = "compta-" + invoiceId + "@creche.example";
        Map<String, String> ids = Map.of("GROUPEMENT", groupement.id().value(), "invoice-written-by-revision-1", invoiceId,
                "credit-note-written-by-revision-1", creditNoteId, "BUYER_EMAIL", buyer);
        // What the issuing transactions wrote beside the events: the rows (their documents are the migration's concern,
        // tested in InvoiceDocumentsMigrationTest) and the files.
        for (String id : List.of(invoiceId, creditNoteId)) {
            String number = id.equals(invoiceId) ? "2026-00002" : "2026-00006";
            jdbc.sql("""
                    INSERT INTO member_invoice (id, groupement_id, round_id, member_id, member_name, number, credit_note, issue_date,
                        total_excl_vat, vat_total, total_incl_vat, status, issued_at, document)
                    VALUES (:id, :groupement, 'r', 'm', 'Crèche', :number, :credit, DATE '2026-12-02', 0, 0, 0, 'ISSUED',
                        TIMESTAMPTZ '2026-12-02T10:00:00Z', '{}'::jsonb)""")
                    .param("id", id).param("groupement", groupement.id().value()).param("number", number)
                    .param("credit", id.equals(creditNoteId)).update();
            jdbc.sql("INSERT INTO member_invoice_file (invoice_id, pdf) VALUES (:id, :pdf)").param("id", id)
                    .param("pdf", "%PDF-1.7 issued by revision 1".getBytes(StandardCharsets.US_ASCII)).update();
        }
        store(invoiceId, "MemberInvoice", 0, "coop.mutua.billing.api.MemberInvoiceIssuedEvent", groupement, ids);
        store(invoiceId, "MemberInvoice", 1, "coop.mutua.billing.api.CreditNoteIssuedEvent", groupement, ids);

        // Read as revision 2: exactly the documents this version builds for the same invoice and its credit note.
        List<Object> read = eventStore.readEvents(invoiceId).asStream().map(EventMessage::getPayload).map(Object.class::cast).toList();
        InvoiceDocument invoice = ((MemberInvoiceIssuedEvent) read.get(0)).document();
        InvoiceDocument creditNote = ((CreditNoteIssuedEvent) read.get(1)).document();
        assertThat(invoice).isEqualTo(RevisionOneEvents.invoice(invoice.draft(), buyer));
        assertThat(invoice.draft().items()).hasSize(7);
        assertThat(invoice.draft().totalCents()).isPositive();
        assertThat(creditNote).isEqualTo(invoice.creditNote("2026-00006", LocalDate.of(2026, 12, 2), "Livraison refusée (emballages abîmés)"));

        // The mails (a tracking process) read them too: each document is sent with its number and round.
        Eventually.equal(2, () -> TestMail.to(buyer).size());
        assertThat(TestMail.to(buyer)).extracting(TestMail::subject).containsExactlyInAnyOrder(
                "Facture 2026-00002 – Achats Solidaires Gironde – Commande groupée d'automne",
                "Avoir 2026-00006 – Achats Solidaires Gironde – Commande groupée d'automne");

        // The aggregate is sourced from them: it knows it was credited.
        assertThatThrownBy(() -> commands.sendAndWait(new RecordInvoicePaymentCommand(MemberInvoiceId.of(invoiceId), groupement.id(), LocalDate.of(2026, 12, 3))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("member-invoice.credited");
    }

    /** The event as revision 1 stored it: its fixture, with this test's supplier and groupement. */
    private void store(SupplierId supplier, TestGroupement groupement, long sequence, String type) throws IOException {
        store(supplier.value(), "Supplier", sequence, "coop.mutua.catalog.api." + type, groupement,
                Map.of("GROUPEMENT", groupement.id().value(), "supplier-written-by-revision-1", supplier.value()));
    }

    private void store(String aggregateId, String aggregateType, long sequence, String type, TestGroupement groupement,
                       Map<String, String> ids) throws IOException {
        String payload = RevisionOneEvents.payload(type.substring(type.lastIndexOf('.') + 1));
        for (Map.Entry<String, String> id : ids.entrySet()) {
            payload = payload.replace(id.getKey(), id.getValue());
        }
        String metadata = "{\"groupementId\":\"" + groupement.id().value() + "\",\"userId\":\"system\"}";
        jdbc.sql("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload,
                    payloadrevision, payloadtype, timestamp)
                VALUES (:id, :sequence, :aggregateType, :event, convert_to(:metadata, 'UTF8'), convert_to(:payload, 'UTF8'), '1',
                    :type, '2026-11-30T10:00:00Z')""")
                .param("id", aggregateId).param("sequence", sequence).param("aggregateType", aggregateType)
                .param("event", UUID.randomUUID().toString()).param("metadata", metadata).param("payload", payload)
                .param("type", type).update();
    }
}
