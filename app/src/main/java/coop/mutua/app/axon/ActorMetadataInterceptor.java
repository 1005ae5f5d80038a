package coop.mutua.app.axon;

import coop.mutua.app.security.CurrentActor;
import coop.mutua.app.web.CorrelationIdFilter;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.AddressedToGroupement;
import coop.mutua.kernel.GroupementScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.slf4j.MDC;

/**
 * Puts the acting user, the groupement and the request's correlation id (as Axon's {@code traceId}) on every
 * command; Axon's correlation providers copy them, with {@code correlationId} = the command's id, to its events. The groupement is the one the command
 * is about; when a user is logged in it must be the user's own, so a programming error that would let one
 * groupement act on another is stopped here, before any event is written.
 */
class ActorMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Optional<Actor> actor = CurrentActor.get();
            String groupementId = groupementOf(command, actor);
            Map<String, Object> metadata = new HashMap<>();
            // A logged-in user always wins; background work (imports, schedules) may name the user it acts for.
            metadata.put(ActorMetadata.USER_ID, actor.map(a -> a.userId().value())
                    .or(() -> CurrentActor.account().map(operator -> operator.id().value()))
                    .orElseGet(() -> String.valueOf(command.getMetaData().getOrDefault(ActorMetadata.USER_ID, ActorMetadata.SYSTEM_USER))));
            if (groupementId != null) {
                metadata.put(ActorMetadata.GROUPEMENT_ID, groupementId);
            }
            if (!command.getMetaData().containsKey(ActorMetadata.TRACE_ID)) {
                String requestId = MDC.get(CorrelationIdFilter.MDC_KEY);
                metadata.put(ActorMetadata.TRACE_ID, requestId != null ? requestId : UUID.randomUUID().toString());
            }
            return command.andMetaData(metadata);
        };
    }

    private static String groupementOf(CommandMessage<?> command, Optional<Actor> actor) {
        if (command.getPayload() instanceof AddressedToGroupement addressed && addressed.groupementId() != null) {
            return addressed.groupementId().value();
        }
        if (command.getPayload() instanceof GroupementScoped scoped && scoped.groupementId() != null) {
            String target = scoped.groupementId().value();
            actor.filter(a -> !a.groupementId().value().equals(target)).ifPresent(a -> {
                throw new SecurityException("user " + a.userId() + " of groupement " + a.groupementId()
                        + " may not act on groupement " + target);
            });
            return target;
        }
        return actor.map(a -> a.groupementId().value()).orElse(null);
    }
}
