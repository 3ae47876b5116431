package org.incidentatlas.storage;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import net.postgis.jdbc.PGbox2d;
import net.postgis.jdbc.geometry.Point;
import org.incidentatlas.filter.BoundingBox;
import org.springframework.jdbc.core.JdbcTemplate;

/** PostgreSQL + PostGIS, the production backend. */
public final class PostgisDialect implements SqlDialect {

    @Override
    public DatabaseBackend backend() {
        return DatabaseBackend.POSTGIS;
    }

    @Override
    public String jsonParameter() {
        return "CAST(? AS jsonb)";
    }

    @Override
    public SqlWhere intersectsEnvelope(SqlWhere where, String column, BoundingBox b) {
        // ST_Intersects carries its own index test (&&) in PostGIS; a box across the antimeridian
        // is its two halves, ORed in one condition so a feature is counted once.
        List<String> tests = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        for (BoundingBox part : b.parts()) {
            tests.add("ST_Intersects(" + column + ", ST_MakeEnvelope(?, ?, ?, ?, " + SRID + "))");
            args.addAll(List.of(part.minLon(), part.minLat(), part.maxLon(), part.maxLat()));
        }
        return where.and("(" + String.join(" OR ", tests) + ")", args.toArray());
    }

    @Override
    public SqlWhere withinDistance(SqlWhere where, String column, double lon, double lat, double radiusM) {
        // geography: measured on the spheroid; the expression index on geom::geography serves it.
        return where.and("ST_DWithin(" + column + "::geography, ST_SetSRID(ST_MakePoint(?, ?), " + SRID + ")::geography, ?)",
                lon, lat, radiusM);
    }

    @Override
    public String addToDistanceBand() {
        return "INSERT INTO border_distance_bands (border_id, band, incidents) VALUES (?, ?, ?) ON CONFLICT (border_id, band) "
                + "DO UPDATE SET incidents = border_distance_bands.incidents + EXCLUDED.incidents";
    }

    @Override
    public Optional<BoundingBox> extent(JdbcTemplate jdbc, String table, String column) {
        return box(jdbc.queryForObject("SELECT ST_Extent(" + column + ")::text FROM " + table, String.class));
    }

    /**
     * The points' corners from their coordinate indexes (migration V15_1: a minimum or maximum of an indexed column is
     * one index probe), the other geometries by their own partial index: exact, and milliseconds at a million
     * incidents where ST_Extent over the table took 3 s, for every collection document, TileJSON and map page.
     */
    @Override
    public Optional<BoundingBox> incidentExtent(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT (SELECT min(point_lon) FROM incidents WHERE point_lon IS NOT NULL)"
                + ", (SELECT min(point_lat) FROM incidents WHERE point_lat IS NOT NULL)"
                + ", (SELECT max(point_lon) FROM incidents WHERE point_lon IS NOT NULL)"
                + ", (SELECT max(point_lat) FROM incidents WHERE point_lat IS NOT NULL)"
                + ", (SELECT ST_Extent(geom)::text FROM incidents WHERE GeometryType(geom) <> 'POINT')", (rs, n) -> {
                    Optional<BoundingBox> others = box(rs.getString(5));
                    if (rs.getObject(1) == null) {
                        return others;
                    }
                    BoundingBox pointBox = new BoundingBox(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4));
                    return Optional.of(others.map(pointBox::union).orElse(pointBox));
                });
    }

    private static Optional<BoundingBox> box(String box) {
        if (box == null) {
            return Optional.empty();
        }
        try {
            PGbox2d parsed = new PGbox2d(box);
            Point ll = parsed.getLLB();
            Point ur = parsed.getURT();
            return Optional.of(new BoundingBox(ll.x, ll.y, ur.x, ur.y));
        } catch (SQLException e) {
            throw new IllegalStateException("PostGIS returned an unreadable extent: " + box, e);
        }
    }
}
