package coop.mutua.app.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One real SMTP server (GreenMail) for the whole test JVM, on a free port; every integration test context sends its
 * mail there. Tests find theirs by recipient, since every test groupement has its own addresses.
 */
public final class TestMail {

    private static GreenMail server;

    private TestMail() {
    }

    static synchronized Map<String, String> properties() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", Integer.toString(server.getSmtp().getPort()));
    }

    /** The first link to {@code path} (such as "/invitation/") in the latest mail to this address, waiting up to 10 s. */
    public static String awaitLink(String address, String path) {
        Pattern link = Pattern.compile("https?://\\S+" + Pattern.quote(path) + "[A-Za-z0-9_-]+");
        long giveUp = System.currentTimeMillis() + 10_000;
        while (true) {
            List<MimeMessage> received = to(address);
            if (!received.isEmpty()) {
                Matcher matcher = link.matcher(text(received.get(received.size() - 1)));
                if (matcher.find()) {
                    return matcher.group();
                }
            }
            if (System.currentTimeMillis() > giveUp) {
                throw new AssertionError("no mail with a link to " + path + " for " + address);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The text of a plain (not multipart) mail. */
    public static String text(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The subject of a mail. */
    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The messages received so far for this address. */
    public static List<MimeMessage> to(String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(message -> {
            try {
                Address[] recipients = message.getAllRecipients();
                return recipients != null && Arrays.stream(recipients).anyMatch(r -> r.toString().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
