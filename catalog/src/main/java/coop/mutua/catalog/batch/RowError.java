package coop.mutua.catalog.batch;

import java.util.List;

/** Why one row (or the whole file, line 0 or 1) cannot be imported: line, column as named in the file, reason code. */
public record RowError(int line, String column, String code, List<String> arguments) {
}
