package org.incidentatlas.incidents;

import org.incidentatlas.borders.BorderRegistry;
import org.incidentatlas.storage.DatabaseBackend;
import org.incidentatlas.storage.DatabaseLimits;
import org.incidentatlas.storage.SqlDialect;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
public class IncidentStoreConfiguration {

    @Bean
    IncidentStore incidentStore(DatabaseBackend backend, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                                BorderRegistry borders, DatabaseLimits limits) {
        return new JdbcIncidentStore(jdbc, transactions, SqlDialect.of(backend), borders::current, limits.countBudgetSeconds());
    }

    @Bean
    IncidentChanges incidentChanges(IncidentStore store, DatabaseBackend backend, JdbcTemplate jdbc,
                                    PlatformTransactionManager transactions) {
        // the change log is read joined to the incidents, in the store's own columns and mapping
        return new JdbcIncidentChanges((JdbcIncidentStore) store, backend, jdbc, transactions);
    }
}
