package coop.mutua.billing.application;

import coop.mutua.billing.api.InvoiceContent;
import coop.mutua.billing.api.InvoiceDocument.Party;
import coop.mutua.billing.api.InvoiceDocument;
import coop.mutua.billing.api.InvoiceDocument.Parties;
import coop.mutua.billing.api.InvoiceDocument.PaymentTerms;
import coop.mutua.billing.api.InvoiceDocument.Sale;
import coop.mutua.billing.api.IssueCreditNoteCommand;
import coop.mutua.billing.api.IssueMemberInvoiceCommand;
import coop.mutua.billing.api.MemberInvoiceIds;
import coop.mutua.billing.application.InvoiceNumberSeries;
import coop.mutua.billing.domain.MemberInvoiceDrafts;
import coop.mutua.catalog.api.GroupementSummary;
import coop.mutua.catalog.api.MemberSummary;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.MemberInvoiceId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues one member invoice or credit note inside the caller's transaction: takes the next number of the groupement's
 * series, dates it, renders its Factur-X, stores the issuing event and the file. A rollback undoes all of it, number
 * included, so the series never has a gap.
 */
@Component
public class IssuingMemberInvoices {

    /** Invoices are dated in the groupements' time zone. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private final InvoiceNumberSeries numbers;
    private final InvoiceRendering rendering;
    private final CommandGateway commands;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final int paymentDays;
    private final String latePaymentTerms;

    IssuingMemberInvoices(InvoiceNumberSeries numbers, InvoiceRendering rendering, CommandGateway commands, JdbcClient jdbc, Clock clock,
                        @Value("${mutua.billing.payment-days:30}") int paymentDays,
                        @Value("${mutua.billing.late-payment-terms:trois fois le taux d'intérêt légal}") String latePaymentTerms) {
        this.numbers = numbers;
        this.rendering = rendering;
        this.commands = commands;
        this.jdbc = jdbc;
        this.clock = clock;
        this.paymentDays = paymentDays;
        this.latePaymentTerms = latePaymentTerms;
    }

    /**
     * The invoices of these members of the round, numbered in this order in the caller's transaction. The numbers are
     * taken first, all at once; the documents' files are rendered in parallel ({@link InvoiceRendering}: the PDF and its
     * Factur-X are most of an invoice's cost), and each invoice is stored, in order, as soon as its file is ready.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<MemberInvoiceId> issue(InvoicingPlan plan, List<MemberId> members) {
        GroupementSummary groupement = plan.groupement();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZONE);
        List<String> taken = numbers.next(groupement.id(), today.getYear(), members.size());
        List<InvoiceDocument> documents = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            MemberId memberId = members.get(i);
            InvoiceContent content = MemberInvoiceDrafts.of(plan.parts().get(memberId), groupement.vatRegime(), plan.feePercent(),
                    feeDescription(plan.feePercent()));
            documents.add(InvoiceDocument.invoice(taken.get(i), today,
                    new Parties(seller(groupement), groupement.vatRegime(), buyer(plan.members().get(memberId), memberId)),
                    new Sale(plan.round().roundId().value(), plan.round().title(), plan.round().deliveryDate()), content,
                    new PaymentTerms(today.plusDays(paymentDays), latePaymentTerms)));
        }
        List<Future<byte[]>> files = rendering.render(documents);
        List<MemberInvoiceId> issued = new ArrayList<>(members.size());
        try {
            for (int i = 0; i < members.size(); i++) {
                MemberId memberId = members.get(i);
                MemberInvoiceId invoiceId = MemberInvoiceIds.of(plan.round().roundId(), memberId);
                byte[] pdf = InvoiceRendering.await(files.get(i));
                commands.sendAndWait(new IssueMemberInvoiceCommand(invoiceId, groupement.id(), plan.round().roundId(), memberId, now,
                        documents.get(i)));
                store(invoiceId, pdf);
                issued.add(invoiceId);
            }
        } finally {
            files.forEach(file -> file.cancel(false));
        }
        return issued;
    }

    /** A credit note cancelling {@code original} entirely, numbered in the same series. */
    @Transactional(propagation = Propagation.MANDATORY)
    public MemberInvoiceId creditNote(GroupementId groupementId, MemberInvoiceId invoiceId, InvoiceDocument original, String reason) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZONE);
        String number = numbers.next(groupementId, today.getYear());
        InvoiceDocument document = original.creditNote(number, today, reason == null || reason.isBlank() ? null : reason.strip());
        MemberInvoiceId creditNoteId = MemberInvoiceIds.creditNoteOf(invoiceId);
        byte[] pdf = InvoiceRendering.await(rendering.render(List.of(document)).get(0));
        commands.sendAndWait(new IssueCreditNoteCommand(invoiceId, groupementId, creditNoteId, now, document));
        store(creditNoteId, pdf);
        return creditNoteId;
    }

    private void store(MemberInvoiceId invoiceId, byte[] pdf) {
        jdbc.sql("INSERT INTO member_invoice_file (invoice_id, pdf) VALUES (:id, :pdf)")
                .param("id", invoiceId.value()).param("pdf", pdf).update();
    }

    public static String feeDescription(BigDecimal percent) {
        return "Frais de fonctionnement du groupement (" + percent.stripTrailingZeros().toPlainString().replace('.', ',') + " %)";
    }

    public static Party seller(GroupementSummary groupement) {
        return new Party(groupement.name(), groupement.siret(), groupement.vatNumber(), groupement.address(), groupement.contactEmail());
    }

    public static Party buyer(MemberSummary member, MemberId memberId) {
        if (member == null) {
            throw new IllegalStateException("member " + memberId + " of the round is not in the directory");
        }
        return new Party(member.name(), member.siret(), member.vatNumber(), member.billingAddress(), member.contactEmail());
    }
}
