package coop.mutua.testsupport;

import java.io.IOException;
import java.nio.file.Path;
import org.springframework.util.FileSystemUtils;

/** Temporary folders of test runs (databases, browser profiles, benchmark data): removed, so repeated runs do not fill the disk. */
public final class TempDirectories {

    private TempDirectories() {
    }

    /** Deletes the folder and everything in it; if that fails (a file still held open), the rest is left: it is temporary. */
    public static void delete(Path directory) {
        try {
            FileSystemUtils.deleteRecursively(directory);
        } catch (IOException ignored) {
            // left for the system's cleaning of temporary files
        }
    }

    /** Deletes the folder when the JVM exits. */
    public static Path deleteAtExit(Path directory) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(directory), "delete-" + directory.getFileName()));
        return directory;
    }
}
