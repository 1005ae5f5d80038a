package coop.mutua.ordering.process;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.SupplierOrderId;
import coop.mutua.ordering.api.BelowMinimumDecidedEvent;
import coop.mutua.ordering.api.PurchaseRoundPooledEvent;
import coop.mutua.ordering.documents.PurchaseOrder;
import coop.mutua.ordering.documents.PurchaseOrderDocuments;
import coop.mutua.ordering.documents.PurchaseOrders;
import coop.mutua.platform.tx.OwnTransaction;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
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
 * E-mails each supplier its grouped purchase order (PDF and CSV attached) once the order stands: at pooling, or when
 * the coordinator confirms one below the supplier's minimum. A version is sent at least once and never twice: the
 * dispatch row is stored with the processor's token, so a replay or a redelivered event finds it and sends nothing.
 * The only window is a crash between the SMTP server's acceptance and that commit; the message is then sent again with
 * the same Message-ID, which mail clients use to drop the duplicate. Without SMTP configured, orders stay in the
 * supplier portal and the API only.
 */
@Component
@ProcessingGroup("ordering-process")
class SupplierOrderDispatch {

    private static final Logger log = LoggerFactory.getLogger(SupplierOrderDispatch.class);

    private final JdbcClient jdbc;
    private final PurchaseOrders purchaseOrders;
    private final ObjectProvider<JavaMailSender> mail;
    private final Clock clock;
    private final String from;
    private final OwnTransaction ownTransaction;

    SupplierOrderDispatch(JdbcClient jdbc, PurchaseOrders purchaseOrders, ObjectProvider<JavaMailSender> mail,
                          Clock clock, @Value("${mutua.mail.from:commandes@mutua.invalid}") String from,
                          OwnTransaction ownTransaction) {
        this.ownTransaction = ownTransaction;
        this.jdbc = jdbc;
        this.purchaseOrders = purchaseOrders;
        this.mail = mail;
        this.clock = clock;
        this.from = from;
    }

    record Ready(SupplierOrderId id, SupplierId supplierId, int version) {
    }

    /** At pooling: every supplier order that stands (those below their minimum wait for the coordinator). */
    @EventHandler
    void on(PurchaseRoundPooledEvent event) {
        ready(event.groupementId(), event.roundId(), null).forEach(order -> send(event.groupementId(), order));
    }

    @EventHandler
    void on(BelowMinimumDecidedEvent event) {
        if (event.confirmed()) {
            ready(event.groupementId(), event.roundId(), event.supplierId()).forEach(order -> send(event.groupementId(), order));
        }
    }

    /**
     * The round's supplier orders that order something and whose current version was not sent yet: all those not below
     * their minimum, or the one of {@code confirmedSupplier} (confirmed below its minimum).
     */
    private List<Ready> ready(GroupementId groupementId, RoundId roundId, SupplierId confirmedSupplier) {
        return jdbc.sql("""
                SELECT o.id, o.supplier_id, o.version FROM supplier_order o
                WHERE o.groupement_id = :groupement AND o.round_id = :round AND o.total_excl_vat_cents > 0 AND o.status <> 'CANCELLED'
                  AND NOT EXISTS (SELECT 1 FROM supplier_order_dispatch d WHERE d.supplier_order_id = o.id AND d.version = o.version)
                  AND (CAST(:supplier AS VARCHAR) IS NULL AND NOT o.below_minimum OR o.supplier_id = :supplier)
                ORDER BY o.supplier_id""")
                .param("groupement", groupementId.value()).param("round", roundId.value())
                .param("supplier", confirmedSupplier == null ? null : confirmedSupplier.value(), Types.VARCHAR)
                .query((rs, n) -> new Ready(SupplierOrderId.of(rs.getString(1)), SupplierId.of(rs.getString(2)), rs.getInt(3)))
                .list();
    }

    private void send(GroupementId groupementId, Ready order) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            log.info("No SMTP server configured (SPRING_MAIL_HOST): supplier order {} is in the supplier portal only", order.id());
            return;
        }
        PurchaseOrder document = purchaseOrders.of(groupementId, order.id(), null);
        String recipient = document.supplier().email();
        String messageId = "<supplier-order-" + order.id() + "-v" + order.version() + "@mutua>";
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(recipient);
            if (document.buyer().email() != null) {
                helper.setReplyTo(document.buyer().email());
            }
            helper.setSubject("Bon de commande groupée " + document.number() + " – " + document.buyer().name());
            helper.setText("""
                    Bonjour,

                    Veuillez trouver ci-joint le bon de commande groupée %s de %s pour la campagne « %s », \
                    à livrer le %s à : %s.
                    Le détail par structure (colisage) figure à la fin du PDF ; le fichier CSV reprend les lignes.
                    Vous pouvez confirmer la commande ou signaler un changement dans votre espace fournisseur Mutua.

                    Cordialement,
                    %s
                    """.formatted(document.number(), document.buyer().name(), document.roundTitle(),
                    document.deliveryDate().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                    document.deliveryPlace(), document.buyer().name()));
            helper.addAttachment("bon-de-commande-" + document.number() + ".pdf",
                    new ByteArrayResource(PurchaseOrderDocuments.pdf(document)), "application/pdf");
            helper.addAttachment("bon-de-commande-" + document.number() + ".csv",
                    new ByteArrayResource(PurchaseOrderDocuments.csv(document)), "text/csv; charset=UTF-8");
            message.saveChanges();
            message.setHeader("Message-ID", messageId);
            sender.send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("could not write the mail of supplier order " + order.id(), e);
        }
        // Recorded at once, in a transaction of its own: if the processor's transaction rolls back or the node dies later,
        // this mail is not sent again; only a crash between the send and this line repeats it, with the same Message-ID.
        ownTransaction.run(() -> jdbc.sql("""
                INSERT INTO supplier_order_dispatch (supplier_order_id, version, recipient, message_id, sent_at)
                VALUES (:id, :version, :to, :messageId, :at) ON CONFLICT DO NOTHING""")
                .param("id", order.id().value()).param("version", order.version()).param("to", recipient)
                .param("messageId", messageId).param("at", Timestamp.from(clock.instant()))
                .update());
        log.info("Supplier order {} (version {}) e-mailed to {}", order.id(), order.version(), recipient);
    }
}
