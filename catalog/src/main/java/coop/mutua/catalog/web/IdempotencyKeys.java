package coop.mutua.catalog.web;

import coop.mutua.kernel.Actor;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** An Idempotency-Key becomes the new resource's id, scoped to the caller, so a retried POST finds the first result. */
final class IdempotencyKeys {

    private IdempotencyKeys() {
    }

    static String id(Actor actor, String resource, String key) {
        String scope = actor.groupementId() + "/" + actor.userId() + "/" + resource + "/" + key;
        return UUID.nameUUIDFromBytes(scope.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
