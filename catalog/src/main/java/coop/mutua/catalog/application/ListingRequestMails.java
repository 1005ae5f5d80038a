package coop.mutua.catalog.application;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The mails of a listing request: to the requester at each step (its private link, the coordinator's question, the
 * decision) and to the groupement's contact address when a request arrives or comes back amended. A mail that cannot
 * be sent is logged: the request is stored all the same and its pages say where it stands.
 */
@Component
class ListingRequestMails {

    private static final Logger log = LoggerFactory.getLogger(ListingRequestMails.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final MessageSource messages;
    private final String from;

    ListingRequestMails(ObjectProvider<JavaMailSender> mail, MessageSource messages,
                        @Value("${mutua.mail.from:commandes@mutua.invalid}") String from) {
        this.mail = mail;
        this.messages = messages;
        this.from = from;
    }

    boolean submitted(String to, String name, String groupement, String link, Locale locale) {
        return send(to, "mail.listing-request.submitted.subject", new Object[] {groupement},
                "mail.listing-request.submitted.body", new Object[] {name, groupement, link}, locale);
    }

    /** The groupement's coordination, in French (the instance's language). */
    void toCoordinators(String to, String supplier, String link) {
        send(to, "mail.listing-request.waiting.subject", new Object[] {supplier},
                "mail.listing-request.waiting.body", new Object[] {supplier, link}, Locale.FRENCH);
    }

    boolean changesRequested(String to, String name, String groupement, String question, String link, Locale locale) {
        return send(to, "mail.listing-request.changes.subject", new Object[] {groupement},
                "mail.listing-request.changes.body", new Object[] {name, groupement, question, link}, locale);
    }

    void accepted(String to, String name, String groupement, Locale locale) {
        send(to, "mail.listing-request.accepted.subject", new Object[] {groupement},
                "mail.listing-request.accepted.body", new Object[] {name, groupement}, locale);
    }

    void refused(String to, String name, String groupement, String reason, Locale locale) {
        send(to, "mail.listing-request.refused.subject", new Object[] {groupement},
                "mail.listing-request.refused.body", new Object[] {name, groupement, reason}, locale);
    }

    /** Whether the mail left for the mail server. */
    private boolean send(String to, String subjectKey, Object[] subjectArgs, String bodyKey, Object[] bodyArgs, Locale locale) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null || to == null || to.isBlank()) {
            log.info("Listing request mail '{}' not sent to {}: no mail server configured", subjectKey, to);
            return false;
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(messages.getMessage(subjectKey, subjectArgs, locale));
            helper.setText(messages.getMessage(bodyKey, bodyArgs, locale));
            sender.send(message);
            return true;
        } catch (MessagingException | MailException e) {
            log.warn("Could not send '{}' to {}: {}", subjectKey, to, e.getMessage());
            return false;
        }
    }
}
