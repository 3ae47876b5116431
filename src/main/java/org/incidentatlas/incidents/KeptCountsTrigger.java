package org.incidentatlas.incidents;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

import org.h2.api.Trigger;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * H2's row trigger (migration V10_1) keeping incident_cells and incident_days in step with incidents
 * inside the writing transaction, as the PostgreSQL statement triggers do: the old row counts -1,
 * the new one +1, in the cells of every stored level and on its first and last day.
 */
public class KeptCountsTrigger implements Trigger {

    private static final String ADD_TO_CELL = "MERGE INTO incident_cells t USING (SELECT CAST(? AS SMALLINT) AS level, "
            + "CAST(? AS INTEGER) AS cx, CAST(? AS INTEGER) AS cy, CAST(? AS VARCHAR(64)) AS event_type, CAST(? AS BIGINT) AS incidents, "
            + "CAST(? AS BIGINT) AS fatalities, CAST(? AS DOUBLE PRECISION) AS sum_x, CAST(? AS DOUBLE PRECISION) AS sum_y) s "
            + "ON t.level = s.level AND t.cx = s.cx AND t.cy = s.cy AND t.event_type = s.event_type "
            + "WHEN MATCHED THEN UPDATE SET incidents = t.incidents + s.incidents, fatalities = t.fatalities + s.fatalities, "
            // an emptied cell starts its sums again from zero: no rounding residue left behind
            + "sum_x = CASE WHEN t.incidents + s.incidents = 0 THEN 0 ELSE t.sum_x + s.sum_x END, "
            + "sum_y = CASE WHEN t.incidents + s.incidents = 0 THEN 0 ELSE t.sum_y + s.sum_y END "
            + "WHEN NOT MATCHED THEN INSERT (level, cx, cy, event_type, incidents, fatalities, sum_x, sum_y) "
            + "VALUES (s.level, s.cx, s.cy, s.event_type, s.incidents, s.fatalities, s.sum_x, s.sum_y)";

    private static final String ADD_TO_DAY = "MERGE INTO incident_days t USING (SELECT CAST(? AS DATE) AS event_day, "
            + "CAST(? AS VARCHAR(64)) AS event_type, CAST(? AS VARCHAR(3)) AS country, CAST(? AS BIGINT) AS starts, "
            + "CAST(? AS BIGINT) AS ends) s ON t.event_day = s.event_day AND t.event_type = s.event_type AND t.country = s.country "
            + "WHEN MATCHED THEN UPDATE SET starts = t.starts + s.starts, ends = t.ends + s.ends "
            + "WHEN NOT MATCHED THEN INSERT (event_day, event_type, country, starts, ends) VALUES (s.event_day, s.event_type, s.country, s.starts, s.ends)";

    private Map<String, Integer> columns = Map.of();

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type)
            throws SQLException {
        columns = H2TriggerRows.columns(conn, schemaName, tableName);
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        Counted before = oldRow == null ? null : counted(oldRow);
        Counted after = newRow == null ? null : counted(newRow);
        if (Objects.equals(before, after)) {
            // an update of other fields (a review, a note): nothing counted moves
            return;
        }
        if (before != null) {
            add(conn, before, -1);
        }
        if (after != null) {
            add(conn, after, 1);
        }
    }

    /** What the kept counts see of an incident. */
    private record Counted(String eventType, String country, LocalDate first, LocalDate last, int fatalities, double lon, double lat) {
    }

    private Counted counted(Object[] row) throws SQLException {
        LocalDate first = date(row[columns.get("event_date")]);
        LocalDate end = date(row[columns.get("event_date_end")]);
        Object dead = row[columns.get("fatalities")];
        Object country = row[columns.get("country")];
        Point p = geometry(row[columns.get("geom")]).getInteriorPoint();
        return new Counted((String) row[columns.get("event_type")], country == null ? "" : country.toString().trim(), first,
                end == null ? first : end, dead == null ? 0 : ((Number) dead).intValue(), p.getX(), p.getY());
    }

    private void add(Connection conn, Counted c, int sign) throws SQLException {
        for (int level : MercatorCells.LEVELS) {
            try (PreparedStatement ps = conn.prepareStatement(ADD_TO_CELL)) {
                ps.setInt(1, level);
                ps.setInt(2, MercatorCells.cellX(c.lon(), level));
                ps.setInt(3, MercatorCells.cellY(c.lat(), level));
                ps.setString(4, c.eventType());
                ps.setLong(5, sign);
                ps.setLong(6, (long) sign * c.fatalities());
                ps.setDouble(7, sign * MercatorCells.x(c.lon()));
                ps.setDouble(8, sign * MercatorCells.y(c.lat()));
                H2TriggerRows.run(ps);
            }
        }
        addToDay(conn, c, c.first(), sign, 0);
        addToDay(conn, c, c.last(), 0, sign);
    }

    private static void addToDay(Connection conn, Counted c, LocalDate day, int starts, int ends) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(ADD_TO_DAY)) {
            ps.setObject(1, day);
            ps.setString(2, c.eventType());
            ps.setString(3, c.country());
            ps.setLong(4, starts);
            ps.setLong(5, ends);
            H2TriggerRows.run(ps);
        }
    }

    private static LocalDate date(Object value) {
        if (value == null || value instanceof LocalDate) {
            return (LocalDate) value;
        }
        return value instanceof java.sql.Date d ? d.toLocalDate() : LocalDate.parse(value.toString());
    }

    private static Geometry geometry(Object value) throws SQLException {
        if (value instanceof Geometry g) {
            return g;
        }
        try {
            return new WKBReader().read((byte[]) value);
        } catch (ParseException | ClassCastException e) {
            throw new SQLException("incident geometry the kept counts cannot read: " + value, e);
        }
    }
}
