package coop.mutua.app.bench;

import coop.mutua.app.MutuaApplication;
import coop.mutua.testsupport.TempDirectories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts Mutua in-process for a benchmark: a fresh embedded (durable) PostgreSQL, any free ports, quiet logs. */
final class BenchmarkApp {

    private BenchmarkApp() {
    }

    /** @param settings further application arguments, to compare settings (e.g. {@code --server.tomcat.threads.max=6}) */
    static ConfigurableApplicationContext start(String name, List<String> settings) throws IOException {
        // Deleted when the harness exits (after the application, and its database, have stopped).
        return start(TempDirectories.deleteAtExit(Files.createTempDirectory("mutua-bench-" + name)), settings);
    }

    /** The same on a data directory that stays (its database can then be served by the application). */
    static ConfigurableApplicationContext start(Path data, List<String> settings) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        List<String> arguments = new ArrayList<>(List.of("--mutua.data-dir=" + data, "--mutua.embedded-db.port=0", "--server.port=0",
                "--logging.level.root=WARN", "--logging.level.coop.mutua=WARN"));
        arguments.addAll(settings);
        return new SpringApplicationBuilder(MutuaApplication.class).run(arguments.toArray(String[]::new));
    }
}
