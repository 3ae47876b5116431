package org.incidentatlas.incidents;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** What the H2 row triggers of the kept counts share: where a column sits in a row, and a write made from a trigger. */
final class H2TriggerRows {

    /** H2's "commit or rollback is not allowed within a trigger" (a write in auto-commit mode; see DataVersionTrigger). */
    private static final int COMMIT_IN_TRIGGER = 90058;

    private H2TriggerRows() {
    }

    /** Each column's position in the trigger's rows, by lower-case name. */
    static Map<String, Integer> columns(Connection conn, String schemaName, String tableName) throws SQLException {
        Map<String, Integer> columns = new HashMap<>();
        DatabaseMetaData meta = conn.getMetaData();
        try (ResultSet rs = meta.getColumns(null, schemaName, tableName, null)) {
            while (rs.next()) {
                columns.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), rs.getInt("ORDINAL_POSITION") - 1);
            }
        }
        return Map.copyOf(columns);
    }

    static void run(PreparedStatement ps) throws SQLException {
        try {
            ps.executeUpdate();
        } catch (SQLException e) {
            // in auto-commit mode the change is made, only its own commit is refused; the writing statement's commit carries it
            if (e.getErrorCode() != COMMIT_IN_TRIGGER) {
                throw e;
            }
        }
    }
}
