package coop.mutua.catalog.application;

import coop.mutua.catalog.api.RegisterMemberCommand;
import coop.mutua.catalog.api.RegisterSupplierCommand;
import coop.mutua.catalog.api.UpdateMemberCommand;
import coop.mutua.catalog.api.UpdateSupplierCommand;
import coop.mutua.catalog.query.DirectoryQueries;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.InvalidFieldException;
import coop.mutua.kernel.ProjectionCatchUp;
import coop.mutua.kernel.Siret;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * Sends a catalog command and returns once the directory shows its effect (read-your-writes for pages and API). A supplier
 * or a member structure registered or changed with the SIRET of another of its kind in the groupement is refused first,
 * naming the one that has it: a SIRET is one establishment, so the second would be the same one twice (a coordinator
 * re-registering instead of reactivating, or a SIRET copied from another). Two requests at the same instant may still
 * both pass: the check reads the directory, as the pages do.
 */
@Component
public class UpdatingTheDirectory {

    static final String DIRECTORY = "catalog-directory";

    private final CommandGateway commands;
    private final ProjectionCatchUp catchUp;
    private final DirectoryQueries directory;

    UpdatingTheDirectory(CommandGateway commands, ProjectionCatchUp catchUp, DirectoryQueries directory) {
        this.commands = commands;
        this.catchUp = catchUp;
        this.directory = directory;
    }

    public void send(Object command, Object aggregateId) {
        if (command instanceof RegisterSupplierCommand register) {
            unique(register.details() == null ? null : register.details().siret(), siret -> directory.supplierWithSiret(register.groupementId(), siret, register.supplierId()));
        } else if (command instanceof UpdateSupplierCommand update) {
            unique(update.details() == null ? null : update.details().siret(), siret -> directory.supplierWithSiret(update.groupementId(), siret, update.supplierId()));
        } else if (command instanceof RegisterMemberCommand register) {
            unique(register.siret(), siret -> directory.memberWithSiret(register.groupementId(), siret, register.memberId()));
        } else if (command instanceof UpdateMemberCommand update) {
            unique(update.siret(), siret -> directory.memberWithSiret(update.groupementId(), siret, update.memberId()));
        }
        commands.sendAndWait(command);
        catchUp.await(DIRECTORY, aggregateId);
    }

    private static void unique(String siret, Function<String, Optional<String>> holderOf) {
        String normalised;
        try {
            normalised = new Siret(siret).value();
        } catch (DomainException unreadable) {
            return; // refused by the command's own checks, with its own reason
        }
        holderOf.apply(normalised).ifPresent(holder -> {
            throw new InvalidFieldException("siret", "siret.taken", normalised, holder);
        });
    }
}
