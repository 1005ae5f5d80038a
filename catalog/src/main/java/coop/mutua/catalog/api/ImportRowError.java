package coop.mutua.catalog.api;

import java.util.List;

/** One reason a row of a catalog file was refused: its line, the column as headed in the file, a message code. */
public record ImportRowError(int line, String column, String code, List<String> arguments) {
}
