package org.incidentatlas.incidents;

import com.zaxxer.hikari.HikariDataSource;
import org.incidentatlas.storage.H2gisDialect;
import org.incidentatlas.testsupport.TestDatabases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The kept counts contract on H2gis. */
class H2gisKeptCountsTest extends KeptCountsContract {

    @Override
    HikariDataSource newDatabase() {
        return TestDatabases.h2gis("counts");
    }

    @Override
    IncidentStore newStore(JdbcTemplate jdbc, DataSourceTransactionManager transactions, int countBudgetSeconds) {
        return new JdbcIncidentStore(jdbc, transactions, new H2gisDialect(), () -> borders, countBudgetSeconds);
    }
}
