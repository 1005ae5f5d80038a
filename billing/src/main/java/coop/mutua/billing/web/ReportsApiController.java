package coop.mutua.billing.web;

import coop.mutua.billing.api.ImpactView;
import coop.mutua.billing.application.ReportingPurchases;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.RoundId;
import coop.mutua.platform.web.Downloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Impact reports (a member: its own purchases) and the coordinator's accounting exports. */
@RestController
@Tag(name = "Reports", description = "Impact per round and over every round (spend, savings from pooling, ESS / organic / local shares), accounting exports")
class ReportsApiController {

    private final ReportingPurchases reports;
    private final VisibleToCaller visible;

    ReportsApiController(ReportingPurchases reports, VisibleToCaller visible) {
        this.reports = reports;
        this.visible = visible;
    }

    @GetMapping("/api/rounds/{id}/report")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'MEMBER')")
    @Operation(summary = "A round's impact report: spend, savings from pooling, ESS / organic / local shares, by member and supplier "
            + "(members: their own purchases)")
    ImpactView roundReport(@Parameter(hidden = true) Actor actor, @PathVariable("id") RoundId id) {
        return reports.round(actor, visible.roundId(actor, id));
    }

    @GetMapping("/api/rounds/{id}/report.csv")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'MEMBER')")
    @Operation(summary = "The same report as CSV (semicolon, decimal comma)")
    ResponseEntity<byte[]> roundReportCsv(@Parameter(hidden = true) Actor actor, @PathVariable("id") RoundId id) {
        return Downloads.file(ReportingPurchases.csv(reports.round(actor, visible.roundId(actor, id))), Downloads.CSV, "rapport-campagne.csv");
    }

    @GetMapping("/api/reports/impact")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'MEMBER')")
    @Operation(summary = "The impact over every pooled round (members: their own purchases)")
    ImpactView impact(@Parameter(hidden = true) Actor actor) {
        return reports.impact(actor);
    }

    @GetMapping("/api/reports/impact.csv")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'MEMBER')")
    @Operation(summary = "The impact over every pooled round, as CSV")
    ResponseEntity<byte[]> impactCsv(@Parameter(hidden = true) Actor actor) {
        return Downloads.file(ReportingPurchases.csv(reports.impact(actor)), Downloads.CSV, "impact.csv");
    }

    @GetMapping("/api/reports/sales.csv")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Accounting export: sales per VAT rate per member invoice and credit note")
    @ApiResponse(responseCode = "200", description = "The CSV file (semicolons, decimal comma, UTF-8 with a byte-order mark), written as it is read",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<StreamingResponseBody> sales(@Parameter(hidden = true) Actor actor) {
        return Downloads.stream(out -> reports.writeSales(actor, out), Downloads.CSV, "ventes.csv");
    }

    @GetMapping("/api/reports/purchases.csv")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Accounting export: purchases per VAT rate per supplier invoice and credit note")
    @ApiResponse(responseCode = "200", description = "The CSV file (semicolons, decimal comma, UTF-8 with a byte-order mark), written as it is read",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<StreamingResponseBody> purchases(@Parameter(hidden = true) Actor actor) {
        return Downloads.stream(out -> reports.writePurchases(actor, out), Downloads.CSV, "achats.csv");
    }
}
