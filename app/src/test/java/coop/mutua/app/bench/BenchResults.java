package coop.mutua.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The figures of one harness, each with its comparator measured in the same run and their ratio: printed as a table
 * and written as JSON to {@code target/bench/<harness>.json} (BenchReport gathers them into one table).
 */
final class BenchResults {

    static final Path DIRECTORY = Path.of("target", "bench");

    /**
     * One figure: what was measured ({@code value} in {@code unit}), the comparator's figure in the same unit, the
     * ratio (our value over the comparator's when more is better, the other way round when less is), and the goal.
     */
    record Figure(String name, double value, String unit, String comparator, Double comparatorValue, Double ratio, String goal,
                  Boolean met) {
    }

    private final String harness;
    private final Map<String, Object> setup = new LinkedHashMap<>();
    private final List<Figure> figures = new ArrayList<>();

    BenchResults(String harness) {
        this.harness = harness;
        setup.put("date", Instant.now().toString());
        setup.put("cores", Runtime.getRuntime().availableProcessors());
        setup.put("maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20);
        setup.put("java", System.getProperty("java.version"));
        setup.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }

    BenchResults setup(String key, Object value) {
        setup.put(key, value);
        return this;
    }

    /** A figure where more is better (a rate): ratio = value / comparator; met when the ratio reaches {@code goalRatio}. */
    BenchResults higherIsBetter(String name, double value, String unit, String comparator, double comparatorValue, Double goalRatio) {
        return compared(name, value, unit, comparator, comparatorValue, goalRatio, true);
    }

    /** A figure where less is better (a time): ratio = value / comparator; met when the ratio stays within {@code goalRatio}. */
    BenchResults lowerIsBetter(String name, double value, String unit, String comparator, double comparatorValue, Double goalRatio) {
        return compared(name, value, unit, comparator, comparatorValue, goalRatio, false);
    }

    private BenchResults compared(String name, double value, String unit, String comparator, double comparatorValue, Double goalRatio,
                                  boolean higherIsBetter) {
        double ratio = value / comparatorValue;
        String goal = goalRatio == null ? null : String.format(Locale.ROOT, "ratio %s %.2f", higherIsBetter ? ">=" : "<=", goalRatio);
        Boolean met = goalRatio == null ? null : higherIsBetter ? ratio >= goalRatio : ratio <= goalRatio;
        figures.add(new Figure(name, value, unit, comparator, comparatorValue, ratio, goal, met));
        return this;
    }

    /** A figure against an absolute limit (no comparator): met when {@code value <= limit}. */
    BenchResults atMost(String name, double value, String unit, double limit) {
        figures.add(new Figure(name, value, unit, null, null, null, String.format(Locale.ROOT, "<= %s %s", number(limit), unit), value <= limit));
        return this;
    }

    /** A figure reported as it is. */
    BenchResults report(String name, double value, String unit) {
        figures.add(new Figure(name, value, unit, null, null, null, null, null));
        return this;
    }

    /** Prints the table and writes the JSON. */
    void write() {
        System.out.println(table(harness, setup, figures));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("harness", harness);
        json.put("setup", setup);
        json.put("figures", figures);
        try {
            Files.createDirectories(DIRECTORY);
            Files.writeString(DIRECTORY.resolve(harness + ".json"), JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String table(String harness, Map<String, Object> setup, List<Figure> figures) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%n== %s  %s%n", harness, setup));
        out.append(String.format(Locale.ROOT, "  %-44s %14s %-10s %-36s %14s %8s  %s%n", "figure", "value", "unit", "comparator", "its value",
                "ratio", "goal"));
        for (Figure figure : figures) {
            out.append(String.format(Locale.ROOT, "  %-44s %14s %-10s %-36s %14s %8s  %s%n", figure.name(), number(figure.value()), figure.unit(),
                    figure.comparator() == null ? "" : figure.comparator(),
                    figure.comparatorValue() == null ? "" : number(figure.comparatorValue()),
                    figure.ratio() == null ? "" : String.format(Locale.ROOT, "%.2f", figure.ratio()),
                    figure.goal() == null ? "" : figure.goal() + (figure.met() ? "  met" : "  NOT MET")));
        }
        return out.toString();
    }

    static String number(double value) {
        return Math.abs(value) >= 100 || value == Math.rint(value) ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }
}
