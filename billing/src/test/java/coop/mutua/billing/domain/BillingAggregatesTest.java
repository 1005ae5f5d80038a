package coop.mutua.billing.domain;

import coop.mutua.billing.api.CreditNoteIssuedEvent;
import coop.mutua.billing.api.InvoiceDifference;
import coop.mutua.billing.api.InvoiceDocument;
import coop.mutua.billing.api.IssueCreditNoteCommand;
import coop.mutua.billing.api.IssueMemberInvoiceCommand;
import coop.mutua.billing.api.MemberInvoiceIssuedEvent;
import coop.mutua.billing.api.MemberInvoicePaidEvent;
import coop.mutua.billing.api.RecordInvoicePaymentCommand;
import coop.mutua.billing.api.RecordSupplierInvoiceCommand;
import coop.mutua.billing.api.ResolveSupplierInvoiceCommand;
import coop.mutua.billing.api.SupplierInvoiceLine;
import coop.mutua.billing.api.SupplierInvoiceRecordedEvent;
import coop.mutua.billing.api.SupplierInvoiceResolvedEvent;
import coop.mutua.billing.api.SupplierInvoiceStatus;
import coop.mutua.billing.documents.FacturXTest;
import coop.mutua.catalog.api.VatRegime;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.MemberInvoiceId;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.SupplierOrderId;
import coop.mutua.kernel.UnitPrice;
import coop.mutua.kernel.VatRate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/** The supplier invoice's and the member invoice's rules, event by event (Axon fixtures, no Spring). */
class BillingAggregatesTest {

    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    static final GroupementId GIRONDE = GroupementId.of("00000000-0000-0000-0000-0000000000a1");
    static final RoundId ROUND = RoundId.of("00000000-0000-0000-0000-0000000000b1");
    static final SupplierOrderId ORDER = SupplierOrderId.of("order-1");
    static final SupplierId FARM = SupplierId.of("00000000-0000-0000-0000-0000000000c1");
    static final ProductId CARROTS = ProductId.of("00000000-0000-0000-0000-0000000000d1");
    static final MemberId MEMBER = MemberId.of("00000000-0000-0000-0000-0000000000e1");

    static RecordSupplierInvoiceCommand record(List<InvoiceDifference> differences) {
        return new RecordSupplierInvoiceCommand("si-1", GIRONDE, ROUND, ORDER, FARM, " F-1029 ", LocalDate.of(2026, 11, 26), null, false,
                List.of(new SupplierInvoiceLine(CARROTS, "Carottes", Quantity.of(9), UnitPrice.of("1.80"), VatRate.REDUCED, Money.parse("16.20"))),
                List.of(), Map.of(VatRate.REDUCED, Money.parse("0.89")), differences);
    }

    static final InvoiceDifference PRICE = new InvoiceDifference(InvoiceDifference.Kind.PRICE, CARROTS, "Carottes", Quantity.of(12),
            Quantity.of(9), Quantity.of(9), UnitPrice.of("1.70"), UnitPrice.of("1.80"), VatRate.REDUCED, null, null);

