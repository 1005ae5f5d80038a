package coop.mutua.billing.web;

import coop.mutua.billing.application.TrackingGoals;
import coop.mutua.billing.domain.GoalProgress;
import coop.mutua.billing.domain.GoalProgress.Dimension;
import coop.mutua.billing.domain.GoalProgress.Period;
import coop.mutua.billing.domain.GoalProgress.Share;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.Role;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Members' responsible-purchasing goals (ADR 22): a member sets its targets and follows its shares per quarter and
 * year against them, the groupement's average and the study's 38 %; the coordinator sees every member and the
 * groupement's trend; each year's "bilan achats responsables" as a PDF. Pages and API share this controller's figures.
 */
@Controller
class GoalsController {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final TrackingGoals goals;
    private final GoalsActions actions;
    private final Clock clock;

    GoalsController(TrackingGoals goals, GoalsActions actions, Clock clock) {
        this.goals = goals;
        this.actions = actions;
        this.clock = clock;
    }

    /** Targets as typed (whole percent, empty: none). */
    record TargetsForm(String essPercent, String organicPercent, String localPercent) {
    }

    @GetMapping("/goals")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'MEMBER')")
    String page(Actor actor, Model model) {
        TrackingGoals.Progress progress = goals.of(actor.groupementId());
        List<Period> quarters = lastQuarters(LocalDate.now(clock.withZone(PARIS)), 8);
        model.addAttribute("baseline", GoalProgress.STUDY_ESS_BASELINE);
        model.addAttribute("dimensions", Dimension.values());
        int year = LocalDate.now(clock.withZone(PARIS)).getYear();
        model.addAttribute("year", year);
        List<TrackingGoals.MemberProgress> shown = actor.is(Role.MEMBER)
                ? progress.members().stream().filter(member -> member.memberId().equals(actor.memberId())).toList()
                : progress.members();
        GoalsJson figures = GoalsJson.of(shown, progress);
        model.addAttribute("figures", figures);
        model.addAttribute("groupementYear", figures.groupementYears().stream().collect(Collectors.toMap(GoalsJson.PeriodJson::year, p -> p)));
        if (actor.is(Role.MEMBER)) {
            TrackingGoals.MemberProgress mine = progress.of(actor.memberId());
            if (!model.containsAttribute("targets")) {
                GoalProgress.Goals targets = mine == null ? GoalProgress.Goals.NONE : mine.targets();
                model.addAttribute("targets", new TargetsForm(text(targets.essPercent()), text(targets.organicPercent()), text(targets.localPercent())));
            }
            model.addAttribute("charts", charts(quarters, mine == null ? null : mine.quarters(), progress.quarters(),
                    mine == null ? GoalProgress.Goals.NONE : mine.targets()));
        } else {
            model.addAttribute("charts", charts(quarters, progress.quarters(), progress.quarters(), GoalProgress.Goals.NONE));
        }
        return "billing/goals";
    }

    @PostMapping("/goals")
    @PreAuthorize("hasRole('MEMBER')")
    String set(Actor actor, @RequestParam(name = "essPercent", required = false) String ess,
               @RequestParam(name = "organicPercent", required = false) String organic,
               @RequestParam(name = "localPercent", required = false) String local, Model model, RedirectAttributes redirect) {
        try {
            actions.setGoals(actor, new TargetsForm(ess, organic, local));
        } catch (DomainException refused) {
            model.addAttribute("refused", refused);
            model.addAttribute("targets", new TargetsForm(ess, organic, local));
            return page(actor, model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/goals";
    }

    @GetMapping("/goals/{year}/bilan.pdf")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'MEMBER')")
    ResponseEntity<byte[]> bilan(@Parameter(hidden = true) Actor actor, @PathVariable("year") int year,
                                 @Parameter(description = "The member (coordinators)") @RequestParam(name = "member", required = false) MemberId member) {
        return actions.bilan(actor, year, member);
    }

    private static String text(Integer percent) {
        return percent == null ? "" : percent.toString();
    }

    /** The last {@code count} quarters up to today's, oldest first. */
    static List<Period> lastQuarters(LocalDate today, int count) {
        List<Period> quarters = new ArrayList<>();
        int year = today.getYear();
        int quarter = (today.getMonthValue() - 1) / 3 + 1;
        for (int i = 0; i < count; i++) {
            quarters.add(0, new Period(year, quarter));
            quarter--;
            if (quarter == 0) {
                quarter = 4;
                year--;
            }
        }
        return quarters;
    }

    private static List<GoalChart> charts(List<Period> quarters, SortedMap<Period, Share> member, SortedMap<Period, Share> groupement,
                                          GoalProgress.Goals targets) {
        List<GoalChart> charts = new ArrayList<>();
        for (Dimension dimension : Dimension.values()) {
            charts.add(GoalChart.of(dimension, quarters, member == null ? new TreeMap<>() : member, groupement, targets.target(dimension),
                    dimension == Dimension.ESS ? GoalProgress.STUDY_ESS_BASELINE : null));
        }
        return charts;
    }
}
