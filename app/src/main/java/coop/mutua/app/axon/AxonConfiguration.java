package coop.mutua.app.axon;

import java.time.Clock;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon on PostgreSQL: JDBC event store, token store, saga store and dead-letter queue come from Axon's JDBC
 * auto-configuration (tables by Flyway); this class adds what Mutua needs on top.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /** Copies the correlation id (or the origin message id) and trace id from a command to its events. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /** Copies who acted, and for which groupement, from a command to every event it causes. */
    @Bean
    CorrelationDataProvider actorCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(ActorMetadata.USER_ID, ActorMetadata.GROUPEMENT_ID);
    }

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new UniqueViolationResolver();
    }

    @Bean
    SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema();
    }

    /** Command handlers ask for the clock so that tests can fix "now". */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Every command leaves with the acting user, its groupement and a correlation id in its metadata. */
    @Bean
    ConfigurerModule actorMetadataOnCommands() {
        return configurer -> configurer.onInitialize(config -> config.onStart(() -> {
            CommandBus commandBus = config.commandBus();
            commandBus.registerDispatchInterceptor(new ActorMetadataInterceptor());
        }));
    }
}
