package coop.mutua.app.db;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * With {@code SPRING_DATASOURCE_URL} (+ user, password) Mutua uses that PostgreSQL. The pool is declared here rather
 * than left to Spring Boot because Axon's JDBC auto-configuration only sees a DataSource that exists before it runs,
 * and its ordering hints name Spring Boot 3's classes. Pool settings still come from {@code spring.datasource.hikari.*}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ExternalDatabaseConfiguration.DatasourceUrl.class)
public class ExternalDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(@Value("${spring.datasource.url}") String url,
                                @Value("${spring.datasource.username:}") String username,
                                @Value("${spring.datasource.password:}") String password) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("mutua");
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(username);
        dataSource.setPassword(password);
        dataSource.setMaximumPoolSize(20);
        return dataSource;
    }

    static class DatasourceUrl extends EmbeddedDatabaseConfiguration.NoDatasourceUrl {
        @Override
        public boolean matches(ConditionContext context,
                               AnnotatedTypeMetadata metadata) {
            return !super.matches(context, metadata);
        }
    }
}
