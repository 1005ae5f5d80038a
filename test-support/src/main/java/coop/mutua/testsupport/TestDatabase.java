package coop.mutua.testsupport;

import coop.mutua.platform.db.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL server the tests run against, chosen once per JVM:
 * <ol>
 *   <li>{@code TEST_DATABASE_URL} (with {@code TEST_DATABASE_USER}, {@code TEST_DATABASE_PASSWORD}) if set;</li>
 *   <li>else a Testcontainers {@code postgres:17} when a Docker engine answers;</li>
 *   <li>else an embedded PostgreSQL 17 in a temporary folder.</li>
 * </ol>
 * Every Spring context gets a database of its own on that server, so contexts never see each other's rows.
 */
public final class TestDatabase {

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);
    private static final AtomicInteger DATABASES = new AtomicInteger();
    /** The Spring test contexts that use the test server (a context that failed to start is not active). */
    private static final List<ConfigurableApplicationContext> CONTEXTS =
            new CopyOnWriteArrayList<>();

    public static void using(ConfigurableApplicationContext context) {
        CONTEXTS.add(context);
    }

    private static void awaitContextsClosed() {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (CONTEXTS.stream().anyMatch(ConfigurableApplicationContext::isActive)
                && System.nanoTime() < giveUp) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
    private static Server server;

    /** Where the server is and how to reach it as a user allowed to create databases. */
    public record Server(String kind, String adminUrl, String username, String password) {

        String urlOf(String database) {
            int slash = adminUrl.indexOf('/', "jdbc:postgresql://".length());
            int query = adminUrl.indexOf('?', slash);
            return adminUrl.substring(0, slash + 1) + database + (query < 0 ? "" : adminUrl.substring(query));
        }
    }

    private TestDatabase() {
    }

    public static synchronized Server server() {
        if (server == null) {
            server = choose(System::getenv, () -> DockerClientFactory.instance().isDockerAvailable(),
                    TestDatabase::startContainer, TestDatabase::startEmbedded);
            log.info("Tests use a {} PostgreSQL at {}", server.kind(), server.adminUrl());
        }
        return server;
    }

    /** The choice itself, separated from its side effects so that it can be tested. */
    static Server choose(Function<String, String> environment, Supplier<Boolean> dockerAnswers,
                         Supplier<Server> container, Supplier<Server> embedded) {
        String url = environment.apply("TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            String user = environment.apply("TEST_DATABASE_USER");
            String password = environment.apply("TEST_DATABASE_PASSWORD");
            return new Server("configured", url, user == null ? "postgres" : user, password == null ? "" : password);
        }
        if (dockerAnswers.get()) {
            return container.get();
        }
        return embedded.get();
    }

    /**
     * A fresh database for one Spring context; when the server refuses CREATE DATABASE (a configured server with a
     * restricted user), the configured database itself, where tests still isolate their data by groupement.
     */
    public static Map<String, String> newDatabaseProperties() {
        Server chosen = server();
        String name = "mutua_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        String url;
        try (Connection connection = DriverManager.getConnection(chosen.adminUrl(), chosen.username(), chosen.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
            url = chosen.urlOf(name);
        } catch (SQLException refused) {
            log.warn("Could not create a test database ({}); using {} as configured", refused.getMessage(), chosen.adminUrl());
            url = chosen.adminUrl();
        }
        return Map.of("spring.datasource.url", url, "spring.datasource.username", chosen.username(),
                "spring.datasource.password", chosen.password());
    }

    /**
     * A fresh database with every migration on the classpath applied (a context's own, the platform's Axon storage),
     * for a slice test that runs a module's projections and queries on PostgreSQL without the application.
     */
    public static DataSource migrated() {
        DataSource dataSource = newDataSource();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }

    /** A fresh, empty database (a migration test applies the migrations up to where it needs). */
    public static DataSource newDataSource() {
        Map<String, String> properties = newDatabaseProperties();
        return new DriverManagerDataSource(properties.get("spring.datasource.url"), properties.get("spring.datasource.username"),
                properties.get("spring.datasource.password"));
    }

    private static Server startContainer() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17");
        container.start();
        return new Server("Testcontainers", container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }

    private static Server startEmbedded() {
        try {
            Path directory = Files.createTempDirectory("mutua-test-pg");
            // Several applications at once: the test contexts, and the nodes of CrashRecoveryTest and TwoNodesTest.
            EmbeddedDatabase database = EmbeddedDatabase.start(directory, 0, false, 400);
            // At exit the test contexts close in their own shutdown hooks, concurrently: the database waits for them (a
            // minute at most), or their processors would fail on a stopped server and hold the exit for a long time.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                awaitContextsClosed();
                database.close();
                TempDirectories.delete(directory);
            }, "embedded-postgres-stop"));
            return new Server("embedded", database.jdbcUrl("postgres"), database.username(), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
