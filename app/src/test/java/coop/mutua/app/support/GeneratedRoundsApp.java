package coop.mutua.app.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import coop.mutua.app.MutuaApplication;
import coop.mutua.testsupport.TestDatabase;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application, started once for a jqwik test class and shared by its tries: jqwik does not run JUnit 5
 * extensions, so {@code @IntegrationTest} (SpringExtension) does not apply to properties. It is started the way
 * {@link IntegrationTest} starts it: profile {@code test}, any free port, a PostgreSQL database of its own on the test
 * server ({@link TestDatabase}, through the same steps as {@link TestDatabaseInitializer}). The only difference is the
 * SMTP server: one of its own ({@link #purgeMail()} empties it), because a long run sends tens of thousands of invoice
 * mails with their PDF, which the JVM-wide {@link TestMail} server would keep in memory until the JVM ends.
 */
public final class GeneratedRoundsApp {

    private static ConfigurableApplicationContext context;
    private static GreenMail mail;
    private static int mailPort;

    private GeneratedRoundsApp() {
    }

    /** The running application, started at the first call. */
    public static synchronized ConfigurableApplicationContext context() {
        if (context == null || !context.isActive()) {
            if (mail == null) {
                mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
                mail.start();
                mailPort = mail.getSmtp().getPort();
            }
            ApplicationContextInitializer<ConfigurableApplicationContext> database = app -> {
                TestPropertyValues.of(TestDatabase.newDatabaseProperties())
                        .and(Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", Integer.toString(mailPort),
                                // Above application.yml's ${PORT:8080} (default properties are below it).
                                "server.port", "0"))
                        .applyTo(app.getEnvironment());
                TestDatabase.using(app);
            };
            System.setProperty("axoniq.update-checker.disabled", "true");
            context = new SpringApplicationBuilder(MutuaApplication.class)
                    .profiles("test")
                    .initializers(database)
                    .run();
        }
        return context;
    }

    public static int port() {
        return Integer.parseInt(context().getEnvironment().getRequiredProperty("local.server.port"));
    }

    public static TestGroupements groupements() {
        return context().getBean(TestGroupements.class);
    }

    /** Forgets the mail received so far (each try's groupement has addresses of its own). */
    public static synchronized void purgeMail() {
        if (mail != null) {
            try {
                mail.purgeEmailFromAllMailboxes();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Runs {@code work} while the application's SMTP server does not answer (an outage), then starts it again on the
     * same port.
     */
    public static void withMailDown(Runnable work) {
        context();
        synchronized (GeneratedRoundsApp.class) {
            mail.stop();
        }
        try {
            work.run();
        } finally {
            synchronized (GeneratedRoundsApp.class) {
                mail = new GreenMail(new ServerSetup(mailPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
                mail.start();
            }
        }
    }

    /** Stops the application and its mail server (the test database server stays for the other test classes). */
    public static synchronized void stop() {
        if (context != null) {
            context.close();
            context = null;
        }
        if (mail != null) {
            mail.stop();
            mail = null;
        }
    }
}
