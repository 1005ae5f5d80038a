package coop.mutua.ordering.process;

import coop.mutua.catalog.api.FindMembersQuery;
import coop.mutua.catalog.api.MemberSummary;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.ProjectionCatchUp;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierOrderId;
import coop.mutua.ordering.api.BelowMinimumDecidedEvent;
import coop.mutua.ordering.api.OrderingReadModels;
import coop.mutua.ordering.api.PurchaseRoundPooledEvent;
import coop.mutua.ordering.api.ReceptionRecordedEvent;
import coop.mutua.ordering.api.ShareChange;
import coop.mutua.ordering.api.SupplierOrderIds;
import coop.mutua.platform.tx.OwnTransaction;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Tells each member by e-mail what it will get once its round is pooled, and again when a reception changes it. Each
 * mail is recorded with the processor's token (member_notification), so a replay or a redelivery sends nothing twice.
 */
@Component
@ProcessingGroup("ordering-process")
class MemberNotifications {

    private static final Logger log = LoggerFactory.getLogger(MemberNotifications.class);

    private final JdbcClient jdbc;
    private final QueryGateway queries;
    private final ObjectProvider<JavaMailSender> mail;
    private final ProjectionCatchUp catchUp;
    private final Clock clock;
    private final String from;

    private final OwnTransaction ownTransaction;

    MemberNotifications(JdbcClient jdbc, QueryGateway queries, ObjectProvider<JavaMailSender> mail, ProjectionCatchUp catchUp,
                        Clock clock, @Value("${mutua.mail.from:commandes@mutua.invalid}") String from,
                        OwnTransaction ownTransaction) {
        this.ownTransaction = ownTransaction;
        this.jdbc = jdbc;
        this.queries = queries;
        this.mail = mail;
        this.catchUp = catchUp;
        this.clock = clock;
        this.from = from;
    }

    record Share(MemberId memberId, String product, BigDecimal asked, BigDecimal allocated, BigDecimal received, String status) {
    }

    @EventHandler
    void on(PurchaseRoundPooledEvent event) {
        String title = title(event.roundId());
        Map<MemberId, MemberSummary> members = members(event.groupementId());
        shares(event.roundId(), null).forEach((member, shares) -> {
            StringBuilder text = new StringBuilder("Bonjour,\n\nLa campagne « " + title
                    + " » est clôturée et les commandes sont regroupées. Voici ce que vous recevrez :\n\n");
            for (Share share : shares) {
                // An order cancelled at pooling orders nothing: the member's share was already nothing (no case reached).
                ShareChange change = "CANCELLED".equals(share.status()) && share.allocated().signum() > 0 ? ShareChange.SUPPLIER_CANCELLED
                        : ShareChange.of(new Quantity(share.asked()), new Quantity(share.allocated()));
                text.append("- ").append(share.product()).append(" : ").append(plain(share.allocated())).append(" (demandé ")
                        .append(plain(share.asked())).append(")").append(reason(change)).append('\n');
            }
            send(members, event.roundId(), member, "pooled", "Votre commande groupée « " + title + " »", text);
        });
    }

    @EventHandler
    void on(ReceptionRecordedEvent event) {
        catchUp.await(OrderingReadModels.SUPPLIER_ORDERS, event.supplierOrderId());
        String title = title(event.roundId());
        Map<MemberId, MemberSummary> members = members(event.groupementId());
        shares(event.roundId(), event.supplierOrderId()).forEach((member, shares) -> {
            List<Share> changed = shares.stream()
                    .filter(share -> share.received() != null && share.received().compareTo(share.allocated()) != 0).toList();
            if (changed.isEmpty()) {
                return;
            }
            StringBuilder text = new StringBuilder("Bonjour,\n\nLa livraison reçue pour la campagne « " + title
                    + " » diffère de la commande. Ce que vous recevez :\n\n");
            for (Share share : changed) {
                text.append("- ").append(share.product()).append(" : ").append(plain(share.received())).append(" au lieu de ")
                        .append(plain(share.allocated())).append('\n');
            }
            text.append("\nLe manque (ou le surplus) est réparti selon la règle de la campagne.\n");
            send(members, event.roundId(), member, "reception " + event.supplierOrderId() + " "
                    + event.receivedAt().toEpochMilli(), "Livraison de la campagne « " + title + " » : des quantités changent", text);
        });
    }

