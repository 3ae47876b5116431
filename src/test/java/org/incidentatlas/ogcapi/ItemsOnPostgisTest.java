package org.incidentatlas.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.incidentatlas.testsupport.OnPostgis;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The items contract on a real PostgreSQL + PostGIS server. */
@OnPostgis("api")
class ItemsOnPostgisTest extends ItemsContract {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theServiceSessionsRunWithoutJit() {
        assertThat(jdbc.queryForObject("SHOW jit", String.class)).isEqualTo("off");
    }
}
