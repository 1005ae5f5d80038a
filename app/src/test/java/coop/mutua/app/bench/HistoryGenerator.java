package coop.mutua.app.bench;

import static coop.mutua.app.bench.EventCopies.bytea;
import static coop.mutua.app.bench.EventCopies.csv;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Years of history from one round made through the application (the template): the template's groupement (its
 * registration, catalog, members: every event before the round's first) and its round (every event from the round's
 * first on: orders, closing, pooling, reception, supplier invoices, member invoices) are captured with every row of
 * every table they wrote (read models, the rows the jobs wrote, the invoice files), then removed, and written again as
 * G groupements of W weekly rounds each, ending this week. Copy (g, w) of a text has
 * <ul>
 *     <li>every UUID replaced: the groupement's ids by a UUID derived from (g, id), the round's by one derived from
 *     (g, w, id), so that each groupement is consistent with itself and each round is a round of its own;</li>
 *     <li>every date moved back by whole weeks (round w by W-1-w weeks, the groupement's registration by W weeks), in
 *     events, their timestamps and rows alike;</li>
 *     <li>every member invoice number renumbered in the series of its groupement and (moved) year, gap-free and in
 *     chronological order, and the series' rows set to what they would be.</li>
 * </ul>
 * Events are appended by COPY, in chronological order (every groupement's registration first, then week by week);
 * rows by {@code jsonb_to_recordset} in batches, files (BYTEA) by reference to the template's, kept aside. The rows of
 * read models are copied too (not replayed: the read models are then exactly those of the template, moved; totals over
 * every round are added up again over the copies), and every
 * event processor's token is set to the new head, so that nothing acts on the history (no e-mail, no pooling). The
 * PDF files keep the template's text (number and dates): their size is what the history is for.
 */
final class HistoryGenerator {

    private static final Pattern TOKENS = Pattern.compile(
            "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})|(?<![\\d-])(\\d{4}-\\d{2}-\\d{2})|(?<![\\d-])(\\d{4}-\\d{5})(?!\\d)");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** Tables not copied: the event store and its companions (handled apart), people's accounts, technical state. */
    private static final Set<String> NOT_COPIED = Set.of("domainevententry", "snapshotevententry", "tokenentry", "sagaentry",
            "associationvalueentry", "deadletterentry", "flyway_schema_history", "invoice_series", "read_model_rebuild", "job_node",
            "job_execution_owner", "idempotency_record", "login_throttle", "user_account", "account_token", "account_recovery_code",
            "account_event", "api_token", "history_blob", "member_purchase_total");

    private record Event(long index, String aggregate, long sequence, String type, String id, String metadata, String payload,
                         String revision, String payloadType, String timestamp) {
    }

    /** A table's captured rows, split between the groupement's and the round's. */
    private record Table(String name, List<String> columns, String recordType, String select, List<String> groupementRows,
                         List<String> roundRows) {
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final int groupements;
    private final int weeks;
    private final LocalDate today = LocalDate.now();
    private final MessageDigest md5;
    private final Set<String> groupementIds = new HashSet<>();
    private final List<Event> groupementEvents = new ArrayList<>();
    private final List<Event> roundEvents = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();
    private final List<String> templateNumbers = new ArrayList<>();
    /** Per groupement copy, per year: the last invoice number given. */
    private final Map<Integer, Map<Integer, Long>> series = new TreeMap<>();
    private long rows;
    private long events;

    HistoryGenerator(JdbcClient jdbc, DataSource dataSource, int groupements, int weeks) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.groupements = groupements;
        this.weeks = weeks;
        try {
            this.md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Captures the template (the database holds one groupement and one round, every processor stopped) and removes it.
     *
     * @param firstRoundEvent the global index of the round's first event
     */
    void capture(long firstRoundEvent) {
        jdbc.sql("""
                SELECT globalindex, aggregateidentifier, sequencenumber, type, eventidentifier, convert_from(metadata, 'UTF8'),
                       convert_from(payload, 'UTF8'), payloadrevision, payloadtype, timestamp
                FROM domainevententry ORDER BY globalindex""")
                .query((rs, n) -> new Event(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)))
                .list().forEach(event -> (event.index() < firstRoundEvent ? groupementEvents : roundEvents).add(event));
        for (Event event : groupementEvents) {
            for (String text : new String[] {event.aggregate(), event.id(), event.metadata(), event.payload()}) {
                Matcher matcher = UUID.matcher(text == null ? "" : text);
                while (matcher.find()) {
                    groupementIds.add(matcher.group());
                }
            }
        }
        jdbc.sql("CREATE TABLE IF NOT EXISTS history_blob (key TEXT PRIMARY KEY, data BYTEA NOT NULL)").update();
        List<String> names = jdbc.sql("""
                SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
                ORDER BY table_name""").query(String.class).list();
        for (String name : names) {
            if (NOT_COPIED.contains(name) || name.startsWith("batch_") || name.startsWith("bench_")) {
                continue;
            }
            capture(name);
        }
        // Member invoice numbers of the template, in the order they were given.
        jdbc.sql("SELECT number FROM member_invoice ORDER BY number").query(String.class).list().forEach(templateNumbers::add);
        // The template goes: the copies replace it.
        for (Table table : tables) {
            jdbc.sql("DELETE FROM " + table.name() + " WHERE " + UUID_IN_ROW.formatted(table.name())).update();
        }
        jdbc.sql("DELETE FROM domainevententry").update();
        jdbc.sql("DELETE FROM snapshotevententry").update();
        jdbc.sql("DELETE FROM associationvalueentry").update();
        jdbc.sql("DELETE FROM sagaentry").update();
        jdbc.sql("DELETE FROM invoice_series").update();
    }

    /** Rows holding an id (rows without one are settings shared by all, kept as they are and not copied). */
    private static final String UUID_IN_ROW = "%s::text ~ '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'";

    private void capture(String name) {
        record Column(String name, String type, boolean generated) {
        }
        List<Column> columns = jdbc.sql("""
                SELECT a.attname, format_type(a.atttypid, a.atttypmod),
                       a.attidentity <> '' OR coalesce(pg_get_expr(d.adbin, d.adrelid), '') LIKE 'nextval(%'
                FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                WHERE a.attrelid = :t::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum""")
                .param("t", name).query((rs, n) -> new Column(rs.getString(1), rs.getString(2), rs.getBoolean(3))).list();
        List<String> inserted = new ArrayList<>();
        List<String> recordType = new ArrayList<>();
        List<String> select = new ArrayList<>();
        StringBuilder json = new StringBuilder("jsonb_build_object(");
        for (Column column : columns) {
            if (column.generated()) {
                continue;
            }
            String quoted = "\"" + column.name() + "\"";
            inserted.add(quoted);
            json.append(inserted.size() > 1 ? ", " : "").append("'").append(column.name()).append("', ");
            if (column.type().equals("bytea")) {
                // A file: by reference to the template's, kept aside (its text is not rewritten).
                jdbc.sql("INSERT INTO history_blob SELECT md5(" + quoted + "), " + quoted + " FROM " + name + " WHERE " + quoted
                        + " IS NOT NULL ON CONFLICT DO NOTHING").update();
                json.append("md5(").append(quoted).append(")");
                recordType.add(quoted + " text");
                select.add("(SELECT data FROM history_blob WHERE key = j." + quoted + ")");
            } else {
                json.append(quoted);
                recordType.add(quoted + " " + column.type());
                select.add("j." + quoted);
            }
        }
        json.append(")::text");
        List<String> groupementRows = new ArrayList<>();
        List<String> roundRows = new ArrayList<>();
        jdbc.sql("SELECT " + json + " FROM " + name + " WHERE " + UUID_IN_ROW.formatted(name)).query(String.class).list()
                .forEach(row -> (onlyGroupementIds(row) ? groupementRows : roundRows).add(row));
        if (!groupementRows.isEmpty() || !roundRows.isEmpty()) {
            tables.add(new Table(name, inserted, String.join(", ", recordType), String.join(", ", select), groupementRows, roundRows));
        }
    }

    private boolean onlyGroupementIds(String text) {
        Matcher matcher = UUID.matcher(text);
        while (matcher.find()) {
            if (!groupementIds.contains(matcher.group())) {
                return false;
            }
        }
        return true;
    }

    /** Writes every copy: the groupements' registrations first, then week by week every groupement's round. */
    void generate() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (int g = 0; g < groupements; g++) {
                Copy registration = new Copy(g, -1);
                write(connection, copy, registration, groupementEvents, true);
            }
            connection.commit();
            for (int w = 0; w < weeks; w++) {
                for (int g = 0; g < groupements; g++) {
                    write(connection, copy, new Copy(g, w), roundEvents, false);
                }
                connection.commit();
            }
            // Totals over every round (a read model adding up the others): added up again over the copies.
            try (var statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM member_purchase_total");
                statement.executeUpdate("""
                        INSERT INTO member_purchase_total
                        SELECT groupement_id, member_id, supplier_id, sum(spend_cents), sum(list_cents), sum(organic_cents), count(*)
                        FROM member_purchase GROUP BY groupement_id, member_id, supplier_id""");
            }
            // The series as issuing would have left them.
            for (Map.Entry<Integer, Map<Integer, Long>> groupement : series.entrySet()) {
                String id = new Copy(groupement.getKey(), -1).groupementId();
                for (Map.Entry<Integer, Long> year : groupement.getValue().entrySet()) {
                    try (var statement = connection.prepareStatement("INSERT INTO invoice_series (groupement_id, year, last_number) VALUES (?, ?, ?)")) {
                        statement.setString(1, id);
                        statement.setInt(2, year.getKey());
                        statement.setLong(3, year.getValue());
                        statement.executeUpdate();
                    }
                }
            }
            connection.commit();
        }
    }

    long rows() {
        return rows;
    }

    long events() {
        return events;
    }

    /** The groupement id of copy g (the template's groupement id is the aggregate of its first event). */
    String groupementId(int g) {
        return new Copy(g, -1).groupementId();
    }

    /** Copy g's id for one of the template groupement's ids (a member, a supplier). */
    String groupementCopyOf(int g, String templateId) {
        return new Copy(g, -1).remap(templateId);
    }

    private void write(Connection connection, CopyManager copy, Copy target, List<Event> source, boolean registration) throws Exception {
        StringBuilder rowsOut = new StringBuilder();
        for (Event event : source) {
            rowsOut.append(csv(target.rewrite(event.aggregate()))).append(',').append(event.sequence()).append(',')
                    .append(csv(event.type())).append(',').append(csv(target.rewrite(event.id()))).append(',')
                    .append(bytea(target.rewrite(event.metadata()))).append(',').append(bytea(target.rewrite(event.payload())))
                    .append(',').append(csv(event.revision())).append(',').append(csv(event.payloadType())).append(',')
                    .append(csv(target.rewrite(event.timestamp()))).append('\n');
        }
        copy.copyIn("COPY domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload, "
                + "payloadrevision, payloadtype, timestamp) FROM STDIN (FORMAT csv)", new StringReader(rowsOut.toString()));
        events += source.size();
        for (Table table : tables) {
            List<String> templateRows = registration ? table.groupementRows() : table.roundRows();
            if (templateRows.isEmpty()) {
                continue;
            }
            StringBuilder array = new StringBuilder("[");
            for (String row : templateRows) {
                array.append(array.length() > 1 ? "," : "").append(target.rewrite(row));
            }
            try (var statement = connection.prepareStatement("INSERT INTO " + table.name() + " (" + String.join(", ", table.columns())
                    + ") SELECT " + table.select() + " FROM jsonb_to_recordset(?::jsonb) AS j (" + table.recordType() + ")")) {
                statement.setString(1, array.append(']').toString());
                rows += statement.executeUpdate();
            }
        }
    }

    /** Copy (g, w) of the template; w = -1 for the groupement's registration. */
    private final class Copy {

        private final int g;
        private final int w;
        private final long daysBack;
        private final Map<String, String> ids = new HashMap<>();
        private final Map<String, String> dates = new HashMap<>();
        private final Map<String, String> numbers = new LinkedHashMap<>();

        Copy(int g, int w) {
            this.g = g;
            this.w = w;
            this.daysBack = 7L * (w < 0 ? weeks : weeks - 1 - w);
            if (w >= 0 && !templateNumbers.isEmpty()) {
                int year = today.minusDays(daysBack).getYear();
                Map<Integer, Long> last = series.computeIfAbsent(g, k -> new TreeMap<>());
                long first = last.getOrDefault(year, 0L);
                // The template's numbers in order, each to the next of the copy's year (the template's issue year is this one).
                for (String number : new TreeSet<>(templateNumbers)) {
                    numbers.put(number, year + "-" + String.format("%05d", ++first));
                }
                last.put(year, first);
            }
        }

        String groupementId() {
            return remap(groupementEvents.get(0).aggregate());
        }

        String remap(String id) {
            return ids.computeIfAbsent(id, old -> groupementIds.contains(old)
                    ? (g == 0 ? old : derived(g + ":" + old))
                    : derived(g + ":" + w + ":" + old));
        }

        private String derived(String key) {
            String hex = HexFormat.of().formatHex(md5.digest(key.getBytes(StandardCharsets.UTF_8)));
            return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-" + hex.substring(16, 20) + "-"
                    + hex.substring(20);
        }

        String rewrite(String text) {
            if (text == null) {
                return null;
            }
            Matcher matcher = TOKENS.matcher(text);
            StringBuilder out = new StringBuilder(text.length() + 16);
            while (matcher.find()) {
                String replacement;
                if (matcher.group(1) != null) {
                    replacement = remap(matcher.group(1));
                } else if (matcher.group(2) != null) {
                    replacement = dates.computeIfAbsent(matcher.group(2), date -> {
                        try {
                            return LocalDate.parse(date).minusDays(daysBack).toString();
                        } catch (RuntimeException notADate) {
                            return date;
                        }
                    });
                } else {
                    replacement = numbers.getOrDefault(matcher.group(3), matcher.group(3));
                }
                matcher.appendReplacement(out, replacement);
            }
            matcher.appendTail(out);
            return out.toString();
        }
    }
}
