package coop.mutua.catalog.api;

import coop.mutua.kernel.SupplierId;
import java.time.Instant;
import java.util.List;

/** Progress and outcome of a catalog import, with every refused row. */
public record ImportReport(String id, SupplierId supplierId, String fileName, String charset, String separator,
                           ImportMode mode, ImportStatus status, int totalRows, int validatedRows, int validRows,
                           int errorRows, int importedRows, String message, Instant createdAt, Instant finishedAt,
                           List<ImportRowError> errors) {

    /** Progress in percent: validation counts for the first tenth, the import for the rest. */
    public int percent() {
        if (status.finished()) {
            return 100;
        }
        if (totalRows == 0) {
            return 0;
        }
        int validation = 10 * validatedRows / totalRows;
        int toImport = mode == ImportMode.ALL_OR_NOTHING ? totalRows : Math.max(validRows, 1);
        return Math.min(99, validation + 90 * importedRows / toImport);
    }
}
