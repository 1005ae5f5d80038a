package coop.mutua.app.web.operator;

import coop.mutua.app.axon.DeadLetters;
import coop.mutua.app.axon.DeadLetters.Sequence;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The operator's API for events a projection could not handle (ADR 17). */
@RestController
@PreAuthorize("hasRole('OPERATOR')")
@Tag(name = "Operator", description = "Groupements of the platform (operator only; nothing inside them)")
class DeadLettersApiController {

    /** What a retry or an eviction did. */
    record Outcome(String projection, String sequence, boolean handled, int evicted) {
    }

    private final DeadLetters deadLetters;

    DeadLettersApiController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping("/api/operator/dead-letters")
    @Operation(summary = "Events each projection is holding back, per aggregate, with the cause and how many were dropped beyond the bound")
    List<Sequence> list() {
        return deadLetters.list();
    }

    @PostMapping("/api/operator/dead-letters/{projection}/{sequence}/retry")
    @Operation(summary = "Let the projection handle the aggregate's held-back events again, in order",
            description = "handled is true when all went through; otherwise they stay, with the new cause.")
    Outcome retry(@PathVariable("projection") String projection, @PathVariable("sequence") String sequence) {
        return new Outcome(projection, sequence, deadLetters.retry(projection, sequence), 0);
    }

    @PostMapping("/api/operator/dead-letters/{projection}/{sequence}/evict")
    @Operation(summary = "Forget the aggregate's held-back events (the projection then needs a rebuild for it)")
    Outcome evict(@PathVariable("projection") String projection, @PathVariable("sequence") String sequence) {
        return new Outcome(projection, sequence, false, deadLetters.evict(projection, sequence));
    }
}
