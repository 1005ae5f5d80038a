package coop.mutua.billing.web;

import coop.mutua.billing.application.ReportingPurchases;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.Role;
import coop.mutua.kernel.RoundId;
import coop.mutua.ordering.api.FindPurchaseRoundsQuery;
import coop.mutua.ordering.api.PurchaseRoundSummary;
import coop.mutua.ordering.api.RoundStatus;
import coop.mutua.platform.web.Downloads;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The reports page (impact per round or over all rounds) and its CSV downloads. */
@Controller
@PreAuthorize("hasAnyRole('COORDINATOR', 'MEMBER')")
class ReportsPagesController {

    private final ReportingPurchases reports;
    private final QueryGateway queries;
    private final VisibleToCaller visible;

    ReportsPagesController(ReportingPurchases reports, QueryGateway queries, VisibleToCaller visible) {
        this.reports = reports;
        this.queries = queries;
        this.visible = visible;
    }

    @GetMapping("/reports")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'MEMBER')")
    String reports(Actor actor, @RequestParam(name = "round", required = false) String roundId, Model model) {
        List<PurchaseRoundSummary> pooled = queries.query(new FindPurchaseRoundsQuery(actor.groupementId(), EnumSet.allOf(RoundStatus.class)),
                        ResponseTypes.multipleInstancesOf(PurchaseRoundSummary.class)).join().stream()
                .filter(round -> round.pooledAt() != null).toList();
        PurchaseRoundSummary chosen = roundId == null || roundId.isBlank() ? null : visible.round(actor, NotFoundException.unlessReadable("round", roundId, RoundId::of));
        model.addAttribute("rounds", pooled);
        model.addAttribute("chosen", chosen);
        model.addAttribute("report", chosen == null ? reports.impact(actor) : reports.round(actor, chosen.roundId()));
        return "billing/reports";
    }

    @GetMapping("/reports/{file}.csv")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'MEMBER')")
    ResponseEntity<StreamingResponseBody> reportCsv(Actor actor, @PathVariable("file") String file,
                                                    @RequestParam(name = "round", required = false) String roundId) {
        return switch (file) {
            case "impact" -> {
                byte[] csv = ReportingPurchases.csv(roundId == null || roundId.isBlank() ? reports.impact(actor)
                        : reports.round(actor, visible.round(actor, NotFoundException.unlessReadable("round", roundId, RoundId::of)).roundId()));
                yield Downloads.stream(out -> out.write(csv), Downloads.CSV, "impact.csv");
            }
            case "ventes" -> coordinatorOnly(actor, () -> Downloads.stream(out -> reports.writeSales(actor, out), Downloads.CSV, "ventes.csv"));
            case "achats" -> coordinatorOnly(actor, () -> Downloads.stream(out -> reports.writePurchases(actor, out), Downloads.CSV, "achats.csv"));
            default -> throw new NotFoundException("report", file);
        };
    }

    private static ResponseEntity<StreamingResponseBody> coordinatorOnly(Actor actor, Supplier<ResponseEntity<StreamingResponseBody>> file) {
        if (!actor.is(Role.COORDINATOR)) {
            throw new NotFoundException("report", actor.username());
        }
        return file.get();
    }
}
