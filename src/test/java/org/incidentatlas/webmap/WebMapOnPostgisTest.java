package org.incidentatlas.webmap;

import java.nio.file.Path;

import org.incidentatlas.testsupport.PostgisTestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The web map in headless Chromium on a real PostgreSQL + PostGIS server. */
class WebMapOnPostgisTest extends WebMapContract {

    @BeforeAll
    static void postgisIsThere() {
        PostgisTestDatabase.shared();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgisTestDatabase.DbCoordinates db = PostgisTestDatabase.shared().createDatabase("webmap");
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
    }

    @Override
    Path screenshot() {
        return Path.of("target/map-screenshot-postgis.png");
    }
}
