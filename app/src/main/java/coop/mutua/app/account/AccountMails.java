package coop.mutua.app.account;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
 * Invitation and password reset mails, in the person's language. Sent at once, not through an outbox: the link's
 * token must never rest in the database in clear, so a mail that fails is not retried; the invitation then shows its
 * link to the coordinator (as without SMTP), and a reset is simply asked again.
 */
@Component
public class AccountMails {

    private static final Logger log = LoggerFactory.getLogger(AccountMails.class);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final ObjectProvider<JavaMailSender> mail;
    private final MessageSource messages;
    private final String from;

    AccountMails(ObjectProvider<JavaMailSender> mail, MessageSource messages,
                 @Value("${mutua.mail.from:commandes@mutua.invalid}") String from) {
        this.mail = mail;
        this.messages = messages;
        this.from = from;
    }

    /** Whether mail can be sent at all (SMTP configured). */
    public boolean configured() {
        return mail.getIfAvailable() != null;
    }

    /** The invitation mail; false if it could not be sent (no SMTP, or the server refused). */
    boolean invitation(String to, String name, String groupement, String invitedBy, String link, Instant expires, Locale locale) {
        return send(to, "mail.invitation.subject", new Object[] {groupement},
                "mail.invitation.body", new Object[] {name, invitedBy, groupement, link, day(expires, locale)}, locale);
    }

    /** The reset mail, listing the logins of the address (one link each). */
    boolean reset(String to, String name, String login, String link, Instant expires, Locale locale) {
        return send(to, "mail.reset.subject", new Object[] {login},
                "mail.reset.body", new Object[] {name, login, link, time(expires, locale)}, locale);
    }

    private boolean send(String to, String subjectKey, Object[] subjectArgs, String bodyKey, Object[] bodyArgs, Locale locale) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
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

    private static String day(Instant at, Locale locale) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", locale)
                .format(at.atZone(PARIS));
    }

    private static String time(Instant at, Locale locale) {
        return DateTimeFormatter.ofPattern(locale.getLanguage().equals("en") ? "d MMMM yyyy, HH:mm" : "d MMMM yyyy à HH:mm", locale)
                .format(at.atZone(PARIS));
    }
}
