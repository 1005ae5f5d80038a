package coop.mutua.app.web.operator;

import coop.mutua.app.axon.ReadModelCatalog;
import coop.mutua.app.axon.ReadModelRebuilds;
import coop.mutua.app.axon.ReadModelRebuilds.Rebuild;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The operator's API to rebuild read models from the event store while the service keeps answering (ADR 19). */
@RestController
@PreAuthorize("hasRole('OPERATOR')")
@Tag(name = "Operator", description = "Groupements of the platform (operator only; nothing inside them)")
class ReadModelsApiController {

    /** A read model and the tables a rebuild replaces. */
    record ReadModelView(String name, List<String> tables) {
    }

    /** The read models, and the running or last rebuild (null before the first). */
    record ReadModels(List<ReadModelView> readModels, Rebuild rebuild) {
    }

    /** Which read models to rebuild: their names, or "all". */
    record RebuildRequest(List<String> readModels) {
    }

    private final ReadModelCatalog catalog;
    private final ReadModelRebuilds rebuilds;

    ReadModelsApiController(ReadModelCatalog catalog, ReadModelRebuilds rebuilds) {
        this.catalog = catalog;
        this.rebuilds = rebuilds;
    }

    @GetMapping("/api/operator/read-models")
    @Operation(summary = "The read models that can be rebuilt, with their tables, and the running or last rebuild",
            description = "rebuild.state: COPYING, REPLAYING, SWAPPING, DONE or FAILED (with failure); position and head are "
                    + "event indexes (percent is position over head).")
    ReadModels list() {
        return new ReadModels(catalog.all().stream().map(entry -> new ReadModelView(entry.name(), entry.allTables())).toList(),
                rebuilds.current().orElse(null));
    }

    @PostMapping("/api/operator/read-models/rebuilds")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Rebuild read models from every stored event, in the background",
            description = "readModels: names from GET /api/operator/read-models, or \"all\"; read models whose tables these "
                    + "also write are rebuilt with them. The service keeps answering from the current tables until the new "
                    + "ones have caught up, then swaps them in one transaction. 409 while another rebuild runs; follow "
                    + "its progress with GET /api/operator/read-models.")
    Rebuild rebuild(@RequestBody RebuildRequest request) {
        return rebuilds.start(request.readModels());
    }
}
