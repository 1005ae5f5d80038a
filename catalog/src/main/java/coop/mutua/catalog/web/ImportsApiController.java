package coop.mutua.catalog.web;

import coop.mutua.catalog.api.ImportMode;
import coop.mutua.catalog.api.ImportReport;
import coop.mutua.catalog.api.SupplierSummary;
import coop.mutua.catalog.application.ImportingProducts;
import coop.mutua.catalog.query.DirectoryQueries;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.SupplierId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasAnyRole('COORDINATOR', 'SUPPLIER')")
@Tag(name = "Catalog import", description = "CSV catalogs: UTF-8 or Windows-1252, ';' or ',' separated, decimal comma or dot")
class ImportsApiController {

    private final DirectoryQueries directory;
    private final ImportingProducts productImports;

    ImportsApiController(DirectoryQueries directory, ImportingProducts productImports) {
        this.directory = directory;
        this.productImports = productImports;
    }

    @PostMapping(path = "/api/suppliers/{id}/products/import", consumes = {"text/csv", "text/plain", "application/octet-stream"})
    @Operation(summary = "Import a supplier's catalog from CSV and wait for the report",
            description = "Columns (French or English headers): reference, designation/name, categorie, unite, pas, colis, "
                    + "minimum, prix HT, TVA, paliers (\"50:1,75|100:1,60\"), labels (\"AB|equitable\"), origine, disponible. "
                    + "mode=ALL_OR_NOTHING (default: any bad row, nothing imported, answer 422) or VALID_ROWS. "
                    + "The supplier reference is the key: importing again updates, never duplicates.")
    @ApiResponse(responseCode = "200", description = "Imported: the report (rows read, imported, rejected with their reasons)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportReport.class)))
    @ApiResponse(responseCode = "422", description = "Rows refused, nothing imported (ALL_OR_NOTHING): the report lists every bad "
            + "row with its line, column and reason", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ImportReport.class)))
    @ApiResponse(responseCode = "500", description = "The import could not run to its end: the report says why",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportReport.class)))
    ResponseEntity<ImportReport> importCsv(@Parameter(hidden = true) Actor actor, @PathVariable("id") SupplierId supplierId,
                                           @RequestBody byte[] content,
                                           @RequestParam(name = "mode", defaultValue = "ALL_OR_NOTHING") ImportMode mode,
                                           @RequestHeader(name = "X-File-Name", required = false) String fileName) {
        SupplierSummary supplier = SuppliersPagesController.visibleSupplier(directory, actor, supplierId);
        ImportReport report = productImports.runNow(actor, supplier.id(), fileName, content, mode);
        HttpStatus status = switch (report.status()) {
            case DONE -> HttpStatus.OK;
            case REJECTED -> HttpStatus.UNPROCESSABLE_CONTENT;
            default -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
        return ResponseEntity.status(status).body(report);
    }

    @GetMapping("/api/imports/{id}")
    @Operation(summary = "Progress and report of an import")
    ImportReport report(@Parameter(hidden = true) Actor actor, @PathVariable("id") String id) {
        return ImportsPagesController.visibleReport(productImports, actor, id);
    }
}
