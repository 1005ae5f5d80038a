package coop.mutua.catalog.batch;

import coop.mutua.catalog.api.ImportMode;
import coop.mutua.catalog.api.ImportReport;
import coop.mutua.catalog.api.ImportRowError;
import coop.mutua.catalog.api.ImportStatus;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.SupplierId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The catalog_import tables: the uploaded file, its progress and its report. */
@Repository
public class ImportRepository {

    /** What the job needs to know about an import. */
    public record ImportJob(String id, GroupementId groupementId, SupplierId supplierId, String userId, ImportMode mode,
                            byte[] content) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    ImportRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    public void create(String id, GroupementId groupementId, SupplierId supplierId, String userId, String fileName,
                byte[] content, ImportMode mode) {
        jdbc.sql("""
                INSERT INTO catalog_import (id, groupement_id, supplier_id, user_id, file_name, content, mode, status)
                VALUES (:id, :groupement, :supplier, :user, :fileName, :content, :mode, 'QUEUED')""")
                .param("id", id).param("groupement", groupementId.value()).param("supplier", supplierId.value())
                .param("user", userId).param("fileName", fileName).param("content", content).param("mode", mode.name())
                .update();
    }

    ImportJob job(String id) {
        return jdbc.sql("SELECT id, groupement_id, supplier_id, user_id, mode, content FROM catalog_import WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new ImportJob(rs.getString("id"), GroupementId.of(rs.getString("groupement_id")),
                        SupplierId.of(rs.getString("supplier_id")), rs.getString("user_id"),
                        ImportMode.valueOf(rs.getString("mode")), rs.getBytes("content")))
                .single();
    }

    void startValidation(String id, String charset, char separator, int totalRows) {
        jdbc.sql("""
                UPDATE catalog_import SET status = 'VALIDATING', charset = :charset, separator = :separator,
                    total_rows = :total, validated_rows = 0, valid_rows = 0, error_rows = 0, imported_rows = 0, message = NULL
                WHERE id = :id""")
                .param("id", id).param("charset", charset).param("separator", separator == '\t' ? "\\t" : String.valueOf(separator))
                .param("total", totalRows).update();
        jdbc.sql("DELETE FROM catalog_import_error WHERE import_id = :id").param("id", id).update();
    }

    void validated(String id, int validatedRows) {
        jdbc.sql("UPDATE catalog_import SET validated_rows = :rows WHERE id = :id").param("id", id).param("rows", validatedRows).update();
    }

    void saveErrors(String id, List<RowError> errors) {
        jdbcTemplate.batchUpdate("INSERT INTO catalog_import_error (import_id, line, column_name, code, arguments) VALUES (?, ?, ?, ?, ?)",
                errors, 500, (statement, error) -> {
                    statement.setString(1, id);
                    statement.setInt(2, error.line());
                    statement.setString(3, error.column());
                    statement.setString(4, error.code());
                    statement.setArray(5, statement.getConnection().createArrayOf("text", error.arguments().toArray()));
                });
    }

    void finishValidation(String id, int validRows, int errorRows, ImportStatus next) {
        jdbc.sql("""
                UPDATE catalog_import SET validated_rows = total_rows, valid_rows = :valid, error_rows = :errors, status = :status,
                    finished_at = CASE WHEN :status IN ('DONE', 'REJECTED') THEN now() END
                WHERE id = :id""")
                .param("id", id).param("valid", validRows).param("errors", errorRows).param("status", next.name()).update();
    }

    void imported(String id, int rows) {
        jdbc.sql("UPDATE catalog_import SET imported_rows = imported_rows + :rows WHERE id = :id").param("id", id).param("rows", rows).update();
    }

    /** The job ended normally: an import still marked IMPORTING is done (validation already closed the others). */
    void finishIfImporting(String id) {
        jdbc.sql("UPDATE catalog_import SET status = 'DONE', finished_at = now() WHERE id = :id AND status = 'IMPORTING'")
                .param("id", id).update();
    }

    public void finish(String id, ImportStatus status, String message) {
        jdbc.sql("UPDATE catalog_import SET status = :status, message = :message, finished_at = now() WHERE id = :id")
                .param("id", id).param("status", status.name()).param("message", message).update();
    }

    /** The report of an import of the groupement; another groupement's import does not exist. */
    public Optional<ImportReport> report(GroupementId groupementId, String id, int maxErrors) {
        return jdbc.sql("SELECT * FROM catalog_import WHERE id = :id AND groupement_id = :groupement")
                .param("id", id).param("groupement", groupementId.value())
                .query((rs, n) -> report(rs, errors(id, maxErrors)))
                .optional();
    }

    /** The latest imports of a supplier, without their errors. */
    public List<ImportReport> latest(GroupementId groupementId, SupplierId supplierId, int count) {
        return jdbc.sql("""
                SELECT * FROM catalog_import WHERE groupement_id = :groupement AND supplier_id = :supplier
                ORDER BY created_at DESC LIMIT :count""")
                .param("groupement", groupementId.value()).param("supplier", supplierId.value()).param("count", count)
                .query((rs, n) -> report(rs, List.of()))
                .list();
    }

    private List<ImportRowError> errors(String id, int max) {
        return jdbc.sql("SELECT * FROM catalog_import_error WHERE import_id = :id ORDER BY line, column_name LIMIT :max")
                .param("id", id).param("max", max)
                .query((rs, n) -> new ImportRowError(rs.getInt("line"), rs.getString("column_name"), rs.getString("code"),
                        strings(rs.getArray("arguments"))))
                .list();
    }

    private static ImportReport report(ResultSet rs, List<ImportRowError> errors) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ImportReport(rs.getString("id"), SupplierId.of(rs.getString("supplier_id")), rs.getString("file_name"),
                rs.getString("charset"), rs.getString("separator"), ImportMode.valueOf(rs.getString("mode")),
                ImportStatus.valueOf(rs.getString("status")), rs.getInt("total_rows"), rs.getInt("validated_rows"),
                rs.getInt("valid_rows"), rs.getInt("error_rows"), rs.getInt("imported_rows"), rs.getString("message"),
                rs.getTimestamp("created_at").toInstant(), finished == null ? null : finished.toInstant(), errors);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