    @Test
    void aSupplierInvoiceWithoutDifferenceIsMatchedAndHasNothingToResolve() {
        AggregateTestFixture<SupplierInvoice> fixture = new AggregateTestFixture<>(SupplierInvoice.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        RecordSupplierInvoiceCommand command = record(List.of());

        SupplierInvoiceRecordedEvent matched = new SupplierInvoiceRecordedEvent("si-1", GIRONDE, ROUND, ORDER, FARM, "F-1029",
                command.issueDate(), null, false, command.lines(), List.of(), command.vat(), List.of(), SupplierInvoiceStatus.MATCHED, NOW);

        fixture.givenNoPriorActivity().when(command).expectEvents(matched);
        fixture.given(matched).when(new ResolveSupplierInvoiceCommand("si-1", GIRONDE, true, null))
                .expectException(DomainException.class).expectExceptionMessage("supplier-invoice.nothing-to-resolve");
    }

    @Test
    void differencesWaitForTheCoordinatorWhoAcceptsOrDisputesWithAReason() {
        AggregateTestFixture<SupplierInvoice> fixture = new AggregateTestFixture<>(SupplierInvoice.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        RecordSupplierInvoiceCommand command = record(List.of(PRICE));
        SupplierInvoiceRecordedEvent recorded = new SupplierInvoiceRecordedEvent("si-1", GIRONDE, ROUND, ORDER, FARM, "F-1029",
                command.issueDate(), null, false, command.lines(), List.of(), command.vat(), List.of(PRICE), SupplierInvoiceStatus.TO_REVIEW, NOW);

        fixture.givenNoPriorActivity().when(command).expectEvents(recorded);
        fixture.given(recorded).when(new ResolveSupplierInvoiceCommand("si-1", GIRONDE, false, " "))
                .expectException(DomainException.class).expectExceptionMessage("field.required [note]");
        fixture.given(recorded).when(new ResolveSupplierInvoiceCommand("si-1", GIRONDE, true, " hausse annoncée "))
                .expectEvents(new SupplierInvoiceResolvedEvent("si-1", GIRONDE, ROUND, SupplierInvoiceStatus.ACCEPTED, "hausse annoncée", NOW));
        fixture.given(recorded).when(new ResolveSupplierInvoiceCommand("si-1", GroupementId.of("00000000-0000-0000-0000-0000000000a2"), true, null))
                .expectException(NotFoundException.class);
    }

    @Test
    void aMemberInvoiceIsCancelledOnceByACreditNoteAndThenCannotBePaid() {
        MemberInvoiceId invoiceId = MemberInvoiceId.of("mi-1");
        AggregateTestFixture<MemberInvoice> fixture = new AggregateTestFixture<>(MemberInvoice.class);
        InvoiceDocument invoice = FacturXTest.invoice(VatRegime.REGISTERED, false);
        InvoiceDocument credit = FacturXTest.invoice(VatRegime.REGISTERED, true);
        MemberInvoiceIssuedEvent issued = new MemberInvoiceIssuedEvent(invoiceId, GIRONDE, ROUND, MEMBER, NOW, invoice);
        CreditNoteIssuedEvent credited = new CreditNoteIssuedEvent(invoiceId, MemberInvoiceId.of("cn-1"), GIRONDE, ROUND, MEMBER, NOW, credit);

        fixture.givenNoPriorActivity().when(new IssueMemberInvoiceCommand(invoiceId, GIRONDE, ROUND, MEMBER, NOW, invoice)).expectEvents(issued);
        fixture.given(issued).when(new IssueCreditNoteCommand(invoiceId, GIRONDE, MemberInvoiceId.of("cn-1"), NOW, credit)).expectEvents(credited);
        fixture.given(issued, credited).when(new IssueCreditNoteCommand(invoiceId, GIRONDE, MemberInvoiceId.of("cn-2"), NOW, credit))
                .expectException(DomainException.class).expectExceptionMessage("member-invoice.already-credited");
        fixture.given(issued, credited).when(new RecordInvoicePaymentCommand(invoiceId, GIRONDE, LocalDate.of(2026, 12, 1)))
                .expectException(DomainException.class).expectExceptionMessage("member-invoice.credited");
        fixture.given(issued).when(new RecordInvoicePaymentCommand(invoiceId, GIRONDE, LocalDate.of(2026, 12, 1)))
                .expectEvents(new MemberInvoicePaidEvent(invoiceId, GIRONDE, LocalDate.of(2026, 12, 1)));
        fixture.given(issued, new MemberInvoicePaidEvent(invoiceId, GIRONDE, LocalDate.of(2026, 12, 1)))
                .when(new RecordInvoicePaymentCommand(invoiceId, GIRONDE, LocalDate.of(2026, 12, 2)))
                .expectException(DomainException.class).expectExceptionMessage("member-invoice.already-paid");
    }
}
