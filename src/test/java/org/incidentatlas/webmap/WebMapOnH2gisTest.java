package org.incidentatlas.webmap;

import java.nio.file.Path;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The web map in headless Chromium on the embedded default (H2 + H2GIS). */
class WebMapOnH2gisTest extends WebMapContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:webmap-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
    }

    @Override
    Path screenshot() {
        return Path.of("target/map-screenshot.png");
    }
}
