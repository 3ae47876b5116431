package org.incidentatlas.ogcapi;

import org.incidentatlas.testsupport.PostgisTestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** CQL2 filters, sortby and properties on PostgreSQL + PostGIS. */
class CqlFilterOnPostgisTest extends CqlFilterContract {

    @BeforeAll
    static void postgisIsThere() {
        PostgisTestDatabase.shared();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgisTestDatabase.DbCoordinates db = PostgisTestDatabase.shared().createDatabase("cql");
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
    }
}
