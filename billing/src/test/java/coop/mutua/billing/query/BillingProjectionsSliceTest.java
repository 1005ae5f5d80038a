package coop.mutua.billing.query;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.billing.api.CreditNoteIssuedEvent;
import coop.mutua.billing.api.FindMemberInvoicesQuery;
import coop.mutua.billing.api.FindSupplierInvoicesQuery;
import coop.mutua.billing.api.InvoiceDifference;
import coop.mutua.billing.api.InvoiceDocument;
import coop.mutua.billing.api.MemberInvoiceIssuedEvent;
import coop.mutua.billing.api.MemberInvoicePaidEvent;
import coop.mutua.billing.api.MemberInvoiceStatus;
import coop.mutua.billing.api.MemberInvoiceView;
import coop.mutua.billing.api.SupplierInvoiceLine;
import coop.mutua.billing.api.SupplierInvoiceRecordedEvent;
import coop.mutua.billing.api.SupplierInvoiceResolvedEvent;
import coop.mutua.billing.api.SupplierInvoiceStatus;
import coop.mutua.billing.api.SupplierInvoiceView;
import coop.mutua.billing.documents.FacturXTest;
import coop.mutua.catalog.api.VatRegime;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.MemberInvoiceId;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.SupplierOrderId;
import coop.mutua.kernel.UnitPrice;
import coop.mutua.kernel.VatRate;
import coop.mutua.testsupport.TestDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Billing's two projections on PostgreSQL with billing's migrations, handlers called as Axon would, read back through
 * their query handlers: a member invoice, its credit note and a payment; a supplier invoice recorded, disputed,
 * recorded again (corrected). Events applied twice change nothing more (replays and redeliveries).
 */
class BillingProjectionsSliceTest {

    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    static MemberInvoiceProjection memberInvoices;
    static MemberInvoiceQueries memberInvoiceQueries;
    static SupplierInvoiceProjection supplierInvoices;
    static SupplierInvoiceQueries supplierInvoiceQueries;

    final GroupementId groupement = GroupementId.random();
    final RoundId round = RoundId.random();
    final String tag = round.value().substring(0, 8);

    @BeforeAll
    static void database() {
        JdbcClient jdbc = JdbcClient.create(TestDatabase.migrated());
        memberInvoices = new MemberInvoiceProjection(jdbc);
        memberInvoiceQueries = new MemberInvoiceQueries(jdbc);
        supplierInvoices = new SupplierInvoiceProjection(jdbc);
        supplierInvoiceQueries = new SupplierInvoiceQueries(jdbc);
    }

    @Test
    void anInvoiceItsCreditNoteAndAnotherPaidInvoice() {
        MemberId creche = MemberId.random();
        MemberId epicerie = MemberId.random();
        MemberInvoiceId cancelled = MemberInvoiceId.of("mi-" + tag + "-1");
        MemberInvoiceId credit = MemberInvoiceId.of("cn-" + tag + "-1");
        MemberInvoiceId paid = MemberInvoiceId.of("mi-" + tag + "-2");
        InvoiceDocument invoice = FacturXTest.invoice(VatRegime.REGISTERED, false);
        InvoiceDocument creditNote = FacturXTest.invoice(VatRegime.REGISTERED, true);
        InvoiceDocument other = InvoiceDocument.invoice("2026-00003", invoice.issueDate(), invoice.parties(), invoice.sale(),
                invoice.draft(), invoice.payment());
        for (int twice = 0; twice < 2; twice++) {
            memberInvoices.on(new MemberInvoiceIssuedEvent(cancelled, groupement, round, creche, NOW, invoice));
            memberInvoices.on(new CreditNoteIssuedEvent(cancelled, credit, groupement, round, creche, NOW, creditNote));
            memberInvoices.on(new MemberInvoiceIssuedEvent(paid, groupement, round, epicerie, NOW, other));
            memberInvoices.on(new MemberInvoicePaidEvent(paid, groupement, LocalDate.of(2026, 12, 20)));
        }

        assertThat(memberInvoiceQueries.handle(new FindMemberInvoicesQuery(groupement, round, null, null)))
                .extracting(MemberInvoiceView::number).containsExactly("2026-00001", "2026-00002", "2026-00003");
        MemberInvoiceView original = one(cancelled);
        assertThat(original.status()).isEqualTo(MemberInvoiceStatus.CREDITED);
        assertThat(original.relatedId()).isEqualTo(credit);
        assertThat(original.document()).isEqualTo(invoice);
        assertThat(original.totalInclVat().cents()).isEqualTo(invoice.draft().totalCents());
        MemberInvoiceView cancelling = one(credit);
        assertThat(cancelling.creditNote()).isTrue();
        assertThat(cancelling.relatedId()).isEqualTo(cancelled);
        assertThat(cancelling.dueDate()).isNull();
        assertThat(cancelling.document()).isEqualTo(creditNote);
        MemberInvoiceView settled = one(paid);
        assertThat(settled.status()).isEqualTo(MemberInvoiceStatus.PAID);
        assertThat(settled.paidOn()).isEqualTo(LocalDate.of(2026, 12, 20));
        assertThat(memberInvoiceQueries.handle(new FindMemberInvoicesQuery(groupement, null, epicerie, null)))
                .extracting(MemberInvoiceView::id).containsExactly(paid);
        assertThat(memberInvoiceQueries.handle(new FindMemberInvoicesQuery(GroupementId.random(), round, null, null)))
                .as("another groupement's").isEmpty();
    }

