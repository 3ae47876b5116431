package org.incidentatlas.storage;

import java.util.Optional;

import org.incidentatlas.filter.BoundingBox;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.jdbc.core.JdbcTemplate;

/** H2 + H2GIS, the embedded default. */
public final class H2gisDialect implements SqlDialect {

    @Override
    public String jsonParameter() {
        return "? FORMAT JSON";
    }

    @Override
    public SqlWhere intersectsEnvelope(SqlWhere where, String column, BoundingBox b) {
        // H2 consults a spatial index only for the && operator; ST_Intersects then refines.
        String envelope = "ST_MakeEnvelope(?, ?, ?, ?, " + SRID + ")";
        return where.and("(" + column + " && " + envelope + " AND ST_Intersects(" + column + ", " + envelope + "))",
                b.minLon(), b.minLat(), b.maxLon(), b.maxLat(), b.minLon(), b.minLat(), b.maxLon(), b.maxLat());
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
