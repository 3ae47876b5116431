package org.incidentatlas.gazetteer;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.incidentatlas.filter.BoundingBox;
import org.incidentatlas.filter.PageCursor;
import org.incidentatlas.filter.PageSlice;
import org.incidentatlas.cql.CqlDialect;
import org.incidentatlas.cql.CqlToSql;
import org.incidentatlas.cql.Sql;
import org.incidentatlas.storage.KeysetPages;
import org.incidentatlas.storage.SqlDialect;
import org.incidentatlas.storage.SqlWhere;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gazetteer's places in the database ({@code places} table), so that they can be served as an
 * OGC API collection and joined with incidents. The in-memory {@link Gazetteer} answers look-ups;
 * this table mirrors the same data.
 */
public class PlaceStore {

    static final String COLUMNS = PlaceField.SELECT_COLUMNS;
    private static final KeysetPages.Table<Place> TABLE = new KeysetPages.Table<>("places", "id", key -> key, Place::id);
    private static final TypeReference<List<AltName>> ALT_NAMES = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final TransactionTemplate transactions;
    private final KeysetPages pages;
    private final JsonMapper json = JsonMapper.builder().build();
    private final GeometryFactory geometries = new GeometryFactory(new PrecisionModel(), SqlDialect.SRID);

    public PlaceStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.transactions = new TransactionTemplate(transactionManager);
        this.pages = new KeysetPages(jdbc, transactionManager);
    }

    /** Replaces every stored place with these, in one transaction: readers see the old set or the new one. */
    public void replaceAll(List<Place> places) {
        transactions.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM places");
            insert("places", places);
        });
    }

    /** Stores one place, replacing a stored place of the same id (an analyst's correction). Call inside a transaction. */
    public void put(Place place) {
        jdbc.update("DELETE FROM places WHERE id = ?", place.id());
        insert("places", List.of(place));
    }

    /** Removes one place; whether it was there. */
    public boolean remove(String id) {
        return jdbc.update("DELETE FROM places WHERE id = ?", id) > 0;
    }

    /** Inserts places into {@code table}, which has the places table's columns. */
    void insert(String table, List<Place> places) {
        List<PlaceField> fields = PlaceField.with(PlaceField.Trait.STORED);
        String sql = "INSERT INTO " + table + " (" + fields.stream().map(PlaceField::column).collect(Collectors.joining(", "))
                + ") VALUES (" + fields.stream().map(f -> switch (f.type()) {
                    case GEOMETRY, POSITION -> "ST_GeomFromWKB(?, 4326)";
                    case LIST -> dialect.jsonParameter();
                    default -> "?";
                }).collect(Collectors.joining(", ")) + ")";
        jdbc.batchUpdate(sql, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Place p = places.get(i);
                int n = 1;
                for (PlaceField field : fields) {
                    Object value = field.value(p);
                    switch (field.type()) {
                        case GEOMETRY -> ps.setBytes(n++, new WKBWriter(2).write(p.geometry()));
                        // the representative point as the point geometry, not its [lon, lat] property form
                        case POSITION -> ps.setBytes(n++, new WKBWriter(2).write(p.point()));
                        case LIST -> ps.setString(n++, json.writeValueAsString(value));
                        // population is a 64-bit column, the uncertainty radius a 32-bit one
                        case INTEGER -> ps.setObject(n++, value, value instanceof Long ? Types.BIGINT : Types.INTEGER);
                        default -> ps.setString(n++, (String) value);
                    }
                }
            }

            @Override
            public int getBatchSize() {
                return places.size();
            }
        });
    }

    public Optional<Place> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM places WHERE id = ?", (rs, n) -> map(rs), id).stream().findFirst();
    }

    public long count(PlaceFilter filter) {
        SqlWhere where = where(filter);
        Long n = jdbc.queryForObject("SELECT count(*) FROM places" + where.sql(), Long.class, where.args().toArray());
        return n == null ? 0 : n;
    }

    public PageSlice page(PlaceFilter filter, PageCursor cursor, int limit, Consumer<Place> sink) {
        return pages.page(TABLE, COLUMNS, where(filter), cursor, limit, (rs, n) -> map(rs), sink);
    }

    public Optional<BoundingBox> extent() {
        return dialect.extent(jdbc, "places", "geom");
    }

    /** The condition over table {@code places} that the items apply, for queries built elsewhere (vector tiles). */
    public SqlWhere condition(PlaceFilter filter) {
        return where(filter);
    }

    private SqlWhere where(PlaceFilter f) {
        SqlWhere w = SqlWhere.NONE;
        if (f.bbox() != null) {
            w = dialect.intersectsEnvelope(w, "geom", f.bbox());
        }
        w = w.equal("feature_type", f.type() == null ? null : f.type().code()).equal("country", f.country())
                .equal("admin1", f.admin1());
        if (f.where() != null) {
            Sql cql = new CqlToSql(PlaceField.QUERYABLES, CqlDialect.of(dialect)).condition(f.where());
            w = w.and(cql.text(), cql.args().toArray());
        }
        return w;
    }

    /** A row with the places table's columns (as selected by {@link #COLUMNS}) as a place. */
    Place map(ResultSet rs) throws SQLException {
        Geometry geometry = geometry(rs, "geom_wkb");
        Point point = (Point) geometry(rs, "point_wkb");
        long population = rs.getLong("population");
        Long populationOrNull = rs.wasNull() ? null : population;
        String country = rs.getString("country");
        return new Place(rs.getString("id"), rs.getString("name"),
                FeatureType.fromCode(rs.getString("feature_type")).orElseThrow(), country == null ? null : country.strip(),
                rs.getString("admin1"), rs.getString("admin2"), geometry, point, populationOrNull,
                json.readValue(rs.getString("alt_names"), ALT_NAMES), rs.getString("source"), rs.getObject("uncertainty_m", Integer.class));
    }

    private Geometry geometry(ResultSet rs, String column) throws SQLException {
        try {
            Geometry g = new WKBReader(geometries).read(rs.getBytes(column));
            g.setSRID(SqlDialect.SRID);
            return g;
        } catch (ParseException e) {
            throw new DataRetrievalFailureException("unreadable geometry in place " + rs.getString("id"), e);
        }
    }
}
