package org.incidentatlas.borders;

import org.incidentatlas.storage.DatabaseBackend;
import org.incidentatlas.storage.SqlDialect;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
public class BorderConfiguration {

    @Bean
    BorderStore borderStore(DatabaseBackend backend, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return new BorderStore(jdbc, transactions, SqlDialect.of(backend));
    }

    @Bean
    BorderRegistry borderRegistry(BorderStore store, PlatformTransactionManager transactions, ApplicationEventPublisher events) {
        return new BorderRegistry(store, transactions, events);
    }
}
