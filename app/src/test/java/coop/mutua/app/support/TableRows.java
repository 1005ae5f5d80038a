package coop.mutua.app.support;

import java.sql.Array;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A query's rows as maps that compare by value (SQL arrays turned into lists), to compare read model tables. */
public final class TableRows {

    private TableRows() {
    }

    public static List<Map<String, Object>> of(JdbcClient jdbc, String query) {
        List<Map<String, Object>> rows = jdbc.sql(query).query().listOfRows();
        rows.forEach(row -> row.replaceAll((column, value) -> {
            try {
                return value instanceof Array array ? List.of((Object[]) array.getArray()) : value;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }));
        return rows;
    }
}
