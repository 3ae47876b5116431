package org.incidentatlas.ogcapi;

import org.incidentatlas.testsupport.PostgisTestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The seed reports end to end on a real PostgreSQL + PostGIS server. */
class SeedIngestionOnPostgisTest extends SeedIngestionContract {

    @BeforeAll
    static void postgisIsThere() {
        PostgisTestDatabase.shared();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgisTestDatabase.DbCoordinates db = PostgisTestDatabase.shared().createDatabase("seeds");
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
    }
}
