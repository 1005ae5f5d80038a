package coop.mutua.billing.web;

import coop.mutua.billing.application.TrackingGoals;
import coop.mutua.billing.documents.GoalsReportPdf;
import coop.mutua.billing.domain.GoalProgress;
import coop.mutua.billing.domain.GoalProgress.Period;
import coop.mutua.billing.domain.GoalProgress.Share;
import coop.mutua.catalog.api.Directory;
import coop.mutua.catalog.api.FindGroupementQuery;
import coop.mutua.catalog.api.GroupementSummary;
import coop.mutua.catalog.api.SetMemberGoalsCommand;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.InvalidFieldException;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.ProjectionCatchUp;
import coop.mutua.kernel.Role;
import coop.mutua.platform.web.Downloads;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** What the goals' page and API both do: set a member's targets, make a member's annual bilan. */
@Component
class GoalsActions {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final TrackingGoals goals;
    private final Directory directory;
    private final CommandGateway commands;
    private final ProjectionCatchUp catchUp;
    private final Clock clock;

    GoalsActions(TrackingGoals goals, Directory directory, CommandGateway commands, ProjectionCatchUp catchUp, Clock clock) {
        this.goals = goals;
        this.directory = directory;
        this.commands = commands;
        this.catchUp = catchUp;
        this.clock = clock;
    }

    ResponseEntity<byte[]> bilan(Actor actor, int year, MemberId member) {
        if (year < 2000 || year > 2100) {
            throw new InvalidFieldException("year", "field.date-range", "year", 2000, 2100);
        }
        MemberId whose = actor.is(Role.MEMBER) ? actor.memberId() : member;
        if (whose == null) {
            throw new DomainException("field.required", "member");
        }
        TrackingGoals.Progress progress = goals.of(actor.groupementId());
        TrackingGoals.MemberProgress mine = progress.of(whose);
        if (mine == null) {
            throw new NotFoundException("member", whose);
        }
        GroupementSummary groupement = directory.handle(new FindGroupementQuery(actor.groupementId())).orElseThrow();
        Period period = new Period(year, null);
        Share none = new Share(0, 0, 0, 0);
        byte[] pdf = GoalsReportPdf.render(new GoalsReportPdf.Report(mine.name(), groupement.name(), year, mine.targets(), mine.quarters(),
                mine.years().getOrDefault(period, none), progress.years().getOrDefault(period, none), LocalDate.now(clock.withZone(PARIS))));
        return Downloads.file(pdf, MediaType.APPLICATION_PDF, "bilan-achats-responsables-" + year + ".pdf");
    }

    GoalProgress.Goals setGoals(Actor actor, GoalsController.TargetsForm form) {
        Integer ess = percent(form.essPercent(), "essPercent");
        Integer organic = percent(form.organicPercent(), "organicPercent");
        Integer local = percent(form.localPercent(), "localPercent");
        commands.sendAndWait(new SetMemberGoalsCommand(actor.memberId(), actor.groupementId(), ess, organic, local));
        catchUp.await("catalog-directory", actor.memberId());
        return new GoalProgress.Goals(ess, organic, local);
    }

    private static Integer percent(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip().replace("%", "").strip());
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(field, "goals.percent-unreadable", text);
        }
    }

}
