package org.incidentatlas.incidents;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.incidentatlas.borders.BorderMetrics;
import org.incidentatlas.borders.BorderSet;
import org.incidentatlas.filter.BoundingBox;
import org.incidentatlas.filter.DateRange;
import org.incidentatlas.filter.PageCursor;
import org.incidentatlas.filter.PageSlice;
import org.incidentatlas.storage.KeysetPages;
import org.incidentatlas.storage.SqlDialect;
import org.incidentatlas.storage.SqlWhere;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The incident store on either backend: plain SQL both understand, with the parts that differ
 * between PostGIS and H2GIS (JSON parameters, the spatial predicate, the extent) taken from the
 * backend's {@link SqlDialect}. Reads stream from a cursor in keyset pages; writes use optimistic
 * locking on {@code version}.
 */
public class JdbcIncidentStore implements IncidentStore {

    static final int SRID = SqlDialect.SRID;

    private static final String COLUMNS = "id, event_date, event_date_end, date_precision, event_type, sub_event_type, "
            + "actor1, actor2, ST_AsBinary(geom) AS geom_wkb, location_name, place_id, country, admin1, admin2, "
            + "geo_precision, fatalities, fatalities_low, fatalities_high, injured, injured_low, injured_high, "
            + "claims, sources, notes, status, confidence, created_at, updated_at, version, "
            + "border_distance_m, nearest_border, ST_AsBinary(nearest_border_point) AS nearest_border_wkb, border_side";

    private static final String WRITABLE = "event_date, event_date_end, date_precision, event_type, sub_event_type, "
            + "actor1, actor2, geom, location_name, place_id, country, admin1, admin2, geo_precision, "
            + "fatalities, fatalities_low, fatalities_high, injured, injured_low, injured_high, claims, sources, notes, status, confidence";

    private static final TypeReference<List<Claim>> CLAIMS = new TypeReference<>() { };
    private static final TypeReference<List<SourceRef>> SOURCES = new TypeReference<>() { };

    private static final KeysetPages.Table<Incident> TABLE = new KeysetPages.Table<>("incidents", "id",
            JdbcIncidentStore::idValue, incident -> Long.toString(incident.id()));

    private static final KeysetPages.Sort<Incident> BY_BORDER_DISTANCE = borderDistanceSort(false);
    private static final KeysetPages.Sort<Incident> BY_BORDER_DISTANCE_DESC = borderDistanceSort(true);
    /** The sort key of incidents without metrics (no borders loaded): after every real distance. */
    private static final double NO_DISTANCE = 1e15;

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final Supplier<BorderSet> borders;
    private final TransactionTemplate transactions;
    private final KeysetPages pages;
    private final JsonMapper json = JsonMapper.builder().build();
    private final GeometryFactory geometries = new GeometryFactory(new PrecisionModel(), SRID);

