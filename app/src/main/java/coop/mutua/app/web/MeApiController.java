package coop.mutua.app.web;

import coop.mutua.app.account.Account;
import coop.mutua.app.security.CurrentActor;
import coop.mutua.catalog.api.Directory;
import coop.mutua.catalog.api.FindGroupementQuery;
import coop.mutua.kernel.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Me", description = "The caller's account")
class MeApiController {

    /** The caller: role, groupement, and the member structure or supplier it acts for. */
    record Me(String userId, String username, String displayName, String role, String groupementId,
              String groupementName, String memberId, String supplierId) {
    }

    private final Directory directory;

    MeApiController(Directory directory) {
        this.directory = directory;
    }

    @GetMapping("/api/me")
    @Operation(summary = "Who am I: role, groupement, member structure or supplier (the operator: role OPERATOR, no groupement)")
    Me me() {
        Account account = CurrentActor.account()
                .orElseThrow(() -> new AccessDeniedException("login required"));
        if (account.isOperator()) {
            return new Me(account.id().value(), account.username(), account.displayName(), account.role().name(), null, null,
                    null, null);
        }
        Actor actor = account.actor();
        String groupementName = directory.handle(new FindGroupementQuery(actor.groupementId()))
                .map(groupement -> groupement.name()).orElse(null);
        return new Me(actor.userId().value(), actor.username(), actor.displayName(), actor.role().name(),
                actor.groupementId().value(), groupementName,
                actor.member().map(Object::toString).orElse(null), actor.supplier().map(Object::toString).orElse(null));
    }
}
