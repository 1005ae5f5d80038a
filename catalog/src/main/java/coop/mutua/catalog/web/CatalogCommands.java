package coop.mutua.catalog.web;

import coop.mutua.catalog.api.RegisterMemberCommand;
import coop.mutua.catalog.api.RegisterSupplierCommand;
import coop.mutua.catalog.api.UpdateMemberCommand;
import coop.mutua.catalog.api.UpdateSupplierCommand;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.InvalidFieldException;
import coop.mutua.kernel.ProjectionCatchUp;
import coop.mutua.kernel.Siret;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sends a catalog command and returns once the directory shows its effect (read-your-writes for pages and API). A supplier
 * or a member structure registered or changed with the SIRET of another of its kind in the groupement is refused first,
 * naming the one that has it: a SIRET is one establishment, so the second would be the same one twice (a coordinator
 * re-registering instead of reactivating, or a SIRET copied from another). Two requests at the same instant may still
 * both pass: the check reads the directory, as the pages do.
 */
@Component
class CatalogCommands {

    static final String DIRECTORY = "catalog-directory";

    private final CommandGateway commands;
    private final ProjectionCatchUp catchUp;
    private final JdbcClient jdbc;

    CatalogCommands(CommandGateway commands, ProjectionCatchUp catchUp, JdbcClient jdbc) {
        this.commands = commands;
        this.catchUp = catchUp;
        this.jdbc = jdbc;
    }

    void send(Object command, Object aggregateId) {
        if (command instanceof RegisterSupplierCommand register) {
            unique("supplier", register.groupementId(), register.siret(), register.supplierId().value());
        } else if (command instanceof UpdateSupplierCommand update) {
            unique("supplier", update.groupementId(), update.siret(), update.supplierId().value());
        } else if (command instanceof RegisterMemberCommand register) {
            unique("member_structure", register.groupementId(), register.siret(), register.memberId().value());
        } else if (command instanceof UpdateMemberCommand update) {
            unique("member_structure", update.groupementId(), update.siret(), update.memberId().value());
        }
        commands.sendAndWait(command);
        catchUp.await(DIRECTORY, aggregateId);
    }

    private void unique(String table, GroupementId groupementId, String siret, String id) {
        String normalised;
        try {
            normalised = new Siret(siret).value();
        } catch (DomainException unreadable) {
            return; // refused by the command's own checks, with its own reason
        }
        jdbc.sql("SELECT name FROM " + table + " WHERE groupement_id = :groupement AND siret = :siret AND id <> :id LIMIT 1")
                .param("groupement", groupementId.value()).param("siret", normalised).param("id", id)
                .query(String.class).optional()
                .ifPresent(holder -> {
                    throw new InvalidFieldException("siret", "siret.taken", normalised, holder);
                });
    }
}
