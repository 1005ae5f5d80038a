package coop.mutua.app.db;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL, used when no {@code spring.datasource.url} is configured.
 *
 * @param dataDir        where the database files live (env MUTUA_DATA_DIR sets the parent folder)
 * @param port           TCP port on localhost; 0 picks a free one
 * @param database       name of the application's database inside the server
 * @param sharedBuffers  PostgreSQL's shared memory for cached pages ({@code 128MB}; {@code 32MB} on a small server)
 * @param maxConnections connections the server accepts
 * @param poolSize       connections the application keeps open to it at most
 */
@ConfigurationProperties(prefix = "mutua.embedded-db")
public record EmbeddedDatabaseProperties(Path dataDir, int port, String database, @DefaultValue("128MB") String sharedBuffers,
                                         @DefaultValue("100") int maxConnections, @DefaultValue("20") int poolSize) {
}
