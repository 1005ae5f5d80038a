package coop.mutua.app.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary folders of test runs (databases, browser profiles, benchmark data): removed, so repeated runs do not fill the disk. */
public final class TempDirectories {

    private TempDirectories() {
    }

    /** Deletes the folder and everything in it; what cannot be deleted is left, silently (it is only temporary). */
    public static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // a file still held open by a process that has not exited yet
                }
            });
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // the folder changed while it was walked: leave the rest
        }
    }

    /** Deletes the folder when the JVM exits. */
    public static Path deleteAtExit(Path directory) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(directory), "delete-" + directory.getFileName()));
        return directory;
    }
}
