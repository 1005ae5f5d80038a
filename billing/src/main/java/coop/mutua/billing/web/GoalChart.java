package coop.mutua.billing.web;

import coop.mutua.billing.domain.GoalProgress.Dimension;
import coop.mutua.billing.domain.GoalProgress.Period;
import coop.mutua.billing.domain.GoalProgress.Share;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;

/**
 * A goal's chart, drawn by Mutua as inline SVG (ADR 22): one bar per quarter for the member's share, the groupement's
 * average as a line, the member's target and (for ESS) the study's 38 % as horizontal rules. Heights are percentages
 * of a 0-100 scale; a quarter without purchases has no bar.
 */
record GoalChart(Dimension dimension, int width, int height, List<Bar> bars, String average, Double target, Double baseline,
                 List<Tick> ticks) {

    static final int WIDTH = 560;
    static final int HEIGHT = 180;
    private static final int LEFT = 34;
    private static final int BOTTOM = 22;
    private static final int TOP = 8;

    /** A quarter's bar: where it stands, how high, its label ("T3 2026") and its value as printed. */
    record Bar(double x, double y, double width, double height, String label, String value) {
    }

    /** A horizontal line of the scale (0, 25, 50, 75, 100 %). */
    record Tick(double y, String label) {
    }

    static GoalChart of(Dimension dimension, List<Period> quarters, SortedMap<Period, Share> member, SortedMap<Period, Share> groupement,
                        Integer target, BigDecimal baseline) {
        double plotHeight = HEIGHT - BOTTOM - TOP;
        double slot = quarters.isEmpty() ? 0 : (WIDTH - LEFT) / (double) quarters.size();
        List<Bar> bars = new ArrayList<>();
        StringBuilder average = new StringBuilder();
        for (int i = 0; i < quarters.size(); i++) {
            Period quarter = quarters.get(i);
            double x = LEFT + i * slot;
            Share own = member == null ? null : member.get(quarter);
            BigDecimal percent = own == null ? null : own.percent(dimension);
            String label = "T" + quarter.quarter() + " " + quarter.year();
            double height = percent == null ? 0 : percent.doubleValue() / 100 * plotHeight;
            bars.add(new Bar(round(x + slot * 0.2), round(TOP + plotHeight - height), round(slot * 0.6), round(height), label,
                    percent == null ? "—" : percent.toPlainString().replace('.', ',') + " %"));
            Share all = groupement.get(quarter);
            BigDecimal mean = all == null ? null : all.percent(dimension);
            if (mean != null) {
                average.append(average.isEmpty() ? "" : " ").append(format(x + slot / 2)).append(',')
                        .append(format(TOP + plotHeight - mean.doubleValue() / 100 * plotHeight));
            }
        }
        List<Tick> ticks = new ArrayList<>();
        for (int percent = 0; percent <= 100; percent += 25) {
            ticks.add(new Tick(round(TOP + plotHeight - percent / 100.0 * plotHeight), percent + " %"));
        }
        return new GoalChart(dimension, WIDTH, HEIGHT, bars, average.toString(),
                target == null ? null : round(TOP + plotHeight - target / 100.0 * plotHeight),
                baseline == null ? null : round(TOP + plotHeight - baseline.doubleValue() / 100 * plotHeight), ticks);
    }

    public int left() {
        return LEFT;
    }

    public int baselineY() {
        return HEIGHT - BOTTOM;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
