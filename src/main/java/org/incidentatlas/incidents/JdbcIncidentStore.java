package org.incidentatlas.incidents;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.incidentatlas.borders.BorderMetrics;
import org.incidentatlas.borders.BorderSet;
import org.incidentatlas.cql.CqlDialect;
import org.incidentatlas.cql.CqlToSql;
import org.incidentatlas.cql.Sql;
import org.incidentatlas.filter.BoundingBox;
import org.incidentatlas.filter.DateRange;
import org.incidentatlas.filter.PageCursor;
import org.incidentatlas.filter.PageSlice;
import org.incidentatlas.storage.DatabaseBackend;
import org.incidentatlas.storage.KeysetPages;
import org.incidentatlas.storage.SqlDialect;
import org.incidentatlas.storage.SqlWhere;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The incident store on either backend: plain SQL both understand, with the parts that differ
 * between PostGIS and H2GIS (JSON parameters, the spatial predicate, the extent) taken from the
 * backend's {@link SqlDialect}. Reads stream from a cursor in keyset pages; writes use optimistic
 * locking on {@code version}.
 */
public class JdbcIncidentStore implements IncidentStore {

    static final int SRID = SqlDialect.SRID;

    /** Every stored field, the incident's border metrics among them (also joined to the change log, JdbcIncidentChanges). */
    static final String COLUMNS = IncidentColumns.select(IncidentSchema.STORED, "");

    /** The fields a client's data sets, in the order they are bound. */
    private static final String WRITABLE = IncidentColumns.names(IncidentSchema.WRITABLE);

    private static final KeysetPages.Table<Incident> TABLE = new KeysetPages.Table<>("incidents", "id",
            JdbcIncidentStore::idValue, incident -> Long.toString(incident.id()));

    /** The sort key of incidents without metrics (no borders loaded): after every real distance. */
    private static final double NO_DISTANCE = 1e15;

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final CqlDialect cqlDialect;
    private final Supplier<BorderSet> borders;
    private final BorderDistanceTable distances;
    private final TransactionTemplate transactions;
    private final KeysetPages pages;
    private final IncidentColumns columns;
    private final KeptCounts kept;
    /** Exact counts where no kept count answers, within the count budget (null: none beyond the kept counts). */
    private final JdbcTemplate budgetedCounts;
    private final GeometryFactory geometries = new GeometryFactory(new PrecisionModel(), SRID);

