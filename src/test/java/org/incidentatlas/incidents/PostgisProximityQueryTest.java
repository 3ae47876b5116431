package org.incidentatlas.incidents;

import com.zaxxer.hikari.HikariDataSource;
import org.incidentatlas.borders.BorderSet;
import org.incidentatlas.storage.PostgisDialect;
import org.incidentatlas.testsupport.TestDatabases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** Proximity queries on a real PostgreSQL + PostGIS server. */
class PostgisProximityQueryTest extends ProximityQueryContract {

    @Override
    HikariDataSource newDatabase() {
        return TestDatabases.postgis("proximity");
    }

    @Override
    IncidentStore newStore(JdbcTemplate jdbc, DataSourceTransactionManager transactions, BorderSet borders) {
        return new JdbcIncidentStore(jdbc, transactions, new PostgisDialect(), () -> borders);
    }
}
