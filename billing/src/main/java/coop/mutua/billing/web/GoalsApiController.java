package coop.mutua.billing.web;

import coop.mutua.billing.application.TrackingGoals;
import coop.mutua.billing.domain.GoalProgress;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Goals", description = "Members' responsible-purchasing targets and their progress, from the invoices")
class GoalsApiController {

    private final TrackingGoals goals;
    private final GoalsActions actions;

    GoalsApiController(TrackingGoals goals, GoalsActions actions) {
        this.goals = goals;
        this.actions = actions;
    }

    @GetMapping("/api/goals")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'MEMBER')")
    @Operation(summary = "Goals and progress per year and quarter", description = "A member gets its own, a coordinator every member's; "
            + "both get the groupement's figures (all members together) and the study's ESS baseline. From the invoices, excl. VAT, "
            + "credit notes deducted, charges aside.")
    GoalsJson json(@Parameter(hidden = true) Actor actor) {
        TrackingGoals.Progress progress = goals.of(actor.groupementId());
        List<TrackingGoals.MemberProgress> shown = actor.is(Role.MEMBER)
                ? progress.members().stream().filter(member -> member.memberId().equals(actor.memberId())).toList()
                : progress.members();
        return GoalsJson.of(shown, progress);
    }

    @PutMapping("/api/goals")
    @PreAuthorize("hasRole('MEMBER')")
    @Operation(summary = "Set the caller's member structure's targets", description = "Whole percent from 0 to 100; null or empty: no target.")
    GoalsJson.TargetsJson put(@Parameter(hidden = true) Actor actor, @RequestBody GoalsController.TargetsForm body) {
        GoalProgress.Goals set = actions.setGoals(actor, body == null ? new GoalsController.TargetsForm(null, null, null) : body);
        return new GoalsJson.TargetsJson(set.essPercent(), set.organicPercent(), set.localPercent());
    }

    @GetMapping("/api/goals/{year}/bilan.pdf")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'MEMBER')")
    @Operation(summary = "A member's annual \"bilan achats responsables\" (PDF, in French)", description = "A member gets its own; "
            + "a coordinator names the member.")
    ResponseEntity<byte[]> bilan(@Parameter(hidden = true) Actor actor, @PathVariable("year") int year,
                                 @Parameter(description = "The member (coordinators)") @RequestParam(name = "member", required = false) MemberId member) {
        return actions.bilan(actor, year, member);
    }
}
