package coop.mutua.ordering.web;

import coop.mutua.kernel.Actor;
import coop.mutua.kernel.CsvCells;
import coop.mutua.ordering.application.SectorMeetings;
import coop.mutua.platform.web.Downloads;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The coordinator's view by sector and department, to prepare territorial meetings (ADR 22); also as CSV. */
@Controller
@PreAuthorize("hasRole('COORDINATOR')")
class MeetingsController {

    private final SectorMeetings meetings;
    private final Clock clock;

    MeetingsController(SectorMeetings meetings, Clock clock) {
        this.meetings = meetings;
        this.clock = clock;
    }

    @GetMapping("/meetings")
    String page(Actor actor, Model model) {
        model.addAttribute("rows", meetings.of(actor.groupementId(), LocalDate.now(clock)));
        return "ordering/meetings";
    }

    @GetMapping("/meetings.csv")
    ResponseEntity<byte[]> csv(Actor actor) {
        return Downloads.file(csv(meetings.of(actor.groupementId(), LocalDate.now(clock))).getBytes(StandardCharsets.UTF_8), Downloads.CSV,
                "rencontres-par-filiere.csv");
    }

    /** One line per sector, department and party (a supplier that offers, a member that buys), semicolon-separated. */
    static String csv(List<SectorMeetings.Row> rows) {
        StringBuilder out = new StringBuilder("\uFEFFfiliere;departement;role;nom;commune_ou_achats_ht\r\n");
        for (SectorMeetings.Row row : rows) {
            for (SectorMeetings.Offer offer : row.offers()) {
                out.append(String.join(";", row.sector().name(), row.department(), "fournisseur", CsvCells.text(offer.name()),
                        CsvCells.text(offer.municipality()))).append("\r\n");
            }
            for (SectorMeetings.Buyer buyer : row.buyers()) {
                out.append(String.join(";", row.sector().name(), row.department(), "adherent", CsvCells.text(buyer.name()),
                        buyer.spend().toBigDecimal().toPlainString().replace('.', ','))).append("\r\n");
            }
        }
        return out.toString();
    }
}
