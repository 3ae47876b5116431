package org.incidentatlas.incidents;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.incidentatlas.cql.Sql;
import org.incidentatlas.filter.BoundingBox;
import org.incidentatlas.storage.SqlWhere;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the counts migration V10 keeps (incident_cells, incident_days) for the plans of
 * {@link CountPlanner}. The SQL is the same on both backends (the cell functions have the same
 * names there) but for the boundary strips of a bbox count, which PostGIS reads through its point indexes.
 */
final class KeptCounts {

    private static final String ENVELOPE = "ST_MakeEnvelope(?, ?, ?, ?, " + JdbcIncidentStore.SRID + ")";

    private final JdbcTemplate jdbc;
    /** Whether the point indexes of migration V12_1 (PostGIS only) count the boundary strips. */
    private final boolean pointIndexes;

    KeptCounts(JdbcTemplate jdbc, boolean pointIndexes) {
        this.jdbc = jdbc;
        this.pointIndexes = pointIndexes;
    }

    long totals(CountPlan.Totals plan) {
        SqlWhere w = SqlWhere.NONE.and("level = ?", MercatorCells.LEVELS.get(0)).equal("event_type", plan.eventType());
        return number("SELECT COALESCE(sum(incidents), 0) FROM incident_cells" + w.sql(), w.args());
    }

    /** Incidents overlapping [start, end]: those starting on or before the end less those ending before the start. */
    long days(CountPlan.Days plan) {
        SqlWhere same = SqlWhere.NONE.equal("event_type", plan.eventType()).equal("country", plan.country());
        SqlWhere starting = plan.dates() == null || plan.dates().end() == null ? same : same.and("event_day <= ?", plan.dates().end());
        long n = number("SELECT COALESCE(sum(starts), 0) FROM incident_days" + starting.sql(), starting.args());
        if (plan.dates() != null && plan.dates().start() != null) {
            SqlWhere ended = same.and("event_day < ?", plan.dates().start());
            n -= number("SELECT COALESCE(sum(ends), 0) FROM incident_days" + ended.sql(), ended.args());
        }
        return n;
    }

    /**
     * The cells wholly inside the box, plus the matches in the boundary strips (and the lines and areas
     * anywhere in the box) whose cell is not among the finest ones summed. {@code matching} is the
     * filter's own condition, box included.
     */
    long cells(CountPlan.Cells plan, SqlWhere matching) {
        // one statement: a sum per block of cells (each read through the index that fits its shape) and the boundary
        List<String> parts = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        for (CellCover.Block b : plan.cover().blocks()) {
            SqlWhere w = SqlWhere.NONE.and("level = ? AND cx BETWEEN ? AND ? AND cy BETWEEN ? AND ?", b.level(), b.x0(), b.x1(),
                    b.y0(), b.y1()).equal("event_type", plan.eventType());
            parts.add("SELECT COALESCE(sum(incidents), 0) AS n FROM incident_cells" + w.sql());
            args.addAll(w.args());
        }
        for (SqlWhere boundary : pointIndexes ? indexedBoundary(plan, matching) : List.of(boundary(plan, matching))) {
            parts.add("SELECT count(*) AS n FROM incidents" + boundary.sql());
            args.addAll(boundary.args());
        }
        return number("SELECT sum(n) FROM (" + String.join(" UNION ALL ", parts) + ") t", args);
    }

    /** Every geometry in a strip (through the spatial index), and lines and areas anywhere in the box, outside the summed cells. */
    private static SqlWhere boundary(CountPlan.Cells plan, SqlWhere matching) {
        List<String> near = new ArrayList<>();
        List<Object> nearArgs = new ArrayList<>();
        for (CellCover.Strip strip : plan.cover().boundary()) {
            BoundingBox s = strip.box();
            near.add("geom && " + ENVELOPE);
            nearArgs.addAll(List.of(s.minLon(), s.minLat(), s.maxLon(), s.maxLat()));
        }
        near.add("(ST_Dimension(geom) > 0 AND geom && " + ENVELOPE + ")");
        BoundingBox box = plan.box();
        nearArgs.addAll(List.of(box.minLon(), box.minLat(), box.maxLon(), box.maxLat()));
        return matching.and("(" + String.join(" OR ", near) + ")", nearArgs.toArray())
                .and(outsideFinest(plan, "ST_X(ST_PointOnSurface(geom))", "ST_Y(ST_PointOnSurface(geom))"), finestArgs(plan));
    }

