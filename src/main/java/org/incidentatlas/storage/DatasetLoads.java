package org.incidentatlas.storage;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The record of which committed data sets were loaded into this database (same SQL on both backends). */
@Component
public class DatasetLoads {

    private final JdbcTemplate jdbc;

    public DatasetLoads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isLoaded(String dataset) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM dataset_loads WHERE dataset = ?", Integer.class, dataset);
        return n != null && n > 0;
    }

    public void markLoaded(String dataset, String version) {
        jdbc.update("INSERT INTO dataset_loads (dataset, version) VALUES (?, ?)", dataset, version);
    }
}
