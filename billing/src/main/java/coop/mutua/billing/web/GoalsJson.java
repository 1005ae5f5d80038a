package coop.mutua.billing.web;

import coop.mutua.billing.application.TrackingGoals;
import coop.mutua.billing.domain.GoalProgress;
import coop.mutua.billing.domain.GoalProgress.Dimension;
import coop.mutua.billing.domain.GoalProgress.Period;
import coop.mutua.billing.domain.GoalProgress.Share;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** Goals and progress as the API gives them (ADR 22). Percentages have one decimal; null when nothing was bought. */
record GoalsJson(List<MemberJson> members, List<PeriodJson> groupementYears, List<PeriodJson> groupementQuarters,
                 BigDecimal studyEssBaseline) {

    record TargetsJson(Integer essPercent, Integer organicPercent, Integer localPercent) {
    }

    /** A year (quarter null) or a quarter: what was bought, excl. VAT, and the share of each dimension; reached: per target set. */
    record PeriodJson(int year, Integer quarter, Money totalExclVat, BigDecimal essPercent, BigDecimal organicPercent,
                      BigDecimal localPercent, Map<Dimension, Boolean> reached) {
    }

    record MemberJson(MemberId memberId, String name, TargetsJson goals, List<PeriodJson> years, List<PeriodJson> quarters) {
    }

    static GoalsJson of(List<TrackingGoals.MemberProgress> members, TrackingGoals.Progress all) {
        return new GoalsJson(members.stream().map(GoalsJson::member).toList(), periods(all.years(), GoalProgress.Goals.NONE),
                periods(all.quarters(), GoalProgress.Goals.NONE), GoalProgress.STUDY_ESS_BASELINE);
    }

    private static MemberJson member(TrackingGoals.MemberProgress progress) {
        GoalProgress.Goals goals = progress.targets();
        return new MemberJson(progress.memberId(), progress.name(), progress.goals() == null ? null
                : new TargetsJson(goals.essPercent(), goals.organicPercent(), goals.localPercent()),
                periods(progress.years(), goals), periods(progress.quarters(), goals));
    }

    private static List<PeriodJson> periods(SortedMap<Period, Share> shares, GoalProgress.Goals goals) {
        return shares.entrySet().stream().map(entry -> new PeriodJson(entry.getKey().year(), entry.getKey().quarter(),
                Money.ofCents(entry.getValue().totalCents()), entry.getValue().percent(Dimension.ESS),
                entry.getValue().percent(Dimension.ORGANIC), entry.getValue().percent(Dimension.LOCAL), goals.reached(entry.getValue())))
                .toList();
    }
}