    /** {@code borders} gives the borders in force when an incident is written; a count budget of one second. */
    public JdbcIncidentStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, SqlDialect dialect,
                             Supplier<BorderSet> borders) {
        this(jdbc, transactionManager, dialect, borders, 1);
    }

    /**
     * As above, with {@code countBudgetSeconds}: how long numberMatched may count exactly where no kept count answers
     * before it is left out (0: never counted beyond the kept counts).
     */
    public JdbcIncidentStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, SqlDialect dialect,
                             Supplier<BorderSet> borders, int countBudgetSeconds) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.cqlDialect = CqlDialect.of(dialect);
        this.borders = borders;
        this.transactions = new TransactionTemplate(transactionManager);
        this.pages = new KeysetPages(jdbc, transactionManager);
        this.distances = new BorderDistanceTable(jdbc, dialect);
        this.columns = new IncidentColumns(dialect);
        this.kept = new KeptCounts(jdbc, dialect.backend() == DatabaseBackend.POSTGIS);
        if (countBudgetSeconds > 0) {
            this.budgetedCounts = new JdbcTemplate(jdbc.getDataSource());
            budgetedCounts.setQueryTimeout(countBudgetSeconds);
            budgetedCounts.setExceptionTranslator(jdbc.getExceptionTranslator());
        } else {
            this.budgetedCounts = null;
        }
    }

    /** The sort column of a field (never null: keyset paging compares values) and how its values are read and bound. */
    private static KeysetPages.SortKey<Incident> sortKey(IncidentSort.Key key) {
        boolean desc = key.descending();
        return switch (key.field()) {
            case EVENT_DATE -> new KeysetPages.SortKey<>("event_date", desc, i -> i.data().eventDate().toString(), LocalDate::parse);
            case EVENT_DATE_LAST -> new KeysetPages.SortKey<>("event_last_date", desc, i -> (i.data().eventDateEnd() != null
                    ? i.data().eventDateEnd() : i.data().eventDate()).toString(), LocalDate::parse);
            case FATALITIES -> number("COALESCE(fatalities, -1)", desc, i -> i.data().fatalities().best());
            case INJURED -> number("COALESCE(injured, -1)", desc, i -> i.data().injured().best());
            case GEO_PRECISION -> number("geo_precision", desc, i -> i.data().location().geoPrecision());
            case BORDER_DISTANCE -> new KeysetPages.SortKey<>("border_distance_key", desc,
                    i -> Double.toString(i.border().distanceM() == null ? NO_DISTANCE : i.border().distanceM()), Double::parseDouble);
            case COUNTRY -> text("COALESCE(country, '')", desc, i -> i.data().location().country());
            case ADMIN1 -> text("COALESCE(admin1, '')", desc, i -> i.data().location().admin1());
            case EVENT_TYPE -> text("event_type", desc, i -> i.data().eventType());
            case SUB_EVENT_TYPE -> text("COALESCE(sub_event_type, '')", desc, i -> i.data().subEventType());
            case LOCATION_NAME -> text("COALESCE(location_name, '')", desc, i -> i.data().location().name());
        };
    }

    private static KeysetPages.SortKey<Incident> number(String column, boolean desc, java.util.function.Function<Incident, Integer> get) {
        return new KeysetPages.SortKey<>(column, desc, i -> Integer.toString(get.apply(i) == null ? -1 : get.apply(i)),
                v -> Integer.parseInt(v));
    }

    private static KeysetPages.SortKey<Incident> text(String column, boolean desc, java.util.function.Function<Incident, String> get) {
        return new KeysetPages.SortKey<>(column, desc, i -> get.apply(i) == null ? "" : get.apply(i), v -> v);
    }

    /** Cursor keys come from clients: a key that is no incident id selects nothing rather than failing. */
    private static Object idValue(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            return 0L;
        }
    }

    // --- writes ---

    @Override
    public Incident create(IncidentData data) {
        BorderMetrics metrics = borders.get().metrics(data.location().geometry(), data.eventDate());
        String placeholders = String.join(", ", valuePlaceholders());
        String sql = "INSERT INTO incidents (" + WRITABLE + ", " + METRICS + ") VALUES (" + placeholders + ", "
                + METRIC_PLACEHOLDERS + ")";
        Long id = transactions.execute(status -> {
            KeyHolder keys = new GeneratedKeyHolder();
            jdbc.update(con -> {
                PreparedStatement ps = con.prepareStatement(sql, new String[] {"id"});
                bindMetrics(ps, columns.bind(ps, 1, IncidentSchema.WRITABLE, data), metrics);
                return ps;
            }, keys);
            long newId = keys.getKey().longValue();
            distances.insert(distanceRows(newId, metrics));
            return newId;
        });
        return find(id).orElseThrow(() -> new DataRetrievalFailureException("incident " + id + " vanished after insert"));
    }

    @Override
    public List<Long> createAll(List<IncidentData> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        BorderSet set = borders.get();
        List<BorderMetrics> metrics = batch.parallelStream().map(d -> set.metrics(d.location().geometry(), d.eventDate())).toList();
        String sql = "INSERT INTO incidents (" + WRITABLE + ", " + METRICS + ") VALUES (" + String.join(", ", valuePlaceholders())
                + ", " + METRIC_PLACEHOLDERS + ")";
        return transactions.execute(status -> jdbc.execute((java.sql.Connection con) -> {
            List<Long> ids = new ArrayList<>(batch.size());
            try (PreparedStatement ps = con.prepareStatement(sql, new String[] {"id"})) {
                for (int i = 0; i < batch.size(); i++) {
                    bindMetrics(ps, columns.bind(ps, 1, IncidentSchema.WRITABLE, batch.get(i)), metrics.get(i));
                    ps.addBatch();
                }
                ps.executeBatch();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    while (keys.next()) {
                        ids.add(keys.getLong(1));
                    }
                }
            }
            if (ids.size() != batch.size()) {
                throw new DataRetrievalFailureException("the database returned " + ids.size() + " ids for " + batch.size() + " rows");
            }
            List<BorderDistanceTable.Row> rows = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                rows.addAll(distanceRows(ids.get(i), metrics.get(i)));
            }
            distances.insert(rows);
            return ids;
        }));
    }

    @Override
    public Incident update(long id, IncidentData data, Integer expectedVersion) {
        return transactions.execute(status -> {
            List<String> sets = new ArrayList<>();
            List<String> placeholders = valuePlaceholders();
            for (int i = 0; i < IncidentSchema.WRITABLE.size(); i++) {
                sets.add(IncidentSchema.WRITABLE.get(i).column() + " = " + placeholders.get(i));
            }
            BorderMetrics metrics = borders.get().metrics(data.location().geometry(), data.eventDate());
            String sql = "UPDATE incidents SET " + String.join(", ", sets) + ", " + METRIC_ASSIGNMENTS
                    + ", updated_at = CURRENT_TIMESTAMP, version = version + 1 WHERE id = ?"
                    + (expectedVersion != null ? " AND version = ?" : "");
            int changed = jdbc.update(con -> {
                PreparedStatement ps = con.prepareStatement(sql);
                int next = bindMetrics(ps, columns.bind(ps, 1, IncidentSchema.WRITABLE, data), metrics);
                ps.setLong(next++, id);
                if (expectedVersion != null) {
                    ps.setInt(next, expectedVersion);
                }
                return ps;
            });
            if (changed == 0) {
                throw missingOrConflict(id, expectedVersion);
            }
            // the UPDATE above holds the incident's row, so its distances cannot change under us
            distances.replace(List.of(id), distanceRows(id, metrics));
            return find(id).orElseThrow(() -> new IncidentNotFoundException(id));
        });
    }

    @Override
    public void delete(long id, Integer expectedVersion) {
        transactions.executeWithoutResult(status -> {
            // lock the row first: its distances are read before the delete takes them away
            List<Integer> locked = expectedVersion == null
                    ? jdbc.queryForList("SELECT version FROM incidents WHERE id = ? FOR UPDATE", Integer.class, id)
                    : jdbc.queryForList("SELECT version FROM incidents WHERE id = ? AND version = ? FOR UPDATE", Integer.class, id,
                            expectedVersion);
            if (locked.isEmpty()) {
                throw missingOrConflict(id, expectedVersion);
            }
            distances.forget(id);
            jdbc.update("DELETE FROM incidents WHERE id = ?", id);
        });
    }

    private static final String METRICS = "border_distance_m, nearest_border, nearest_border_point, border_side";
    private static final String METRIC_PLACEHOLDERS = "?, ?, ST_GeomFromWKB(?, 4326), ?";
    private static final String METRIC_ASSIGNMENTS = "border_distance_m = ?, nearest_border = ?, "
            + "nearest_border_point = ST_GeomFromWKB(?, 4326), border_side = ?";

    /** The nearest border point as WKB, or null without borders. */
    private byte[] nearestPointWkb(BorderMetrics m) {
        return m.nearestLon() == null ? null
                : new WKBWriter(2).write(geometries.createPoint(new Coordinate(m.nearestLon(), m.nearestLat())));
    }

    private int bindMetrics(PreparedStatement ps, int first, BorderMetrics m) throws SQLException {
        int i = first;
        ps.setObject(i++, m.distanceM(), Types.DOUBLE);
        ps.setString(i++, m.nearestBorder());
        ps.setBytes(i++, nearestPointWkb(m));
        ps.setString(i++, m.side());
        return i;
    }

    /** The incident's distance to each border within the cutoff. */
    private static List<BorderDistanceTable.Row> distanceRows(long id, BorderMetrics m) {
        return m.withinCutoff().entrySet().stream().map(e -> new BorderDistanceTable.Row(e.getKey(), id, e.getValue())).toList();
    }

    @Override
    public RecomputedBatch recomputeBorderMetrics(BorderSet set, long afterId, int batchSize) {
        return transactions.execute(status -> {
            List<IncidentField> read = List.of(IncidentField.ID, IncidentField.GEOMETRY, IncidentField.EVENT_DATE, IncidentField.VERSION);
            List<Object[]> batch = jdbc.query("SELECT " + IncidentColumns.select(read, "") + " FROM incidents "
                    + "WHERE id > ? ORDER BY id LIMIT ?", (rs, n) -> {
                        Map<IncidentField, Object> v = columns.read(rs, read);
                        return new Object[] {v.get(IncidentField.ID), v.get(IncidentField.GEOMETRY), v.get(IncidentField.EVENT_DATE),
                                v.get(IncidentField.VERSION)};
                    }, afterId, batchSize);
            if (batch.isEmpty()) {
                return new RecomputedBatch(0, afterId);
            }
            // the geodesic work dominates and each incident's is independent: spread it over the cores
            List<BorderMetrics> metrics = batch.parallelStream().map(row -> set.metrics((Geometry) row[1], (LocalDate) row[2])).toList();
            List<Object[]> updates = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                Object[] row = batch.get(i);
                BorderMetrics m = metrics.get(i);
                updates.add(new Object[] {m.distanceM(), m.nearestBorder(), nearestPointWkb(m),
                        m.side(), row[0], row[3]});
            }
            // an incident edited meanwhile got fresh metrics from its own write: leave it alone
            int[] changed = jdbc.batchUpdate("UPDATE incidents SET " + METRIC_ASSIGNMENTS + " WHERE id = ? AND version = ?", updates,
                    new int[] {Types.DOUBLE, Types.VARCHAR, Types.VARBINARY, Types.VARCHAR, Types.BIGINT, Types.INTEGER});
            List<Long> updated = new ArrayList<>();
            List<BorderDistanceTable.Row> rows = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                if (changed[i] == 0) {
                    continue;
                }
                long id = (Long) batch.get(i)[0];
                updated.add(id);
                rows.addAll(distanceRows(id, metrics.get(i)));
            }
            // the UPDATE above holds these incidents' rows until commit
            distances.replace(updated, rows);
            return new RecomputedBatch(batch.size(), (Long) batch.get(batch.size() - 1)[0]);
        });
    }

    private RuntimeException missingOrConflict(long id, Integer expectedVersion) {
        List<Integer> current = jdbc.queryForList("SELECT version FROM incidents WHERE id = ?", Integer.class, id);
        if (current.isEmpty()) {
            return new IncidentNotFoundException(id);
        }
        return new VersionConflictException(id, expectedVersion, current.get(0));
    }

    private List<String> valuePlaceholders() {
        return columns.placeholders(IncidentSchema.WRITABLE);
    }

    // --- reads ---

    @Override
    public Optional<Incident> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM incidents WHERE id = ?", mapper(), id)
                .stream().findFirst();
    }

    @Override
    public long count(IncidentFilter filter) {
        return count(filter, jdbc);
    }

    private long count(IncidentFilter filter, JdbcTemplate template) {
        if (onlyBorderDistance(filter)) {
            // answered from the per-border distance bands, without touching incidents
            return distances.countWithinAny(filter.borders(), filter.maxBorderDistanceM());
        }
        SqlWhere where = where(filter);
        Long n = template.queryForObject("SELECT count(*) FROM incidents" + where.sql(), Long.class, where.args().toArray());
        return n == null ? 0 : n;
    }

    @Override
    public OptionalLong numberMatched(IncidentFilter filter) {
        CountPlan plan = CountPlanner.plan(filter);
        if (plan instanceof CountPlan.Totals t) {
            return OptionalLong.of(kept.totals(t));
        }
        if (plan instanceof CountPlan.Days d) {
            return OptionalLong.of(kept.days(d));
        }
        if (plan instanceof CountPlan.Cells c) {
            return OptionalLong.of(kept.cells(c, where(filter)));
        }
        if (plan instanceof CountPlan.BorderBands b) {
            return OptionalLong.of(distances.countWithinAny(b.borders(), b.maxDistanceM()));
        }
        if (budgetedCounts == null) {
            return OptionalLong.empty();
        }
        try {
            // exact when the database answers within the budget (small matches, selective filters); left out
            // past it, so numberMatched is never wrong and never holds the page up for long
            return OptionalLong.of(count(filter, budgetedCounts));
        } catch (QueryTimeoutException overBudget) {
            return OptionalLong.empty();
        }
    }

    @Override
    public PageSlice page(IncidentFilter filter, IncidentSort order, PageCursor cursor, int limit, Consumer<Incident> sink) {
        KeysetPages.Sort<Incident> sort = order.keys().isEmpty() && !order.idDescending() ? null
                : order.keys().isEmpty() ? new KeysetPages.Sort<>("id", true, i -> Long.toString(i.id()), JdbcIncidentStore::idValue)
                : new KeysetPages.Sort<>(order.keys().stream().map(JdbcIncidentStore::sortKey).toList(), order.idDescending());
        return pages.page(TABLE, sort, COLUMNS, where(filter), cursor, limit, mapper(), sink);
    }

    @Override
    public Optional<Extent> extent() {
        Optional<BoundingBox> bbox = dialect.incidentExtent(jdbc);
        if (bbox.isEmpty()) {
            return Optional.empty();
        }
        DateRange dates = jdbc.queryForObject("SELECT min(event_date), max(event_last_date) FROM incidents",
                (rs, n) -> new DateRange(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)));
        return Optional.of(new Extent(bbox.get(), dates));
    }

    @Override
    public SqlWhere condition(IncidentFilter filter) {
        return where(filter);
    }

    @Override
    public Optional<Sql> keptCellSums(IncidentFilter filter, CellCover.Block cells) {
        return CountPlanner.cellsAnswer(filter) ? KeptCounts.cellSums(cells, filter.eventType()) : Optional.empty();
    }

    @Override
    public Optional<Sql> keptDayStarts(IncidentFilter filter) {
        return CountPlanner.daysAnswer(filter) ? Optional.of(KeptCounts.dayStarts(filter.eventType(), filter.country())) : Optional.empty();
    }

    private SqlWhere where(IncidentFilter f) {
        SqlWhere w = SqlWhere.NONE;
        if (f.bbox() != null) {
            w = dialect.intersectsEnvelope(w, "geom", f.bbox());
        }
        if (f.dates() != null) {
            if (f.dates().end() != null) {
                w = w.and("event_date <= ?", f.dates().end());
            }
            if (f.dates().start() != null) {
                w = w.and("event_last_date >= ?", f.dates().start());
            }
        }
        w = w.equal("event_type", f.eventType()).equal("sub_event_type", f.subEventType()).equal("country", f.country())
                .equal("admin1", f.admin1()).equal("place_id", f.placeId()).equal("geo_precision", f.geoPrecision());
        if (f.actor() != null) {
            w = w.and("(actor1 = ? OR actor2 = ?)", f.actor(), f.actor());
        }
        if (f.maxBorderDistanceM() != null && f.borders() == null) {
            // border_distance_key is the distance where there is one (and 1e15 where not): indexed
            w = w.and("border_distance_key <= ?", Math.min(f.maxBorderDistanceM(), NO_DISTANCE / 2));
        } else if (f.maxBorderDistanceM() != null) {
            List<Object> args = new ArrayList<>(f.borders());
            args.add(f.maxBorderDistanceM());
            // A correlated probe per incident, kept from being turned into a join by OFFSET 0: a page then
            // walks the incidents from its cursor and probes the (incident_id, border_id, distance_m)
            // index, where a semi-join would read the border's distance rows from the start on every page.
            w = w.and("EXISTS (SELECT 1 FROM incident_border_distances d WHERE d.incident_id = incidents.id AND d.border_id IN ("
                    + SqlWhere.placeholders(f.borders().size()) + ") AND d.distance_m <= ? OFFSET 0 ROWS)", args.toArray());
        } else if (f.borders() != null) {
            w = w.and("nearest_border IN (" + SqlWhere.placeholders(f.borders().size()) + ")", f.borders().toArray());
        }
        if (f.near() != null) {
            w = dialect.withinDistance(w, "geom", f.near().lon(), f.near().lat(), f.near().radiusM());
        }
        if (f.where() != null) {
            Sql cql = new CqlToSql(IncidentQueryables.ALL, cqlDialect).condition(f.where());
            w = w.and(cql.text(), cql.args().toArray());
        }
        return w;
    }

    /** "within N m of border X" and nothing else: the common question, countable from one index. */
    private static boolean onlyBorderDistance(IncidentFilter f) {
        return f.borders() != null && f.maxBorderDistanceM() != null && f.bbox() == null && f.dates() == null
                && f.eventType() == null && f.subEventType() == null && f.country() == null && f.admin1() == null
                && f.actor() == null && f.placeId() == null && f.geoPrecision() == null && f.near() == null && f.where() == null;
    }

    /** Incidents from the rows of one query (selected with {@link #COLUMNS}), their columns found once. */
    RowMapper<Incident> mapper() {
        IncidentColumns.Reader reader = columns.reader(IncidentSchema.STORED);
        return (rs, n) -> IncidentSchema.incident(reader.read(rs));
    }
}
