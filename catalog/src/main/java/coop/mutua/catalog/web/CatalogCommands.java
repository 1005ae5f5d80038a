package coop.mutua.catalog.web;

import coop.mutua.kernel.ProjectionCatchUp;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/** Sends a catalog command and returns once the directory shows its effect (read-your-writes for pages and API). */
@Component
class CatalogCommands {

    static final String DIRECTORY = "catalog-directory";

    private final CommandGateway commands;
    private final ProjectionCatchUp catchUp;

    CatalogCommands(CommandGateway commands, ProjectionCatchUp catchUp) {
        this.commands = commands;
        this.catchUp = catchUp;
    }

    void send(Object command, Object aggregateId) {
        commands.sendAndWait(command);
        catchUp.await(DIRECTORY, aggregateId);
    }
}
