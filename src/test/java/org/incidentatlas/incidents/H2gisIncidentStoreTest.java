package org.incidentatlas.incidents;

import com.zaxxer.hikari.HikariDataSource;
import org.incidentatlas.storage.H2gisDialect;
import org.incidentatlas.testsupport.TestDatabases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The store contract on the embedded H2 + H2GIS backend. */
class H2gisIncidentStoreTest extends IncidentStoreContract {

    @Override
    HikariDataSource newDatabase() {
        return TestDatabases.h2gis("store");
    }

    @Override
    IncidentStore newStore(JdbcTemplate jdbc, DataSourceTransactionManager transactions) {
        return new JdbcIncidentStore(jdbc, transactions, new H2gisDialect(), () -> borders);
    }
}