    /**
     * The same count through the PostGIS point indexes of migration V12_1 (on atlas_point_x / atlas_point_y): the
     * points of each strip by an index-only range scan of (latitude, longitude) for the wide strips and (longitude, latitude) for the
     * tall ones, which reads no table page (the GiST index visited one per point); the other geometries
     * through their own partial spatial index. The strips are disjoint (see {@link CellCover.Strip}), so
     * their counts add up. The box test of a point is its coordinate ranges: the strips lie in the box.
     */
    private static List<SqlWhere> indexedBoundary(CountPlan.Cells plan, SqlWhere matching) {
        List<SqlWhere> parts = new ArrayList<>();
        for (CellCover.Strip strip : plan.cover().boundary()) {
            BoundingBox s = strip.box();
            // "+ 0" keeps the other axis off the index, which the planner would otherwise pick as often as not
            SqlWhere w = SqlWhere.NONE.and(POINT).and(strip.wide()
                    ? "atlas_point_y(geom) BETWEEN ? AND ? AND atlas_point_x(geom) + 0 BETWEEN ? AND ?"
                    : "atlas_point_x(geom) BETWEEN ? AND ? AND atlas_point_y(geom) + 0 > ? AND atlas_point_y(geom) + 0 < ?", strip.wide()
                    ? new Object[] {s.minLat(), s.maxLat(), s.minLon(), s.maxLon()}
                    : new Object[] {s.minLon(), s.maxLon(), s.minLat(), s.maxLat()});
            parts.add(w.equal("event_type", plan.eventType()).and(outsideFinest(plan, "atlas_point_x(geom)", "atlas_point_y(geom)"),
                    finestArgs(plan)));
        }
        parts.add(matching.and(NOT_POINT).and(outsideFinest(plan, "ST_X(ST_PointOnSurface(geom))", "ST_Y(ST_PointOnSurface(geom))"),
                finestArgs(plan)));
        return parts;
    }

    /** The predicates of the partial indexes, written as they are there, so the planner sees that they apply. */
    private static final String POINT = "GeometryType(geom) = 'POINT'";
    private static final String NOT_POINT = "GeometryType(geom) <> 'POINT'";

    /** Whether the cell of the point at ({@code x}, {@code y}) (SQL expressions) is outside the finest block summed. */
    private static String outsideFinest(CountPlan.Cells plan, String x, String y) {
        int level = plan.cover().finest().level();
        return "NOT (atlas_cell_x(" + x + ", " + level + ") BETWEEN ? AND ? AND atlas_cell_y(" + y + ", " + level + ") BETWEEN ? AND ?)";
    }

    private static Object[] finestArgs(CountPlan.Cells plan) {
        CellCover.Block f = plan.cover().finest();
        return new Object[] {f.x0(), f.x1(), f.y0(), f.y1()};
    }

    /**
     * The sums per cell of {@code cells} and event type (see {@link IncidentStore#keptCellSums}), read from the
     * coarsest stored level at least as fine, whose cells nest in them; empty for a level finer than the finest.
     */
    static Optional<Sql> cellSums(CellCover.Block cells, String eventType) {
        Optional<Integer> stored = MercatorCells.LEVELS.stream().filter(l -> l >= cells.level()).findFirst();
        return stored.map(level -> {
            CellCover.Block read = cells.at(level);
            int per = 1 << (level - cells.level());
            SqlWhere w = SqlWhere.NONE.and("level = ? AND cx BETWEEN ? AND ? AND cy BETWEEN ? AND ?", level, read.x0(), read.x1(),
                    read.y0(), read.y1()).equal("event_type", eventType);
            // the sub-select names the coarser cell once, so both backends group by it alike
            List<Object> args = new ArrayList<>(List.of(per, per));
            args.addAll(w.args());
            return new Sql("SELECT cx, cy, event_type, CAST(sum(incidents) AS BIGINT) AS n, CAST(sum(fatalities) AS BIGINT) AS f, "
                    + "sum(sum_x) AS sx, sum(sum_y) AS sy FROM (SELECT cx / CAST(? AS INTEGER) AS cx, cy / CAST(? AS INTEGER) AS cy, "
                    + "event_type, incidents, fatalities, sum_x, sum_y FROM incident_cells" + w.sql() + ") k "
                    + "GROUP BY cx, cy, event_type HAVING sum(incidents) > 0", args);
        });
    }

    /** The incidents starting each day ({@code event_day, n}, a row per day, type and country), of one type and country or all. */
    static Sql dayStarts(String eventType, String country) {
        SqlWhere w = SqlWhere.NONE.equal("event_type", eventType).equal("country", country);
        return new Sql("SELECT event_day, starts AS n FROM incident_days" + w.and("starts <> 0").sql(), w.args());
    }

    private long number(String sql, List<Object> args) {
        Number n = jdbc.queryForObject(sql, Number.class, args.toArray());
        return n == null ? 0 : n.longValue();
    }
}
