package org.incidentatlas.ogcapi;

import org.incidentatlas.testsupport.PostgisTestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** QGIS's OAPIF provider against a real PostgreSQL + PostGIS server. */
class QgisClientOnPostgisTest extends QgisClientContract {

    /** Skips (or, on CI, fails) before Spring starts when there is no PostGIS. */
    @BeforeAll
    static void postgisIsThere() {
        PostgisTestDatabase.shared();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgisTestDatabase.DbCoordinates db = PostgisTestDatabase.shared().createDatabase("qgis");
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
    }
}
