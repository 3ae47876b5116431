package org.incidentatlas.incidents;

import java.sql.SQLException;
import java.util.Optional;

import net.postgis.jdbc.geometry.Point;
import net.postgis.jdbc.PGbox2d;
import org.incidentatlas.filter.BoundingBox;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The incident store on PostgreSQL + PostGIS, the production backend. */
public class PostgisIncidentStore extends JdbcIncidentStore {

    public PostgisIncidentStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        super(jdbc, transactionManager);
    }

    @Override
    protected String jsonParameter() {
        return "CAST(? AS jsonb)";
    }

    @Override
    protected String intersectsEnvelope() {
        // ST_Intersects carries its own index test (&&) in PostGIS.
        return "ST_Intersects(geom, ST_MakeEnvelope(?, ?, ?, ?, " + SRID + "))";
    }

    @Override
    protected Optional<BoundingBox> spatialExtent() {
        String box = jdbc.queryForObject("SELECT ST_Extent(geom)::text FROM incidents", String.class);
        if (box == null) {
            return Optional.empty();
        }
        try {
            PGbox2d parsed = new PGbox2d(box);
            Point ll = parsed.getLLB();
            Point ur = parsed.getURT();
            return Optional.of(box(ll.x, ll.y, ur.x, ur.y));
        } catch (SQLException e) {
            throw new IllegalStateException("PostGIS returned an unreadable extent: " + box, e);
        }
    }
}
