package org.incidentatlas.borders;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.incidentatlas.filter.BoundingBox;
import org.incidentatlas.filter.PageCursor;
import org.incidentatlas.filter.PageSlice;
import org.incidentatlas.cql.CqlDialect;
import org.incidentatlas.cql.CqlToSql;
import org.incidentatlas.cql.Expression;
import org.incidentatlas.cql.Sql;
import org.incidentatlas.storage.KeysetPages;
import org.incidentatlas.storage.SqlDialect;
import org.incidentatlas.storage.SqlWhere;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** Borders and country polygons in the database (same SQL on both backends but for the dialect's parts). */
public class BorderStore {

    private static final String COLUMNS = Arrays.stream(BorderField.values())
            .map(f -> f == BorderField.GEOMETRY ? "ST_AsBinary(geom) AS geom_wkb" : f.column())
            .collect(Collectors.joining(", "));
    private static final String INSERT = "INSERT INTO borders (" + Arrays.stream(BorderField.values()).map(BorderField::column)
            .collect(Collectors.joining(", ")) + ") VALUES (" + Arrays.stream(BorderField.values())
            .map(f -> f == BorderField.GEOMETRY ? "ST_GeomFromWKB(?, 4326)" : "?").collect(Collectors.joining(", ")) + ")";
    private static final KeysetPages.Table<Border> TABLE = new KeysetPages.Table<>("borders", "id", key -> key, Border::id);

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final KeysetPages pages;
    private final GeometryFactory geometries = new GeometryFactory(new PrecisionModel(), SqlDialect.SRID);

    public BorderStore(JdbcTemplate jdbc, PlatformTransactionManager transactions, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.pages = new KeysetPages(jdbc, transactions);
    }

    public List<Border> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM borders ORDER BY id", (rs, n) -> map(rs));
    }

    public Optional<Border> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM borders WHERE id = ?", (rs, n) -> map(rs), id).stream().findFirst();
    }

    /** Replaces the international borders (analysts' layers stay); call inside a transaction. */
    public void replaceInternational(List<Border> borders) {
        jdbc.update("DELETE FROM borders WHERE kind = ?", Border.INTERNATIONAL);
        borders.forEach(this::insert);
    }

    public void insert(Border b) {
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement(INSERT);
            int n = 1;
            for (BorderField field : BorderField.values()) {
                Object value = field.value(b);
                switch (field.type()) {
                    case GEOMETRY -> ps.setBytes(n++, new WKBWriter(2).write((Geometry) value));
                    case DATE -> ps.setObject(n++, value, Types.DATE);
                    default -> ps.setString(n++, (String) value);
                }
            }
            return ps;
        });
    }

    /** The version of the border layers in the database (bumped by every change; see {@link #bumpVersion()}). */
    public long version() {
        Long v = jdbc.queryForObject("SELECT version FROM border_version WHERE id = 1", Long.class);
        return v == null ? 0 : v;
    }

    /**
     * Marks the borders changed; call inside the changing transaction. The row lock also queues concurrent border
     * changes from several instances.
     */
    public long bumpVersion() {
        jdbc.update("UPDATE border_version SET version = version + 1 WHERE id = 1");
        return version();
    }

    /**
     * Deletes a border; call inside a transaction. The incidents' distances to it go with the
     * recompute that every border change starts, which keeps their counts in step.
     */
    public boolean delete(String id) {
        return jdbc.update("DELETE FROM borders WHERE id = ?", id) > 0;
    }

    public long count(BoundingBox bbox, String kind) {
        return count(bbox, kind, null);
    }

    /** As {@link #count(BoundingBox, String)}, also matching a CQL2 filter over {@link BorderField#QUERYABLES} (null: none). */
    public long count(BoundingBox bbox, String kind, Expression cql) {
        SqlWhere where = where(bbox, kind, cql);
        Long n = jdbc.queryForObject("SELECT count(*) FROM borders" + where.sql(), Long.class, where.args().toArray());
        return n == null ? 0 : n;
    }

    public PageSlice page(BoundingBox bbox, String kind, PageCursor cursor, int limit, Consumer<Border> sink) {
        return page(bbox, kind, null, cursor, limit, sink);
    }

    public PageSlice page(BoundingBox bbox, String kind, Expression cql, PageCursor cursor, int limit, Consumer<Border> sink) {
        return pages.page(TABLE, COLUMNS, where(bbox, kind, cql), cursor, limit, (rs, n) -> map(rs), sink);
    }

    public Optional<BoundingBox> extent() {
        return dialect.extent(jdbc, "borders", "geom");
    }

    /** The condition over table {@code borders} that the items apply, for queries built elsewhere (vector tiles). */
    public SqlWhere condition(BoundingBox bbox, String kind, Expression cql) {
        return where(bbox, kind, cql);
    }

    private SqlWhere where(BoundingBox bbox, String kind, Expression cql) {
        SqlWhere w = bbox == null ? SqlWhere.NONE : dialect.intersectsEnvelope(SqlWhere.NONE, "geom", bbox);
        w = w.equal("kind", kind);
        if (cql != null) {
            Sql sql = new CqlToSql(BorderField.QUERYABLES, CqlDialect.of(dialect)).condition(cql);
            w = w.and(sql.text(), sql.args().toArray());
        }
        return w;
    }

    // --- countries ---

    /** Replaces the country polygons; call inside a transaction. */
    public void replaceCountries(List<Country> countries) {
        jdbc.update("DELETE FROM countries");
        for (Country c : countries) {
            Geometry g = c.geometry() instanceof Polygon p ? geometries.createMultiPolygon(new Polygon[] {p}) : c.geometry();
            jdbc.update("INSERT INTO countries (iso3, name, geom, source, vintage) VALUES (?, ?, ST_GeomFromWKB(?, 4326), ?, ?)",
                    c.iso3(), c.name(), new WKBWriter(2).write(g), c.source(), c.vintage());
        }
    }

    public List<Country> countries() {
        return jdbc.query("SELECT iso3, name, ST_AsBinary(geom) AS geom_wkb, source, vintage FROM countries ORDER BY iso3",
                (rs, n) -> new Country(rs.getString("iso3"), rs.getString("name"), geometry(rs, rs.getString("iso3")),
                        rs.getString("source"), rs.getString("vintage")));
    }

    private Border map(ResultSet rs) throws SQLException {
        return new Border(rs.getString("id"), rs.getString("name"), rs.getString("kind"), rs.getString("country_a"),
                rs.getString("country_b"), geometry(rs, rs.getString("id")), rs.getString("source"), rs.getString("vintage"),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class));
    }

    private Geometry geometry(ResultSet rs, String id) throws SQLException {
        try {
            Geometry g = new WKBReader(geometries).read(rs.getBytes("geom_wkb"));
            g.setSRID(SqlDialect.SRID);
            return g;
        } catch (ParseException e) {
            throw new DataRetrievalFailureException("unreadable geometry of " + id, e);
        }
    }
}
