package org.incidentatlas.ogcapi;

import java.sql.Connection;
import java.sql.Statement;

import javax.sql.DataSource;

import org.incidentatlas.testsupport.OnH2gis;
import org.locationtech.jts.geom.Geometry;

/**
 * The statement timeout on H2: H2GIS's ST_Intersects, which a bbox query on the places calls for
 * each of their thousands of rows, is swapped for one that sleeps, so the query runs for seconds.
 * (H2 looks at the timeout every 128 rows, so the slow query needs many rows.)
 */
@OnH2gis("timeout")
public class StatementTimeoutOnH2gisTest extends StatementTimeoutContract {

    private static final String H2GIS_INTERSECTS = "org.h2gis.functions.spatial.predicates.ST_Intersects.isIntersects";

    /** The slow stand-in, called by H2 through the alias. */
    public static Boolean slowIntersects(Geometry a, Geometry b) throws InterruptedException {
        Thread.sleep(3);
        return a == null || b == null ? null : a.intersects(b);
    }

    @Override
    AutoCloseable slowDown(DataSource dataSource) throws Exception {
        alias(dataSource, StatementTimeoutOnH2gisTest.class.getName() + ".slowIntersects");
        return () -> alias(dataSource, H2GIS_INTERSECTS);
    }

    private static void alias(DataSource dataSource, String method) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP ALIAS IF EXISTS ST_INTERSECTS");
            s.execute("CREATE ALIAS ST_INTERSECTS DETERMINISTIC FOR '" + method + "'");
        }
    }

    @Override
    String slowRead() {
        return "/collections/places/items?bbox=40,35,55,45&limit=1";
    }
}