    /** A supplier order below its minimum cancelled by the coordinator: its members lose those lines, and are told. */
    @EventHandler
    void on(BelowMinimumDecidedEvent event) {
        if (event.confirmed()) {
            return;
        }
        String title = title(event.roundId());
        SupplierOrderId orderId = SupplierOrderIds.of(event.roundId(), event.supplierId());
        Map<MemberId, MemberSummary> members = members(event.groupementId());
        shares(event.roundId(), orderId).forEach((member, shares) -> {
            List<Share> lost = shares.stream().filter(share -> share.allocated().signum() > 0).toList();
            if (lost.isEmpty()) {
                return;
            }
            StringBuilder text = new StringBuilder("Bonjour,\n\nDans la campagne « " + title + " », la commande à l'un des"
                    + " fournisseurs n'atteignait pas son minimum et la coordination l'a annulée. Vous ne recevrez pas :\n\n");
            lost.forEach(share -> text.append("- ").append(share.product()).append(" : ").append(plain(share.allocated())).append('\n'));
            send(members, event.roundId(), member, "cancelled " + orderId,
                    "Campagne « " + title + " » : une commande fournisseur est annulée", text);
        });
    }

    private Map<MemberId, List<Share>> shares(RoundId roundId, SupplierOrderId supplierOrderId) {
        return jdbc.sql("""
                SELECT a.member_id, coalesce(r.name, a.product_id), a.asked, a.allocated, a.received, o.status
                FROM member_allocation a
                JOIN supplier_order o ON o.id = a.supplier_order_id AND o.round_id = a.round_id
                LEFT JOIN round_offer r ON r.round_id = a.round_id AND r.product_id = a.product_id
                WHERE a.round_id = :round AND (CAST(:order AS VARCHAR) IS NULL OR a.supplier_order_id = :order)
                ORDER BY a.member_id, 2""")
                .param("round", roundId.value()).param("order", supplierOrderId == null ? null : supplierOrderId.value(), Types.VARCHAR)
                .query((rs, n) -> new Share(MemberId.of(rs.getString(1)), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), rs.getString(6)))
                .list().stream()
                .collect(Collectors.groupingBy(Share::memberId, LinkedHashMap::new, Collectors.toList()));
    }

    /** Sends unless already sent; {@code members}: the groupement's members, read once per event. */
    private void send(Map<MemberId, MemberSummary> members, RoundId roundId, MemberId member, String about, String subject,
                      StringBuilder text) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return;
        }
        boolean sent = jdbc.sql("SELECT EXISTS (SELECT 1 FROM member_notification WHERE round_id = :round AND member_id = :member AND about = :about)")
                .param("round", roundId.value()).param("member", member.value()).param("about", about).query(Boolean.class).single();
        if (sent) {
            return;
        }
        MemberSummary summary = members.get(member);
        if (summary == null || summary.contactEmail() == null) {
            return;
        }
        // The same mail always has the same Message-ID, so that a repeat after a crash is recognisable as such.
        String messageId = "<member-" + member.value() + "-round-" + roundId.value() + "-"
                + UUID.nameUUIDFromBytes(about.getBytes(StandardCharsets.UTF_8)) + "@mutua>";
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(summary.contactEmail());
            helper.setSubject(subject);
            helper.setText(text.append("\nCordialement,\nMutua\n").toString());
            message.saveChanges();
            message.setHeader("Message-ID", messageId);
            sender.send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("could not write the mail to member " + member + " about round " + roundId, e);
        }
        // Recorded at once, in a transaction of its own (see SupplierOrderDispatch): a crash repeats this one mail at most.
        ownTransaction.run(() -> jdbc.sql("""
                INSERT INTO member_notification (round_id, member_id, about, recipient, sent_at)
                VALUES (:round, :member, :about, :to, :at) ON CONFLICT DO NOTHING""")
                .param("round", roundId.value()).param("member", member.value()).param("about", about)
                .param("to", summary.contactEmail()).param("at", Timestamp.from(clock.instant())).update());
        log.info("Member {} told about round {} ({})", member, roundId, about);
    }

    private Map<MemberId, MemberSummary> members(GroupementId groupementId) {
        return queries.query(new FindMembersQuery(groupementId), ResponseTypes.multipleInstancesOf(MemberSummary.class)).join().stream()
                .collect(Collectors.toMap(MemberSummary::id, Function.identity()));
    }

    private String title(RoundId roundId) {
        return jdbc.sql("SELECT title FROM purchase_round WHERE id = :id").param("id", roundId.value()).query(String.class)
                .optional().orElse(roundId.value());
    }

    private static String reason(ShareChange change) {
        return switch (change) {
            case AS_ORDERED -> "";
            case TOLERANCE_USED -> " : un peu plus, votre tolérance a complété un colis";
            case REDUCED -> " : un peu moins, le dernier colis n'a pas été complété";
            case NOT_ORDERED -> " : non commandé, le groupe n'a pas atteint un colis entier ou le minimum";
            case SUPPLIER_CANCELLED -> " : annulé, la commande au fournisseur n'atteignait pas son minimum";
        };
    }

    private static String plain(BigDecimal quantity) {
        return quantity.stripTrailingZeros().toPlainString().replace('.', ',');
    }
}
