package org.incidentatlas.storage;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The record of which committed data sets were loaded into this database, and which version (same SQL on both backends). */
@Component
public class DatasetLoads {

    private final JdbcTemplate jdbc;

    public DatasetLoads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isLoaded(String dataset) {
        return version(dataset).isPresent();
    }

    public Optional<String> version(String dataset) {
        List<String> v = jdbc.queryForList("SELECT version FROM dataset_loads WHERE dataset = ?", String.class, dataset);
        return v.stream().findFirst();
    }

    /** The version of a data set: a digest of its committed files' bytes. */
    public static String digest(byte[]... files) {
        return Sha256.hex(files).substring(0, 16);
    }

    /**
     * Inside a loading transaction: waits while another instance loads (several instances may start together on an
     * empty database), so that the caller can check the loaded version again and load only if it is still missing.
     */
    public void lockLoading() {
        jdbc.queryForList("SELECT name FROM job_leases WHERE name = 'dataset-loads' FOR UPDATE", String.class);
    }

    /** Records that this version of the data set is now loaded (call inside the loading transaction). */
    public void markLoaded(String dataset, String version) {
        jdbc.update("DELETE FROM dataset_loads WHERE dataset = ?", dataset);
        jdbc.update("INSERT INTO dataset_loads (dataset, version) VALUES (?, ?)", dataset, version);
    }
}
