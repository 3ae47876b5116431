package org.incidentatlas.incidents;

import com.zaxxer.hikari.HikariDataSource;
import org.incidentatlas.borders.BorderSet;
import org.incidentatlas.storage.H2gisDialect;
import org.incidentatlas.testsupport.TestDatabases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** Proximity queries on the embedded H2 + H2GIS backend. */
class H2gisProximityQueryTest extends ProximityQueryContract {

    @Override
    HikariDataSource newDatabase() {
        return TestDatabases.h2gis("proximity");
    }

    @Override
    IncidentStore newStore(JdbcTemplate jdbc, DataSourceTransactionManager transactions, BorderSet borders) {
        return new JdbcIncidentStore(jdbc, transactions, new H2gisDialect(), () -> borders);
    }
}
