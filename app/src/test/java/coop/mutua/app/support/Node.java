package coop.mutua.app.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Mutua as operators run it: a JVM of its own (this test run's classpath, profile {@code test}), on a given database and
 * SMTP server, that a test can kill as {@code kill -9} would ({@link #kill()}: no shutdown hook, no graceful stop) and start
 * again on the same database. Its log goes to {@code app/target/nodes/<name>.log}.
 */
public final class Node implements AutoCloseable {

    private final String name;
    private final Map<String, String> database;
    private final int mailPort;
    private final Map<String, String> environment;
    private final int port;
    private Process process;

    public Node(String name, Map<String, String> database, int mailPort, Map<String, String> environment) {
        this.name = name;
        this.database = database;
        this.mailPort = mailPort;
        this.environment = environment;
        this.port = freePort();
    }

    public int port() {
        return port;
    }

    /** Starts the JVM and waits until it answers its health check (at most two minutes). */
    public Node start() {
        return launch().awaitHealthy();
    }

    /** Starts the JVM without waiting for it. */
    public Node launch() {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "coop.mutua.app.MutuaApplication",
                "--spring.profiles.active=test", "--server.port=" + port, "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mailPort,
                "--logging.level.coop.mutua=INFO", "--spring.datasource.hikari.maximum-pool-size=8"));
        database.forEach((key, value) -> command.add("--" + key + "=" + value));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        builder.environment().putAll(environment);
        File log = Path.of("target", "nodes", name + ".log").toFile();
        log.getParentFile().mkdirs();
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(log));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start node " + name, e);
        }
        return this;
    }

    /** Waits until the node answers its health check (at most two minutes). */
    public Node awaitHealthy() {
        File log = Path.of("target", "nodes", name + ".log").toFile();
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("node " + name + " stopped while starting; see " + log);
            }
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        throw new IllegalStateException("node " + name + " did not become healthy; see " + log);
    }

    /** As kill -9: the JVM ends at once, whatever it was doing. */
    public void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public String log() {
        try {
            return Files.readString(Path.of("target", "nodes", name + ".log"));
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        kill();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
