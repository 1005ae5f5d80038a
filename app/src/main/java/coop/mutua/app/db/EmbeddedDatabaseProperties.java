package coop.mutua.app.db;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded PostgreSQL, used when no {@code spring.datasource.url} is configured.
 *
 * @param dataDir  where the database files live (env MUTUA_DATA_DIR sets the parent folder)
 * @param port     TCP port on localhost; 0 picks a free one
 * @param database name of the application's database inside the server
 */
@ConfigurationProperties(prefix = "mutua.embedded-db")
public record EmbeddedDatabaseProperties(Path dataDir, int port, String database) {
}
