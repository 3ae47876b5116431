package org.incidentatlas.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.incidentatlas.filter.BoundingBox;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.jdbc.core.JdbcTemplate;

/** H2 + H2GIS, the embedded default. */
public final class H2gisDialect implements SqlDialect {

    @Override
    public DatabaseBackend backend() {
        return DatabaseBackend.H2GIS;
    }

    @Override
    public String jsonParameter() {
        return "? FORMAT JSON";
    }

    @Override
    public SqlWhere intersectsEnvelope(SqlWhere where, String column, BoundingBox b) {
        // H2 consults a spatial index only for the && operator; ST_Intersects then refines. A box
        // across the antimeridian is its two halves, ORed in one condition so a feature is counted once.
        String envelope = "ST_MakeEnvelope(?, ?, ?, ?, " + SRID + ")";
        List<String> tests = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        for (BoundingBox p : b.parts()) {
            tests.add("(" + column + " && " + envelope + " AND ST_Intersects(" + column + ", " + envelope + "))");
            args.addAll(List.of(p.minLon(), p.minLat(), p.maxLon(), p.maxLat(), p.minLon(), p.minLat(), p.maxLon(), p.maxLat()));
        }
        return where.and("(" + String.join(" OR ", tests) + ")", args.toArray());
    }

    @Override
    public SqlWhere withinDistance(SqlWhere where, String column, double lon, double lat, double radiusM) {
        // A box that surely holds the circle lets the spatial index pick candidates; the geodesic
        // function then decides exactly.
        double dLat = Math.toDegrees(radiusM / 6_335_439.0) * 1.01; // meridional radius of curvature at the equator: the smallest
        double maxLat = Math.min(89.9, Math.abs(lat) + dLat);
        double dLon = Math.min(180, Math.toDegrees(radiusM / (6_378_137.0 * Math.cos(Math.toRadians(maxLat)))) * 1.01);
        String envelope = "ST_MakeEnvelope(?, ?, ?, ?, " + SRID + ")";
        return where.and("(" + column + " && " + envelope + " AND ATLAS_GEODESIC_DISTANCE(" + column + ", ?, ?) <= ?)",
                Math.max(-180, lon - dLon), Math.max(-90, lat - dLat), Math.min(180, lon + dLon), Math.min(90, lat + dLat),
                lon, lat, radiusM);
    }

    @Override
    public String addToDistanceBand() {
        // H2's upsert is MERGE with a source row; the CASTs give the parameters their types
        return "MERGE INTO border_distance_bands t USING (SELECT CAST(? AS VARCHAR(100)) AS border_id, CAST(? AS INTEGER) AS band, "
                + "CAST(? AS BIGINT) AS incidents) s ON t.border_id = s.border_id AND t.band = s.band "
                + "WHEN MATCHED THEN UPDATE SET incidents = t.incidents + s.incidents "
                + "WHEN NOT MATCHED THEN INSERT (border_id, band, incidents) VALUES (s.border_id, s.band, s.incidents)";
    }

    @Override
    public Optional<BoundingBox> extent(JdbcTemplate jdbc, String table, String column) {
        Geometry extent = jdbc.queryForObject("SELECT ST_Extent(" + column + ") FROM " + table, Geometry.class);
        if (extent == null || extent.isEmpty()) {
            return Optional.empty();
        }
        Envelope e = extent.getEnvelopeInternal();
        return Optional.of(new BoundingBox(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()));
    }
}
