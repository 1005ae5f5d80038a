package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.platform.db.EmbeddedDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default database: durable settings, a persistent folder, a clean stop, and the data again after a restart. */
class EmbeddedDatabaseTest {

    @TempDir
    Path dataDirectory;

    @Test
    void runsDurablyAndFindsItsDataAgainAfterARestart() throws SQLException {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDirectory, 0, true)) {
            database.createDatabaseIfMissing("mutua");
            try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
                assertThat(setting(statement, "fsync")).isEqualTo("on");
                assertThat(setting(statement, "synchronous_commit")).isEqualTo("on");
                assertThat(setting(statement, "full_page_writes")).isEqualTo("on");
                assertThat(setting(statement, "server_version_num")).startsWith("17");
                statement.execute("CREATE TABLE kept (line TEXT)");
                statement.execute("INSERT INTO kept VALUES ('commande de carottes')");
            }
        }
        assertThat(dataDirectory.resolve("postmaster.pid")).as("server stopped cleanly").doesNotExist();

        // Restarted with the small-server setting (README): the settings apply, the data is there.
        try (EmbeddedDatabase restarted = EmbeddedDatabase.start(dataDirectory, 0, true, 20, Map.of("shared_buffers", "32MB"))) {
            restarted.createDatabaseIfMissing("mutua");
            try (Connection connection = connect(restarted); Statement statement = connection.createStatement()) {
                assertThat(setting(statement, "shared_buffers")).isEqualTo("32MB");
                assertThat(setting(statement, "max_connections")).isEqualTo("20");
                try (ResultSet rows = statement.executeQuery("SELECT line FROM kept")) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).isEqualTo("commande de carottes");
                }
            }
        }
    }

    private static Connection connect(EmbeddedDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl("mutua"), database.username(), "");
    }

    private static String setting(Statement statement, String name) throws SQLException {
        try (ResultSet result = statement.executeQuery("SHOW " + name)) {
            result.next();
            return result.getString(1);
        }
    }
}
