package coop.mutua.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The last step of {@code mvn -Pbench verify}: every harness's figures (target/bench/*.json) in one table, and in
 * {@code target/bench/results.json}.
 */
public final class BenchReport {

    private BenchReport() {
    }

    public static void main(String[] args) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<Object> all = new ArrayList<>();
        StringBuilder table = new StringBuilder("\n==== Mutua benchmarks: every figure with its comparator (same run) and ratio ====");
        if (!Files.isDirectory(BenchResults.DIRECTORY)) {
            System.out.println("No benchmark results in " + BenchResults.DIRECTORY);
            return;
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(BenchResults.DIRECTORY)) {
            files = listed.filter(file -> file.toString().endsWith(".json") && !file.getFileName().toString().equals("results.json"))
                    .sorted().toList();
        }
        for (Path file : files) {
            JsonNode harness = json.readTree(file.toFile());
            all.add(harness);
            Map<String, Object> setup = json.convertValue(harness.get("setup"), LinkedHashMap.class);
            List<BenchResults.Figure> figures = new ArrayList<>();
            harness.get("figures").forEach(figure -> figures.add(json.treeToValue(figure, BenchResults.Figure.class)));
            table.append(BenchResults.table(harness.get("harness").asString(), setup, figures));
        }
        System.out.println(table);
        Files.writeString(BenchResults.DIRECTORY.resolve("results.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(all));
    }
}
