package org.incidentatlas.tiles;

import org.incidentatlas.storage.DataVersion;
import org.incidentatlas.storage.DatabaseBackend;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The tile renderer of the database in use. */
@Configuration
class TileConfiguration {

    @Bean
    TileRenderer tileRenderer(DatabaseBackend backend, JdbcTemplate jdbc, DataVersion version) {
        return switch (backend) {
            case POSTGIS -> new PostgisTileRenderer(jdbc);
            case H2GIS -> new H2gisTileRenderer(jdbc, version);
        };
    }
}