    @Test
    void aSupplierInvoiceRecordedDisputedAndCorrected() {
        SupplierOrderId order = SupplierOrderId.of("so-" + tag);
        SupplierId farm = SupplierId.random();
        ProductId carrots = ProductId.random();
        String id = "si-" + tag;
        SupplierInvoiceLine nine = new SupplierInvoiceLine(carrots, "Carottes", Quantity.of(9), UnitPrice.of("1.90"), VatRate.REDUCED,
                Money.parse("17.10"));
        InvoiceDifference price = new InvoiceDifference(InvoiceDifference.Kind.PRICE, carrots, "Carottes", Quantity.of(9), Quantity.of(9),
                Quantity.of(9), UnitPrice.of("1.80"), UnitPrice.of("1.90"), VatRate.REDUCED, null, null);
        SupplierInvoiceLine corrected = new SupplierInvoiceLine(carrots, "Carottes", Quantity.of(9), UnitPrice.of("1.80"),
                VatRate.REDUCED, Money.parse("16.20"));

        supplierInvoices.on(new SupplierInvoiceRecordedEvent(id, groupement, round, order, farm, "F-1029", LocalDate.of(2026, 11, 26),
                LocalDate.of(2026, 12, 26), false, List.of(nine), List.of(), Map.of(VatRate.REDUCED, Money.parse("0.94")),
                List.of(price), SupplierInvoiceStatus.TO_REVIEW, NOW));
        SupplierInvoiceView toReview = supplierInvoice(order);
        assertThat(toReview.status()).isEqualTo(SupplierInvoiceStatus.TO_REVIEW);
        assertThat(toReview.differences()).containsExactly(price);
        assertThat(toReview.totalExclVat()).isEqualTo(Money.parse("17.10"));
        assertThat(toReview.totalInclVat()).isEqualTo(Money.parse("18.04"));

        supplierInvoices.on(new SupplierInvoiceResolvedEvent(id, groupement, round, SupplierInvoiceStatus.DISPUTED, "Prix du bon", NOW));
        assertThat(supplierInvoice(order).status()).isEqualTo(SupplierInvoiceStatus.DISPUTED);
        assertThat(supplierInvoice(order).note()).isEqualTo("Prix du bon");

        for (int twice = 0; twice < 2; twice++) {
            supplierInvoices.on(new SupplierInvoiceRecordedEvent(id, groupement, round, order, farm, "F-1029", LocalDate.of(2026, 11, 27),
                    LocalDate.of(2026, 12, 27), false, List.of(corrected), List.of(), Map.of(VatRate.REDUCED, Money.parse("0.89")),
                    List.of(), SupplierInvoiceStatus.MATCHED, NOW.plusSeconds(60)));
        }
        SupplierInvoiceView matched = supplierInvoice(order);
        assertThat(matched.status()).isEqualTo(SupplierInvoiceStatus.MATCHED);
        assertThat(matched.note()).as("a corrected invoice starts afresh").isNull();
        assertThat(matched.lines()).containsExactly(corrected);
        assertThat(matched.differences()).isEmpty();
        assertThat(matched.issueDate()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(matched.totalInclVat()).isEqualTo(Money.parse("17.09"));
    }

    private MemberInvoiceView one(MemberInvoiceId id) {
        List<MemberInvoiceView> found = memberInvoiceQueries.handle(new FindMemberInvoicesQuery(groupement, null, null, id));
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private SupplierInvoiceView supplierInvoice(SupplierOrderId order) {
        List<SupplierInvoiceView> found = supplierInvoiceQueries.handle(new FindSupplierInvoicesQuery(groupement, null, order, null, null));
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
