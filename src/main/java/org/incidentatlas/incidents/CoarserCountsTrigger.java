package org.incidentatlas.incidents;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

import org.h2.api.Trigger;

/**
 * H2's row trigger (migration V14_1) on the kept counts of V10: a change of a day's counts is added to its month
 * (incident_months), a change of a cell's count to the cell's total over event types (incident_cell_totals), in the
 * transaction of the incident's write that made it. PostgreSQL keeps the same sums in the statements of its
 * incident triggers.
 */
public class CoarserCountsTrigger implements Trigger {

    private static final String ADD_TO_MONTH = "MERGE INTO incident_months t USING (SELECT "
            + "CAST(DATE_TRUNC('MONTH', CAST(? AS DATE)) AS DATE) AS event_month, CAST(? AS VARCHAR(64)) AS event_type, "
            + "CAST(? AS VARCHAR(3)) AS country, CAST(? AS BIGINT) AS starts, CAST(? AS BIGINT) AS ends) s "
            + "ON t.event_month = s.event_month AND t.event_type = s.event_type AND t.country = s.country "
            + "WHEN MATCHED THEN UPDATE SET starts = t.starts + s.starts, ends = t.ends + s.ends "
            + "WHEN NOT MATCHED THEN INSERT (event_month, event_type, country, starts, ends) "
            + "VALUES (s.event_month, s.event_type, s.country, s.starts, s.ends)";

    private static final String ADD_TO_CELL_TOTAL = "MERGE INTO incident_cell_totals t USING (SELECT CAST(? AS SMALLINT) AS level, "
            + "CAST(? AS INTEGER) AS cx, CAST(? AS INTEGER) AS cy, CAST(? AS BIGINT) AS incidents) s "
            + "ON t.level = s.level AND t.cx = s.cx AND t.cy = s.cy "
            + "WHEN MATCHED THEN UPDATE SET incidents = t.incidents + s.incidents "
            + "WHEN NOT MATCHED THEN INSERT (level, cx, cy, incidents) VALUES (s.level, s.cx, s.cy, s.incidents)";

    private Map<String, Integer> columns = Map.of();
    private boolean days;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type)
            throws SQLException {
        days = tableName.equalsIgnoreCase("incident_days");
        columns = H2TriggerRows.columns(conn, schemaName, tableName);
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (days) {
            addDay(conn, oldRow, -1);
            addDay(conn, newRow, 1);
        } else {
            addCell(conn, oldRow, -1);
            addCell(conn, newRow, 1);
        }
    }

    private void addDay(Connection conn, Object[] row, int sign) throws SQLException {
        if (row == null) {
            return;
        }
        long starts = sign * number(row, "starts");
        long ends = sign * number(row, "ends");
        if (starts == 0 && ends == 0) {
            return;
        }
        try (PreparedStatement ps = conn.prepareStatement(ADD_TO_MONTH)) {
            ps.setObject(1, row[columns.get("event_day")]);
            ps.setObject(2, row[columns.get("event_type")]);
            ps.setObject(3, row[columns.get("country")]);
            ps.setLong(4, starts);
            ps.setLong(5, ends);
            H2TriggerRows.run(ps);
        }
    }

    private void addCell(Connection conn, Object[] row, int sign) throws SQLException {
        if (row == null) {
            return;
        }
        long incidents = sign * number(row, "incidents");
        if (incidents == 0) {
            return;
        }
        try (PreparedStatement ps = conn.prepareStatement(ADD_TO_CELL_TOTAL)) {
            ps.setLong(1, number(row, "level"));
            ps.setLong(2, number(row, "cx"));
            ps.setLong(3, number(row, "cy"));
            ps.setLong(4, incidents);
            H2TriggerRows.run(ps);
        }
    }

    private long number(Object[] row, String column) {
        return ((Number) row[columns.get(column)]).longValue();
    }

}
