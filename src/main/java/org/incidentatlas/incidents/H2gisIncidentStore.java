package org.incidentatlas.incidents;

import java.util.Optional;

import org.incidentatlas.filter.BoundingBox;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The incident store on H2 + H2GIS, the embedded default that needs nothing but a JDK. */
public class H2gisIncidentStore extends JdbcIncidentStore {

    public H2gisIncidentStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        super(jdbc, transactionManager);
    }

    @Override
    protected String jsonParameter() {
        return "? FORMAT JSON";
    }

    @Override
    protected String intersectsEnvelope() {
        // H2 consults a spatial index only for the && operator; ST_Intersects then refines.
        String envelope = "ST_MakeEnvelope(?, ?, ?, ?, " + SRID + ")";
        return "(geom && " + envelope + " AND ST_Intersects(geom, " + envelope + "))";
    }

    @Override
    protected int envelopeParameterSets() {
        return 2;
    }

    @Override
    protected Optional<BoundingBox> spatialExtent() {
        Geometry extent = jdbc.queryForObject("SELECT ST_Extent(geom) FROM incidents", Geometry.class);
        if (extent == null || extent.isEmpty()) {
            return Optional.empty();
        }
        Envelope e = extent.getEnvelopeInternal();
        return Optional.of(box(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()));
    }
}
