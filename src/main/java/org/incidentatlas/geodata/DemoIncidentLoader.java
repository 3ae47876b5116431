package org.incidentatlas.geodata;

import java.io.IOException;
import java.io.InputStream;

import org.incidentatlas.incidents.IncidentFeatureReader;
import org.incidentatlas.incidents.IncidentStore;
import org.incidentatlas.incidents.InvalidIncidentException;
import org.incidentatlas.storage.DatabaseBackend;
import org.incidentatlas.storage.DatasetLoads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the demo incidents ({@code geodata/demo/incidents.geojson}) on the first start: always
 * when {@code atlas.demo-data} is {@code true}, on the embedded database only when it is
 * {@code auto} (the default), never when {@code false}. All or nothing, and once per database.
 */
@Component
public class DemoIncidentLoader {

    static final String DATASET = "demo-incidents";
    private static final String RESOURCE = "geodata/demo/incidents.geojson";
    private static final Logger LOG = LoggerFactory.getLogger(DemoIncidentLoader.class);

    private final String mode;
    private final DatabaseBackend backend;
    private final DatasetLoads loads;
    private final IncidentStore incidents;
    private final IncidentFeatureReader reader;
    private final JsonMapper json;
    private final TransactionTemplate transaction;

    public DemoIncidentLoader(@Value("${atlas.demo-data:auto}") String mode, DatabaseBackend backend, DatasetLoads loads,
                              IncidentStore incidents, IncidentFeatureReader reader, JsonMapper json,
                              PlatformTransactionManager transactions) {
        this.mode = mode;
        this.backend = backend;
        this.loads = loads;
        this.incidents = incidents;
        this.reader = reader;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
    }

    public void load() throws IOException {
        boolean wanted = switch (mode) {
            case "true" -> true;
            case "false" -> false;
            case "auto" -> backend == DatabaseBackend.H2GIS;
            default -> throw new IllegalStateException("atlas.demo-data must be auto, true or false, not '" + mode + "'");
        };
        if (!wanted || loads.isLoaded(DATASET)) {
            return;
        }
        byte[] content;
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            content = in.readAllBytes();
        }
        JsonNode features = json.readTree(content).path("features");
        int n = transaction.execute(status -> {
            int count = 0;
            for (JsonNode feature : features) {
                try {
                    incidents.create(reader.read(feature));
                } catch (InvalidIncidentException e) {
                    throw new IllegalStateException(RESOURCE + " feature " + count + " is invalid: " + e.getMessage(), e);
                }
                count++;
            }
            loads.markLoaded(DATASET, DatasetLoads.digest(content));
            return count;
        });
        LOG.info("Loaded {} demo incidents from {}", n, RESOURCE);
    }
}
