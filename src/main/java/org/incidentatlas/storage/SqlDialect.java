package org.incidentatlas.storage;

import java.util.Optional;

import org.incidentatlas.filter.BoundingBox;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The SQL that differs between PostGIS and H2GIS, in one place per backend. Everything else the
 * stores say is plain SQL both understand.
 */
public interface SqlDialect {

    int SRID = 4326;

    /** The backend this SQL is for: what the other per-backend parts (CQL, tiles) are chosen by. */
    DatabaseBackend backend();

    /** Placeholder for a JSON-typed parameter bound as a string. */
    String jsonParameter();

    /** "column intersects the envelope (minx, miny, maxx, maxy)" using the spatial index. */
    SqlWhere intersectsEnvelope(SqlWhere where, String column, BoundingBox box);

    /** "column lies within radius metres of (lon, lat)", geodesic on WGS 84, using a spatial index. */
    SqlWhere withinDistance(SqlWhere where, String column, double lon, double lat, double radiusM);

    /**
     * Adds to the number of incidents in one distance band of one border (parameters: border id,
     * band, amount), creating the band's row when it is missing.
     */
    String addToDistanceBand();

    /** Bounding box of all geometries in table.column, or empty for an empty table. */
    Optional<BoundingBox> extent(JdbcTemplate jdbc, String table, String column);

    /** Bounding box of the incidents' geometries, or empty when there are none. */
    default Optional<BoundingBox> incidentExtent(JdbcTemplate jdbc) {
        return extent(jdbc, "incidents", "geom");
    }

    static SqlDialect of(DatabaseBackend backend) {
        return switch (backend) {
            case POSTGIS -> new PostgisDialect();
            case H2GIS -> new H2gisDialect();
        };
    }
}
