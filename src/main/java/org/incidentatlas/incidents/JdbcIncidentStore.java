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

import org.incidentatlas.filter.BoundingBox;
import org.incidentatlas.filter.DateRange;
import org.incidentatlas.filter.PageCursor;
import org.incidentatlas.filter.PageSlice;
import org.incidentatlas.storage.KeysetPages;
import org.incidentatlas.storage.SqlDialect;
import org.incidentatlas.storage.SqlWhere;
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
            + "claims, sources, notes, created_at, updated_at, version";

    private static final String WRITABLE = "event_date, event_date_end, date_precision, event_type, sub_event_type, "
            + "actor1, actor2, geom, location_name, place_id, country, admin1, admin2, geo_precision, "
            + "fatalities, fatalities_low, fatalities_high, injured, injured_low, injured_high, claims, sources, notes";

    private static final TypeReference<List<Claim>> CLAIMS = new TypeReference<>() { };
    private static final TypeReference<List<SourceRef>> SOURCES = new TypeReference<>() { };

    private static final KeysetPages.Table<Incident> TABLE = new KeysetPages.Table<>("incidents", "id",
            JdbcIncidentStore::idValue, incident -> Long.toString(incident.id()));

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final TransactionTemplate transactions;
    private final KeysetPages pages;
    private final JsonMapper json = JsonMapper.builder().build();
    private final GeometryFactory geometries = new GeometryFactory(new PrecisionModel(), SRID);

    public JdbcIncidentStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.transactions = new TransactionTemplate(transactionManager);
        this.pages = new KeysetPages(jdbc, transactionManager);
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
        String placeholders = String.join(", ", valuePlaceholders());
        String sql = "INSERT INTO incidents (" + WRITABLE + ") VALUES (" + placeholders + ")";
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement(sql, new String[] {"id"});
            bindWritable(ps, 1, data);
            return ps;
        }, keys);
        long id = keys.getKey().longValue();
        return find(id).orElseThrow(() -> new DataRetrievalFailureException("incident " + id + " vanished after insert"));
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
            String sql = "UPDATE incidents SET " + String.join(", ", sets)
                    + ", updated_at = CURRENT_TIMESTAMP, version = version + 1 WHERE id = ?"
                    + (expectedVersion != null ? " AND version = ?" : "");
            int changed = jdbc.update(con -> {
                PreparedStatement ps = con.prepareStatement(sql);
                int next = bindWritable(ps, 1, data);
                ps.setLong(next++, id);
                if (expectedVersion != null) {
                    ps.setInt(next, expectedVersion);
                }
                return ps;
            });
            if (changed == 0) {
                throw missingOrConflict(id, expectedVersion);
            }
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
        SqlWhere where = where(filter);
        Long n = jdbc.queryForObject("SELECT count(*) FROM incidents" + where.sql(), Long.class, where.args().toArray());
        return n == null ? 0 : n;
    }

    @Override
    public PageSlice page(IncidentFilter filter, PageCursor cursor, int limit, Consumer<Incident> sink) {
        return pages.page(TABLE, COLUMNS, where(filter), cursor, limit, (rs, n) -> map(rs), sink);
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
        return w;
    }

    private Incident map(ResultSet rs) throws SQLException {
        Geometry geometry;
        try {
            geometry = new WKBReader(geometries).read(rs.getBytes("geom_wkb"));
        } catch (ParseException e) {
            throw new DataRetrievalFailureException("unreadable geometry in incident " + rs.getLong("id"), e);
        }
        geometry.setSRID(SRID);
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
                rs.getString("notes"));
        return new Incident(rs.getLong("id"), data,
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getInt("version"));
    }

    private static Casualties casualties(ResultSet rs, String column) throws SQLException {
        return new Casualties(rs.getObject(column, Integer.class), rs.getObject(column + "_low", Integer.class),
                rs.getObject(column + "_high", Integer.class));
    }
}
