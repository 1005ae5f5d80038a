package coop.mutua.app.bench;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fills the event store with copies of a history made through the application: copy k of every stored event gets
 * every id in it (UUIDs in the aggregate id, event id, payload and metadata) replaced by a UUID derived from (k, id),
 * the same function as {@link #SQL_REMAP} for the rows a job wrote beside the events (seeded read model tables). Each
 * copy is thus a groupement of its own, with its catalog, members, rounds and invoices, consistent with itself.
 */
final class EventCopies {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** In SQL, the id of copy {@code :k} of {@code column}'s id (texts that are not a UUID stay as they are). */
    private static final String SQL_REMAP = "CASE WHEN %1$s ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' "
            + "THEN md5(k || ':' || %1$s)::uuid::text ELSE %1$s END";

    private record Event(String aggregate, long sequence, String type, String id, String metadata, String payload, String revision,
                         String payloadType, String timestamp) {
    }

    private EventCopies() {
    }

    /** The events stored so far (the template), to be copied. */
    static int templateSize(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Integer.class).single();
    }

    /**
     * Appends copies 1..{@code copies} of the events stored so far, and of the rows of {@code seededTables} (written by
     * the pooling job, not from events), in batches of COPY.
     */
    static void append(DataSource dataSource, JdbcClient jdbc, int copies, List<String> seededTables) throws SQLException, IOException {
        List<Event> template = jdbc.sql("""
                SELECT aggregateidentifier, sequencenumber, type, eventidentifier, convert_from(metadata, 'UTF8'),
                       convert_from(payload, 'UTF8'), payloadrevision, payloadtype, timestamp
                FROM domainevententry ORDER BY globalindex""")
                .query((rs, n) -> new Event(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)))
                .list();
        for (String table : seededTables) {
            List<String> columns = jdbc.sql("""
                    SELECT column_name, data_type FROM information_schema.columns
                    WHERE table_schema = current_schema() AND table_name = :t ORDER BY ordinal_position""")
                    .param("t", table)
                    .query((rs, n) -> rs.getString(2).contains("char") || rs.getString(2).equals("text")
                            ? SQL_REMAP.formatted(rs.getString(1)) : rs.getString(1))
                    .list();
            jdbc.sql("INSERT INTO " + table + " SELECT " + String.join(", ", columns) + " FROM " + table
                    + ", generate_series(1, :copies) AS k").param("copies", copies).update();
        }
        try (Connection connection = dataSource.getConnection()) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            MessageDigest md5 = md5();
            StringBuilder rows = new StringBuilder();
            for (int k = 1; k <= copies; k++) {
                for (Event event : template) {
                    rows.append(csv(remap(event.aggregate(), k, md5))).append(',').append(event.sequence()).append(',')
                            .append(csv(event.type())).append(',').append(csv(remap(event.id(), k, md5))).append(',')
                            .append(bytea(remap(event.metadata(), k, md5))).append(',').append(bytea(remap(event.payload(), k, md5)))
                            .append(',').append(csv(event.revision())).append(',').append(csv(event.payloadType())).append(',')
                            .append(csv(event.timestamp())).append('\n');
                }
                if (rows.length() > 16 << 20 || k == copies) {
                    copy.copyIn("COPY domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload, "
                            + "payloadrevision, payloadtype, timestamp) FROM STDIN (FORMAT csv)", new StringReader(rows.toString()));
                    rows.setLength(0);
                }
            }
        }
    }

    /** Copy k's id for every UUID in the text: md5 of "k:uuid", written as a UUID (PostgreSQL's md5(...)::uuid). */
    static String remap(String text, int k, MessageDigest md5) {
        if (text == null) {
            return null;
        }
        Matcher matcher = UUID.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            String hex = HexFormat.of().formatHex(md5.digest((k + ":" + matcher.group()).getBytes(StandardCharsets.UTF_8)));
            matcher.appendReplacement(out, hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                    + hex.substring(16, 20) + "-" + hex.substring(20));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** A text as a CSV cell of COPY (quoted; empty for null). */
    static String csv(String value) {
        return value == null ? "" : "\"" + value.replace("\"", "\"\"") + "\"";
    }

    /** A text as a BYTEA cell of COPY (its UTF-8 bytes in hex; empty for null). */
    static String bytea(String value) {
        return value == null ? "" : "\\x" + HexFormat.of().formatHex(value.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
