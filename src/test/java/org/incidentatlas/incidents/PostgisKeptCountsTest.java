package org.incidentatlas.incidents;

import com.zaxxer.hikari.HikariDataSource;
import org.incidentatlas.storage.PostgisDialect;
import org.incidentatlas.testsupport.TestDatabases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The kept counts contract on Postgis. */
class PostgisKeptCountsTest extends KeptCountsContract {

    @Override
    HikariDataSource newDatabase() {
        return TestDatabases.postgis("counts");
    }

    @Override
    IncidentStore newStore(JdbcTemplate jdbc, DataSourceTransactionManager transactions, int countBudgetSeconds) {
        return new JdbcIncidentStore(jdbc, transactions, new PostgisDialect(), () -> borders, countBudgetSeconds);
    }
}
