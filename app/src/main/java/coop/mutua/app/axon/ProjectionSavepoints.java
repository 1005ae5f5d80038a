package coop.mutua.app.axon;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A tracking processor handles a batch of events in one transaction (its writes and its token commit together). When
 * one event's handler fails in SQL, PostgreSQL refuses every later statement of that transaction: the dead-letter queue
 * could not even record the failure, and the batch would be retried for ever. Each event handler of a tracking
 * processor therefore runs inside a savepoint (a nested transaction): a failure rolls back that handler's writes only,
 * the event is dead-lettered, and the rest of the batch goes on (AxonStorageTest).
 *
 * <p>Handlers of subscribing processors are left alone: they write in the command's own transaction, and a failure there
 * must fail the command as a whole. So are aggregates' event-sourcing handlers (no processing group).
 */
@Component
class ProjectionSavepoints implements HandlerEnhancerDefinition {

    private final TransactionTemplate nested;
    private final Environment environment;

    ProjectionSavepoints(PlatformTransactionManager transactionManager, Environment environment) {
        this.nested = new TransactionTemplate(transactionManager);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.environment = environment;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        ProcessingGroup group = original.declaringClass().getAnnotation(ProcessingGroup.class);
        if (group == null || !original.canHandleMessageType(EventMessage.class)
                || "subscribing".equalsIgnoreCase(environment.getProperty("axon.eventhandling.processors." + group.value() + ".mode"))) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                try {
                    return nested.execute(status -> {
                        try {
                            return original.handle(message, target);
                        } catch (RuntimeException | Error e) {
                            throw e;
                        } catch (Exception e) {
                            throw new CheckedFailure(e);
                        }
                    });
                } catch (CheckedFailure failure) {
                    throw (Exception) failure.getCause();
                }
            }
        };
    }

    /** Carries a checked exception of a handler through the transaction template, to be thrown again as it was. */
    private static final class CheckedFailure extends RuntimeException {
        CheckedFailure(Exception cause) {
            super(cause);
        }
    }
}
