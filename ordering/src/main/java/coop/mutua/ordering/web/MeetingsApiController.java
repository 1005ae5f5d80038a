package coop.mutua.ordering.web;

import coop.mutua.kernel.Actor;
import coop.mutua.ordering.application.SectorMeetings;
import coop.mutua.platform.web.Downloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Meetings by sector", description = "Who offers and who buys, per sector and department, for territorial meetings")
class MeetingsApiController {

    private final SectorMeetings meetings;
    private final Clock clock;

    MeetingsApiController(SectorMeetings meetings, Clock clock) {
        this.meetings = meetings;
        this.clock = clock;
    }

    @GetMapping("/api/meetings")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Per sector and department: the network directory's listings, and the groupement's members that bought from "
            + "its listed suppliers of that sector (spend excl. VAT over every round)")
    List<SectorMeetings.Row> rows(@Parameter(hidden = true) Actor actor) {
        return meetings.of(actor.groupementId(), LocalDate.now(clock));
    }

    @GetMapping("/api/meetings.csv")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "The same as CSV (semicolons, UTF-8 with BOM, one line per party)")
    ResponseEntity<byte[]> csv(@Parameter(hidden = true) Actor actor) {
        return Downloads.file(MeetingsController.csv(meetings.of(actor.groupementId(), LocalDate.now(clock))).getBytes(StandardCharsets.UTF_8),
                Downloads.CSV, "rencontres-par-filiere.csv");
    }
}
