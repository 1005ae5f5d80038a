package coop.mutua.app.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import coop.mutua.platform.db.EmbeddedDatabase;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The default database: with no {@code spring.datasource.url}, Mutua starts its own PostgreSQL and connects to it
 * through a Hikari pool. Spring destroys the pool before the server, so the server stops with no client left.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceUrl.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
public class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(EmbeddedDatabaseProperties properties) {
        EmbeddedDatabase database = EmbeddedDatabase.start(properties.dataDir(), properties.port(), true, properties.maxConnections(),
                Map.of("shared_buffers", properties.sharedBuffers()));
        database.createDatabaseIfMissing(properties.database());
        return database;
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedDatabase database, EmbeddedDatabaseProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("mutua-embedded");
        config.setJdbcUrl(database.jdbcUrl(properties.database()));
        config.setUsername(database.username());
        config.setMaximumPoolSize(properties.poolSize());
        return new HikariDataSource(config);
    }

    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
