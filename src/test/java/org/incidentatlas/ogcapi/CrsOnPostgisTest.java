package org.incidentatlas.ogcapi;

import org.incidentatlas.testsupport.PostgisTestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Part 2 CRS on PostgreSQL + PostGIS. */
class CrsOnPostgisTest extends CrsContract {

    @BeforeAll
    static void postgisIsThere() {
        PostgisTestDatabase.shared();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgisTestDatabase.DbCoordinates db = PostgisTestDatabase.shared().createDatabase("crs");
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
    }
}
