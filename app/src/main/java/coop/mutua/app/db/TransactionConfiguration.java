package coop.mutua.app.db;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The one transaction manager, on whichever database is configured (embedded or external). */
@Configuration(proxyBeanMethods = false)
public class TransactionConfiguration {

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new HonestTransactionManager(dataSource);
    }
}
