package coop.mutua.app.axon;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.util.DeadLetterQueueProviderConfigurerModule;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every projection's dead letters on the JDBC queue (as Axon's auto-configuration would make it), bounded per aggregate and
 * in number of aggregates, and never stopping the projection (BoundedDeadLetterQueue); a gauge counts them per projection.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    @Bean
    DeadLetterQueueProviderConfigurerModule deadLetterQueueProviderConfigurerModule(
            EventProcessorProperties processors, ConnectionProvider connectionProvider, TransactionManager transactionManager,
            DeadLetterSchema schema, @Qualifier("eventSerializer") Serializer eventSerializer, Serializer genericSerializer,
            JdbcClient jdbc, MeterRegistry meters,
            @Value("${mutua.dead-letters.max-per-sequence:100}") int maxPerSequence,
            @Value("${mutua.dead-letters.max-sequences:10000}") int maxSequences) {
        return new DeadLetterQueueProviderConfigurerModule(processors, group -> config -> {
            Gauge.builder("mutua.projections.dead-letters", () -> jdbc
                            .sql("SELECT count(*) FROM deadletterentry WHERE processinggroup = :group").param("group", group)
                            .query(Long.class).single())
                    .tag("group", group).description("Events a projection could not handle, waiting for an operator")
                    .register(meters);
            return new BoundedDeadLetterQueue(group, JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                    .processingGroup(group)
                    .connectionProvider(connectionProvider)
                    .transactionManager(transactionManager)
                    .schema(schema)
                    .genericSerializer(genericSerializer)
                    .eventSerializer(eventSerializer)
                    .maxSequenceSize(maxPerSequence)
                    .maxSequences(maxSequences)
                    .build(), jdbc, meters);
        });
    }
}
