package org.incidentatlas.gazetteer;

import org.incidentatlas.storage.DatabaseBackend;
import org.incidentatlas.storage.SqlDialect;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
public class PlaceStoreConfiguration {

    @Bean
    PlaceStore placeStore(DatabaseBackend backend, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return new PlaceStore(jdbc, transactions, SqlDialect.of(backend));
    }

    @Bean
    PlaceCorrectionStore placeCorrectionStore(JdbcTemplate jdbc, PlaceStore places) {
        return new PlaceCorrectionStore(jdbc, places);
    }

    @Bean
    PlaceCorrections placeCorrections(LiveGazetteer gazetteer, PlaceCorrectionStore corrections, PlaceStore places,
                                      PlatformTransactionManager transactions) {
        return new PlaceCorrections(gazetteer, corrections, places, transactions);
    }
}
