package coop.mutua.catalog.batch;

import java.util.List;

/** One record of a CSV file and the line it starts on (1 is the header). */
public record CsvRecord(int line, List<String> fields) {

    boolean isBlank() {
        return fields.stream().allMatch(String::isBlank);
    }
}
