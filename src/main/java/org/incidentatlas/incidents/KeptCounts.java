package org.incidentatlas.incidents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.incidentatlas.cql.Sql;
import org.incidentatlas.filter.BoundingBox;
import org.incidentatlas.storage.SqlWhere;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the counts migrations V10 and V14 keep (incident_cells and incident_cell_totals, incident_days and
 * incident_months) for the plans of
 * {@link CountPlanner}. The SQL is the same on both backends (the cell functions have the same
 * names there) but for a bbox count, which PostgreSQL answers by its function atlas_kept_box_count (migrations V14_1,
 * V15_1, V16_1).
 */
final class KeptCounts {

    private static final String ENVELOPE = "ST_MakeEnvelope(?, ?, ?, ?, " + JdbcIncidentStore.SRID + ")";

    private final JdbcTemplate jdbc;
    /** Whether PostgreSQL's atlas_kept_box_count (migrations V14_1 to V16_1, on the point indexes of V15_1) counts a bbox. */
    private final boolean pointIndexes;

    KeptCounts(JdbcTemplate jdbc, boolean pointIndexes) {
        this.jdbc = jdbc;
        this.pointIndexes = pointIndexes;
    }

    long totals(CountPlan.Totals plan) {
        int level = MercatorCells.LEVELS.get(0);
        if (plan.eventType() == null) {
            return number("SELECT COALESCE(sum(incidents), 0) FROM incident_cell_totals WHERE level = ?", List.of(level));
        }
        SqlWhere w = SqlWhere.NONE.and("level = ?", level).equal("event_type", plan.eventType());
        return number("SELECT COALESCE(sum(incidents), 0) FROM incident_cells" + w.sql(), w.args());
    }

    /**
     * Incidents overlapping [start, end]: those starting on or before the end less those ending before the start.
     * Each prefix sum is the whole months before its bound's month (incident_months, migration V14) plus the days of
     * that month up to the bound (incident_days); both months' sums in one pass.
     */
    long days(CountPlan.Days plan) {
        SqlWhere same = SqlWhere.NONE.equal("event_type", plan.eventType()).equal("country", plan.country());
        LocalDate start = plan.dates() == null ? null : plan.dates().start();
        LocalDate end = plan.dates() == null ? null : plan.dates().end();
        List<Object> args = new ArrayList<>();
        String started = "starts";
        SqlWhere months = same;
        if (end != null) {
            started = "CASE WHEN event_month < ? THEN starts ELSE 0 END";
            args.add(month(end));
            // an empty range (start after end) still reads every month before its start's
            LocalDate last = start == null || !start.isAfter(end) ? end : start;
            months = same.and("event_month < ?", month(last));
        }
        String ended = "0";
        if (start != null) {
            ended = "CASE WHEN event_month < ? THEN ends ELSE 0 END";
            args.add(month(start));
        }
        args.addAll(months.args());
        StringBuilder sql = new StringBuilder("SELECT (SELECT COALESCE(sum(" + started + "), 0) - COALESCE(sum(" + ended + "), 0) "
                + "FROM incident_months" + months.sql() + ")");
        if (end != null) {
            SqlWhere days = same.and("event_day >= ? AND event_day <= ?", month(end), end);
            sql.append(" + (SELECT COALESCE(sum(starts), 0) FROM incident_days").append(days.sql()).append(")");
            args.addAll(days.args());
        }
        if (start != null) {
            SqlWhere days = same.and("event_day >= ? AND event_day < ?", month(start), start);
            sql.append(" - (SELECT COALESCE(sum(ends), 0) FROM incident_days").append(days.sql()).append(")");
            args.addAll(days.args());
        }
        return number(sql.toString(), args);
    }

    /** The first day of the month of {@code day}: how incident_months keys its rows. */
    private static LocalDate month(LocalDate day) {
        return day.withDayOfMonth(1);
    }