    /** {@code borders} gives the borders in force when an incident is written. */
    public JdbcIncidentStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, SqlDialect dialect,
                             Supplier<BorderSet> borders) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.borders = borders;
        this.transactions = new TransactionTemplate(transactionManager);
        this.pages = new KeysetPages(jdbc, transactionManager);
    }

    private static KeysetPages.Sort<Incident> borderDistanceSort(boolean descending) {
        return new KeysetPages.Sort<>("border_distance_key", descending,
                i -> Double.toString(i.border().distanceM() == null ? NO_DISTANCE : i.border().distanceM()), Double::parseDouble);
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
                bindMetrics(ps, bindWritable(ps, 1, data), metrics);
                return ps;
            }, keys);
            long newId = keys.getKey().longValue();
            writeDistances(newId, metrics);
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
        List<BorderMetrics> metrics = batch.stream().map(d -> set.metrics(d.location().geometry(), d.eventDate())).toList();
        String sql = "INSERT INTO incidents (" + WRITABLE + ", " + METRICS + ") VALUES (" + String.join(", ", valuePlaceholders())
                + ", " + METRIC_PLACEHOLDERS + ")";
        return transactions.execute(status -> jdbc.execute((java.sql.Connection con) -> {
            List<Long> ids = new ArrayList<>(batch.size());
            try (PreparedStatement ps = con.prepareStatement(sql, new String[] {"id"})) {
                for (int i = 0; i < batch.size(); i++) {
                    bindMetrics(ps, bindWritable(ps, 1, batch.get(i)), metrics.get(i));
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
            List<Object[]> distances = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                long id = ids.get(i);
                metrics.get(i).withinCutoff().forEach((border, d) -> distances.add(new Object[] {border, id, d}));
            }
            if (!distances.isEmpty()) {
                jdbc.batchUpdate("INSERT INTO incident_border_distances (border_id, incident_id, distance_m) VALUES (?, ?, ?)", distances);
            }
            return ids;
        }));
    }

    @Override
    public Incident update(long id, IncidentData data, Integer expectedVersion) {
        return transactions.execute(status -> {
            List<String> sets = new ArrayList<>();
            String[] columns = WRITABLE.split(", ");
            List<String> placeholders = valuePlaceholders();
            for (int i = 0; i < columns.length; i++) {
                sets.add(columns[i] + " = " + placeholders.get(i));
            }
            BorderMetrics metrics = borders.get().metrics(data.location().geometry(), data.eventDate());
            String sql = "UPDATE incidents SET " + String.join(", ", sets) + ", " + METRIC_ASSIGNMENTS
                    + ", updated_at = CURRENT_TIMESTAMP, version = version + 1 WHERE id = ?"
                    + (expectedVersion != null ? " AND version = ?" : "");
            int changed = jdbc.update(con -> {
                PreparedStatement ps = con.prepareStatement(sql);
                int next = bindMetrics(ps, bindWritable(ps, 1, data), metrics);
                ps.setLong(next++, id);
                if (expectedVersion != null) {
                    ps.setInt(next, expectedVersion);
                }
                return ps;
            });
            if (changed == 0) {
                throw missingOrConflict(id, expectedVersion);
            }
            writeDistances(id, metrics);
            return find(id).orElseThrow(() -> new IncidentNotFoundException(id));
        });
    }

    @Override
    public void delete(long id, Integer expectedVersion) {
        transactions.executeWithoutResult(status -> {
            int changed = expectedVersion == null
                    ? jdbc.update("DELETE FROM incidents WHERE id = ?", id)
                    : jdbc.update("DELETE FROM incidents WHERE id = ? AND version = ?", id, expectedVersion);
            if (changed == 0) {
                throw missingOrConflict(id, expectedVersion);
            }
        });
    }

    private static final String METRICS = "border_distance_m, nearest_border, nearest_border_point, border_side";
    private static final String METRIC_PLACEHOLDERS = "?, ?, ST_GeomFromWKB(?, 4326), ?";
    private static final String METRIC_ASSIGNMENTS = "border_distance_m = ?, nearest_border = ?, "
            + "nearest_border_point = ST_GeomFromWKB(?, 4326), border_side = ?";

    private int bindMetrics(PreparedStatement ps, int first, BorderMetrics m) throws SQLException {
        int i = first;
        ps.setObject(i++, m.distanceM(), Types.DOUBLE);
        ps.setString(i++, m.nearestBorder());
        ps.setBytes(i++, m.nearestLon() == null ? null
                : new WKBWriter(2).write(geometries.createPoint(new Coordinate(m.nearestLon(), m.nearestLat()))));
        ps.setString(i++, m.side());
        return i;
    }

    /** The incident's distance to each border within the cutoff (replacing what was there). */
    private void writeDistances(long id, BorderMetrics m) {
        jdbc.update("DELETE FROM incident_border_distances WHERE incident_id = ?", id);
        List<Object[]> rows = m.withinCutoff().entrySet().stream().map(e -> new Object[] {e.getKey(), id, e.getValue()}).toList();
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO incident_border_distances (border_id, incident_id, distance_m) VALUES (?, ?, ?)", rows);
        }
    }

    @Override
    public RecomputedBatch recomputeBorderMetrics(BorderSet set, long afterId, int batchSize) {
        return transactions.execute(status -> {
            List<Object[]> batch = jdbc.query("SELECT id, ST_AsBinary(geom) AS geom_wkb, event_date, version FROM incidents "
                    + "WHERE id > ? ORDER BY id LIMIT ?", (rs, n) -> new Object[] {rs.getLong("id"), readGeometry(rs, "geom_wkb"),
                    rs.getObject("event_date", LocalDate.class), rs.getInt("version")}, afterId, batchSize);
            if (batch.isEmpty()) {
                return new RecomputedBatch(0, afterId);
            }
            List<BorderMetrics> metrics = new ArrayList<>();
            List<Object[]> updates = new ArrayList<>();
            for (Object[] row : batch) {
                BorderMetrics m = set.metrics((Geometry) row[1], (LocalDate) row[2]);
                metrics.add(m);
                updates.add(new Object[] {m.distanceM(), m.nearestBorder(), m.nearestLon() == null ? null
                        : new WKBWriter(2).write(geometries.createPoint(new Coordinate(m.nearestLon(), m.nearestLat()))),
                        m.side(), row[0], row[3]});
            }
            // an incident edited meanwhile got fresh metrics from its own write: leave it alone
            int[] changed = jdbc.batchUpdate("UPDATE incidents SET " + METRIC_ASSIGNMENTS + " WHERE id = ? AND version = ?", updates,
                    new int[] {Types.DOUBLE, Types.VARCHAR, Types.VARBINARY, Types.VARCHAR, Types.BIGINT, Types.INTEGER});
            List<Object[]> stale = new ArrayList<>();
            List<Object[]> distances = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                if (changed[i] == 0) {
                    continue;
                }
                Object id = batch.get(i)[0];
                stale.add(new Object[] {id});
                metrics.get(i).withinCutoff().forEach((border, d) -> distances.add(new Object[] {border, id, d}));
            }
            jdbc.batchUpdate("DELETE FROM incident_border_distances WHERE incident_id = ?", stale);
            if (!distances.isEmpty()) {
                jdbc.batchUpdate("INSERT INTO incident_border_distances (border_id, incident_id, distance_m) VALUES (?, ?, ?)", distances);
            }
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
        List<String> p = new ArrayList<>();
        for (String column : WRITABLE.split(", ")) {
            p.add(switch (column) {
                case "geom" -> "ST_GeomFromWKB(?, " + SRID + ")";
                case "claims", "sources" -> dialect.jsonParameter();
                default -> "?";
            });
        }
        return p;
    }

    private int bindWritable(PreparedStatement ps, int first, IncidentData d) throws SQLException {
        int i = first;
        IncidentLocation loc = d.location();
        ps.setObject(i++, d.eventDate());
        ps.setObject(i++, d.eventDateEnd(), Types.DATE);
        ps.setString(i++, d.datePrecision().code());
        ps.setString(i++, d.eventType());
        ps.setString(i++, d.subEventType());
        ps.setString(i++, d.actor1());
        ps.setString(i++, d.actor2());
        ps.setBytes(i++, new WKBWriter(2).write(loc.geometry()));
        ps.setString(i++, loc.name());
        ps.setString(i++, loc.placeId());
        ps.setString(i++, loc.country());
        ps.setString(i++, loc.admin1());
        ps.setString(i++, loc.admin2());
        ps.setInt(i++, loc.geoPrecision());
        i = bindCasualties(ps, i, d.fatalities());
        i = bindCasualties(ps, i, d.injured());
        ps.setString(i++, json.writeValueAsString(d.claims()));
        ps.setString(i++, json.writeValueAsString(d.sources()));
        ps.setString(i++, d.notes());
        ps.setString(i++, d.status().code());
        ps.setObject(i++, d.confidence(), Types.DOUBLE);
        return i;
    }

    private static int bindCasualties(PreparedStatement ps, int i, Casualties c) throws SQLException {
        ps.setObject(i++, c.best(), Types.INTEGER);
        ps.setObject(i++, c.low(), Types.INTEGER);
        ps.setObject(i++, c.high(), Types.INTEGER);
        return i;
    }

    // --- reads ---

    @Override
    public Optional<Incident> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM incidents WHERE id = ?", (rs, n) -> map(rs), id)
                .stream().findFirst();
    }

    @Override
    public long count(IncidentFilter filter) {
        if (onlyBorderDistance(filter)) {
            // answered from the (border_id, distance_m, incident_id) index alone, without touching incidents
            String sql = filter.borders().size() == 1
                    ? "SELECT count(*) FROM incident_border_distances WHERE border_id = ? AND distance_m <= ?"
                    : "SELECT count(DISTINCT incident_id) FROM incident_border_distances WHERE border_id IN ("
                            + marks(filter.borders().size()) + ") AND distance_m <= ?";
            List<Object> args = new ArrayList<>(filter.borders());
            args.add(filter.maxBorderDistanceM());
            Long n = jdbc.queryForObject(sql, Long.class, args.toArray());
            return n == null ? 0 : n;
        }
        SqlWhere where = where(filter);
        Long n = jdbc.queryForObject("SELECT count(*) FROM incidents" + where.sql(), Long.class, where.args().toArray());
        return n == null ? 0 : n;
    }

    @Override
    public PageSlice page(IncidentFilter filter, IncidentOrder order, PageCursor cursor, int limit, Consumer<Incident> sink) {
        KeysetPages.Sort<Incident> sort = switch (order) {
            case ID -> null;
            case BORDER_DISTANCE -> BY_BORDER_DISTANCE;
            case BORDER_DISTANCE_DESC -> BY_BORDER_DISTANCE_DESC;
        };
        return pages.page(TABLE, sort, COLUMNS, where(filter), cursor, limit, (rs, n) -> map(rs), sink);
    }

    @Override
    public Optional<Extent> extent() {
        Optional<BoundingBox> bbox = dialect.extent(jdbc, "incidents", "geom");
        if (bbox.isEmpty()) {
            return Optional.empty();
        }
        DateRange dates = jdbc.queryForObject("SELECT min(event_date), max(event_last_date) FROM incidents",
                (rs, n) -> new DateRange(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)));
        return Optional.of(new Extent(bbox.get(), dates));
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
            w = w.and("id IN (SELECT incident_id FROM incident_border_distances WHERE border_id IN (" + marks(f.borders().size())
                    + ") AND distance_m <= ?)", args.toArray());
        } else if (f.borders() != null) {
            w = w.and("nearest_border IN (" + marks(f.borders().size()) + ")", f.borders().toArray());
        }
        if (f.near() != null) {
            w = dialect.withinDistance(w, "geom", f.near().lon(), f.near().lat(), f.near().radiusM());
        }
        return w;
    }

    /** "within N m of border X" and nothing else: the common question, countable from one index. */
    private static boolean onlyBorderDistance(IncidentFilter f) {
        return f.borders() != null && f.maxBorderDistanceM() != null && f.bbox() == null && f.dates() == null
                && f.eventType() == null && f.subEventType() == null && f.country() == null && f.admin1() == null
                && f.actor() == null && f.placeId() == null && f.geoPrecision() == null && f.near() == null;
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private Geometry readGeometry(ResultSet rs, String column) throws SQLException {
        byte[] wkb = rs.getBytes(column);
        if (wkb == null) {
            return null;
        }
        try {
            Geometry g = new WKBReader(geometries).read(wkb);
            g.setSRID(SRID);
            return g;
        } catch (ParseException e) {
            throw new DataRetrievalFailureException("unreadable geometry in incident " + rs.getLong("id"), e);
        }
    }

    private Incident map(ResultSet rs) throws SQLException {
        Geometry geometry = readGeometry(rs, "geom_wkb");
        IncidentLocation location = new IncidentLocation(geometry, rs.getString("location_name"),
                rs.getString("place_id"), rs.getString("country"), rs.getString("admin1"), rs.getString("admin2"),
                rs.getInt("geo_precision"));
        IncidentData data = new IncidentData(
                rs.getObject("event_date", LocalDate.class),
                rs.getObject("event_date_end", LocalDate.class),
                DatePrecision.fromCode(rs.getString("date_precision")).orElseThrow(),
                rs.getString("event_type"), rs.getString("sub_event_type"),
                rs.getString("actor1"), rs.getString("actor2"),
                location,
                casualties(rs, "fatalities"), casualties(rs, "injured"),
                json.readValue(rs.getString("claims"), CLAIMS),
                json.readValue(rs.getString("sources"), SOURCES),
                rs.getString("notes"),
                ReviewStatus.fromCode(rs.getString("status")).orElseThrow(),
                rs.getObject("confidence", Double.class));
        Geometry nearest = readGeometry(rs, "nearest_border_wkb");
        BorderMetrics metrics = new BorderMetrics(rs.getObject("border_distance_m", Double.class), rs.getString("nearest_border"),
                nearest == null ? null : nearest.getCoordinate().x, nearest == null ? null : nearest.getCoordinate().y,
                rs.getString("border_side"), null);
        return new Incident(rs.getLong("id"), data, metrics,
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getInt("version"));
    }

    private static Casualties casualties(ResultSet rs, String column) throws SQLException {
        return new Casualties(rs.getObject(column, Integer.class), rs.getObject(column + "_low", Integer.class),
                rs.getObject(column + "_high", Integer.class));
    }
}
