package org.incidentatlas.storage;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class StorageConfiguration {

    @Bean
    DatabaseBackend databaseBackend(DataSource dataSource) {
        return DatabaseBackend.of(dataSource);
    }
}