    /**
     * The cells wholly inside the box, plus the matches in the boundary strips (and the lines and areas
     * anywhere in the box) whose cell is not among the finest ones summed. {@code matching} is the
     * filter's own condition, box included.
     */
    long cells(CountPlan.Cells plan, SqlWhere matching) {
        return pointIndexes ? boxCountFunction(plan) : cellsAndBoundary(plan, matching);
    }

    /**
     * The count by PostgreSQL's function atlas_kept_box_count (migrations V14_1 to V16_1: the per-cell totals when no
     * type is asked for, the strips from the points' coordinate columns, a west or east strip by its column), whose
     * statements keep their plans for the connection's life; its runs, strips and block are {@link CellCover}'s. Arrays
     * go as text literals (Java's shortest exact decimal of each double, which PostgreSQL reads back to the same double).
     */
    private long boxCountFunction(CountPlan.Cells plan) {
        CellCover cover = plan.cover();
        List<CellCover.Run> rows = cover.runs().stream().filter(CellCover.Run::row).toList();
        List<CellCover.Run> columns = cover.runs().stream().filter(r -> !r.row()).toList();
        List<CellCover.Strip> strips = cover.boundary();
        CellCover.Block f = cover.finest();
        BoundingBox box = plan.box();
        List<Object> args = new ArrayList<>();
        for (List<CellCover.Run> runs : List.of(rows, columns)) {
            args.add(array(runs, CellCover.Run::level));
            args.add(array(runs, CellCover.Run::at));
            args.add(array(runs, CellCover.Run::from));
            args.add(array(runs, CellCover.Run::to));
        }
        args.add(plan.eventType());
        args.addAll(List.of(box.minLon(), box.minLat(), box.maxLon(), box.maxLat(), f.level(), Math.toIntExact(f.x0()),
                Math.toIntExact(f.x1()), Math.toIntExact(f.y0()), Math.toIntExact(f.y1())));
        args.add(array(strips, s -> s.wide() ? "t" : "f"));
        args.add(array(strips, s -> s.box().minLon()));
        args.add(array(strips, s -> s.box().minLat()));
        args.add(array(strips, s -> s.box().maxLon()));
        args.add(array(strips, s -> s.box().maxLat()));
        args.add(array(strips, CellCover.Strip::sureBelow));
        args.add(array(strips, CellCover.Strip::sureAbove));
        String ints = "CAST(? AS integer[]), ".repeat(4);
        String doubles = "CAST(? AS double precision[]), ".repeat(5);
        return number("SELECT atlas_kept_box_count(" + ints + ints + "CAST(? AS text), ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "CAST(? AS boolean[]), " + doubles + "CAST(? AS double precision[]))", args);
    }

    /** A PostgreSQL array literal of what {@code of} gives for each element. */
    private static <T> String array(List<T> elements, Function<T, Object> of) {
        return elements.stream().map(e -> String.valueOf(of.apply(e))).collect(Collectors.joining(",", "{", "}"));
    }

    /** The same count in one statement of plain SQL (H2): a sum per block of cells and the boundary. */
    private long cellsAndBoundary(CountPlan.Cells plan, SqlWhere matching) {
        List<String> parts = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        for (CellCover.Block b : plan.cover().blocks()) {
            SqlWhere w = SqlWhere.NONE.and("level = ? AND cx BETWEEN ? AND ? AND cy BETWEEN ? AND ?", b.level(), b.x0(), b.x1(),
                    b.y0(), b.y1()).equal("event_type", plan.eventType());
            // without a type, the totals over types (migration V14): a sixth of the rows
            String cells = plan.eventType() == null ? "incident_cell_totals" : "incident_cells";
            parts.add("SELECT COALESCE(sum(incidents), 0) AS n FROM " + cells + w.sql());
            args.addAll(w.args());
        }
        SqlWhere boundary = boundary(plan, matching);
        parts.add("SELECT count(*) AS n FROM incidents" + boundary.sql());
        args.addAll(boundary.args());
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
