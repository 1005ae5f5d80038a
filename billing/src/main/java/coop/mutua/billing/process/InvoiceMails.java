package coop.mutua.billing.process;

import coop.mutua.billing.api.CreditNoteIssuedEvent;
import coop.mutua.billing.api.InvoiceDocument;
import coop.mutua.billing.api.MemberInvoiceIssuedEvent;
import coop.mutua.billing.query.MemberInvoiceQueries;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.MemberInvoiceId;
import coop.mutua.platform.tx.OwnTransaction;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mails each member its invoice (or credit note) with the Factur-X PDF attached, once: the sent row is stored with the
 * processor's token, so a replay finds it and sends nothing (a crash between the SMTP server's acceptance and that
 * commit resends with the same Message-ID). Without SMTP configured, invoices are in the members' space and the API.
 */
@Component
@ProcessingGroup("billing-process")
class InvoiceMails {

    private static final Logger log = LoggerFactory.getLogger(InvoiceMails.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final JdbcClient jdbc;
    private final MemberInvoiceQueries invoices;
    private final ObjectProvider<JavaMailSender> mail;
    private final Clock clock;
    private final String from;
    private final OwnTransaction ownTransaction;

    InvoiceMails(JdbcClient jdbc, MemberInvoiceQueries invoices, ObjectProvider<JavaMailSender> mail, Clock clock,
                 @Value("${mutua.mail.from:commandes@mutua.invalid}") String from, OwnTransaction ownTransaction) {
        this.ownTransaction = ownTransaction;
        this.jdbc = jdbc;
        this.invoices = invoices;
        this.mail = mail;
        this.clock = clock;
        this.from = from;
    }

    @EventHandler
    void on(MemberInvoiceIssuedEvent event) {
        send(event.groupementId(), event.invoiceId(), event.document());
    }

    @EventHandler
    void on(CreditNoteIssuedEvent event) {
        send(event.groupementId(), event.creditNoteId(), event.document());
    }

    private void send(GroupementId groupementId, MemberInvoiceId invoiceId, InvoiceDocument document) {
        JavaMailSender sender = mail.getIfAvailable();
        String recipient = document.buyer().email();
        if (sender == null || recipient == null || recipient.isBlank()) {
            if (sender == null) {
                // Once per invoice: debug, not info (a round issues hundreds at a time).
                log.debug("No SMTP server configured (SPRING_MAIL_HOST): invoice {} is in the member's space only", document.number());
            }
            return;
        }
        boolean sent = jdbc.sql("SELECT EXISTS (SELECT 1 FROM member_invoice_mail WHERE invoice_id = :id)").param("id", invoiceId.value())
                .query(Boolean.class).single();
        if (sent) {
            return;
        }
        byte[] pdf = invoices.pdf(groupementId, invoiceId).orElseThrow(() -> new IllegalStateException("no file for invoice " + invoiceId));
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(recipient);
            if (document.seller().email() != null) {
                helper.setReplyTo(document.seller().email());
            }
            String kind = document.creditNote() ? "Avoir" : "Facture";
            helper.setSubject(kind + " " + document.number() + " – " + document.seller().name() + " – " + document.sale().roundTitle());
            helper.setText(document.creditNote() ? """
                    Bonjour,

                    Veuillez trouver ci-joint l'avoir %s, qui annule la facture %s de la campagne « %s ».

                    Cordialement,
                    %s
                    """.formatted(document.number(), document.cancels().originalNumber(), document.sale().roundTitle(), document.seller().name()) : """
                    Bonjour,

                    Veuillez trouver ci-joint la facture %s de la campagne d'achat groupé « %s » (livraison du %s), \
                    d'un montant de %s à régler au plus tard le %s.
                    Le PDF contient sa version électronique Factur-X, lisible par les logiciels comptables.

                    Cordialement,
                    %s
                    """.formatted(document.number(), document.sale().roundTitle(), DAY.format(document.sale().deliveryDate()),
                    BigDecimal.valueOf(document.draft().totalCents(), 2).toPlainString().replace('.', ',') + " €",
                    DAY.format(document.payment().dueDate()), document.seller().name()));
            helper.addAttachment((document.creditNote() ? "avoir-" : "facture-") + document.number() + ".pdf",
                    new ByteArrayResource(pdf), "application/pdf");
            message.saveChanges();
            message.setHeader("Message-ID", "<member-invoice-" + invoiceId + "@mutua>");
            sender.send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("could not write the mail of invoice " + document.number(), e);
        }
        // Recorded at once, in a transaction of its own (see SupplierOrderDispatch): a crash repeats this one mail at most.
        ownTransaction.run(() -> jdbc.sql(
                        "INSERT INTO member_invoice_mail (invoice_id, sent_at) VALUES (:id, :at) ON CONFLICT DO NOTHING")
                .param("id", invoiceId.value()).param("at", Timestamp.from(clock.instant())).update());
        log.info("{} {} e-mailed to {}", document.title(), document.number(), recipient);
    }
}
