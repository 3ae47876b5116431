package org.incidentatlas.ogcapi;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.incidentatlas.storage.H2Functions;
import org.locationtech.jts.geom.Geometry;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The statement timeout on H2: the geodesic distance function that near/radius queries call is
 * swapped for one that sleeps, so the query runs for seconds.
 */
public class StatementTimeoutOnH2gisTest extends StatementTimeoutContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:timeout-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
    }

    /** The slow stand-in, called by H2 through its alias. */
    public static double slowDistance(Geometry geometry, double lon, double lat) throws InterruptedException {
        Thread.sleep(400); // nine demo incidents: several seconds a query
        return H2Functions.geodesicDistance(geometry, lon, lat);
    }

    @Override
    AutoCloseable slowDown(DataSource dataSource) throws Exception {
        alias(dataSource, StatementTimeoutOnH2gisTest.class.getName() + ".slowDistance");
        return () -> alias(dataSource, "org.incidentatlas.storage.H2Functions.geodesicDistance");
    }

    private static void alias(DataSource dataSource, String method) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP ALIAS IF EXISTS ATLAS_GEODESIC_DISTANCE");
            s.execute("CREATE ALIAS ATLAS_GEODESIC_DISTANCE FOR '" + method + "'");
        }
    }

    @Override
    String slowRead() {
        return "/collections/incidents/items?near=46.0,39.5&radius=1000000";
    }
}
