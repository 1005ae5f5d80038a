package coop.mutua.app.axon;

import java.time.Clock;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
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

    /**
     * Axon's replay token carries its context as an {@code Object} with a class name; Jackson 3 refuses such
     * polymorphism unless told which classes may appear. Only Axon's, Mutua's and plain JDK value types may:
     * without this, resetting a projection for a replay fails when its token is stored.
     */
    @Bean
    Jackson3SerializerCustomizer restrictedPolymorphism() {
        return builder -> builder.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .allowIfSubType("coop.mutua.")
                .allowIfSubType("java.lang.")
                .allowIfSubType("java.util.")
                .allowIfSubType("java.time.")
                .build());
    }

    /**
     * Axon's own auto-configuration of this bean waits for Spring Boot 3's transaction auto-configuration by class name;
     * on Boot 4 that class moved, its condition is evaluated before the transaction manager exists, and Axon silently
     * falls back to no transactions at all: a command's events, its subscribing projections and a tracking processor's
     * token and writes each committed statement by statement. Declared here, every unit of work is one transaction of
     * the application's single transaction manager (ArchitectureTest and AxonTransactionsTest check it).
     */
    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    /**
     * The JDBC event storage engine, built as Axon's JDBC auto-configuration builds it (which steps back as soon as an
     * event store is declared, as below).
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer, PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration, ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema())
                .build();
    }

    /** Axon's embedded event store, waking the processors up after the real commit (see CommitAwareEventStore). */
    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration) {
        return new CommitAwareEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class)));
    }

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new UniqueViolationResolver();
    }

    @Bean
    SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema();
    }

    /**
     * A subscribing projection writes in the command's own transaction: if it fails, the command must fail. Axon's default
     * for them only logs and goes on, while PostgreSQL has already doomed the transaction: its commit then silently rolled
     * back and the client was answered 200 for an order that was not stored (issue 15). Their failures now propagate.
     */
    @Bean
    ConfigurerModule projectionFailuresPropagate() {
        // Tracking projections with a dead-letter queue already propagate to it (Axon's DeadLetteringEventHandlerInvoker).
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance());
    }

    /** Command handlers ask for the clock so that tests can fix "now". */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Every command leaves with the acting user, its groupement and a correlation id in its metadata, and only if no read
     * model would refuse one of its values (CommandLimits).
     */
    @Bean
    ConfigurerModule actorMetadataOnCommands() {
        return configurer -> configurer.onInitialize(config -> config.onStart(() -> {
            CommandBus commandBus = config.commandBus();
            commandBus.registerDispatchInterceptor(new ActorMetadataInterceptor());
            commandBus.registerHandlerInterceptor(new CommandLimits());
        }));
    }
}
