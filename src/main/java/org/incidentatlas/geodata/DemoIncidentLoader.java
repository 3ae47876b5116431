package org.incidentatlas.geodata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.incidentatlas.incidents.IncidentFeatureReader;
import org.incidentatlas.incidents.IncidentStore;
import org.incidentatlas.incidents.InvalidIncidentException;
import org.incidentatlas.ingest.IngestService;
import org.incidentatlas.ingest.ReportInput;
import org.incidentatlas.ingest.ReportManifest;
import org.incidentatlas.ingest.Utf8;
import org.incidentatlas.storage.DatabaseBackend;
import org.incidentatlas.storage.DatasetLoads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Produces the demo incidents on the first start by ingesting the team-written reports in
 * {@code geodata/demo/reports/} (listed, with their dates and outlets, in its MANIFEST.tsv)
 * through the ingestion pipeline — so the demo shows reports, provenance and fusion as users get
 * them. Always when {@code atlas.demo-data} is {@code true}, on the embedded database only when it
 * is {@code auto} (the default), never when {@code false}. All or nothing, and once per database.
 *
 * <p>With {@code atlas.demo-data.source=coded} it loads the team's hand coding of the same kind of
 * events instead ({@code geodata/demo/incidents.geojson}, the set the extractor is measured
 * against): a fixed set for tests that select known incidents.
 */
@Component
public class DemoIncidentLoader {

    static final String DATASET = "demo-incidents";
    private static final String FOLDER = "geodata/demo/reports/";
    private static final String CODED = "geodata/demo/incidents.geojson";
    private static final Logger LOG = LoggerFactory.getLogger(DemoIncidentLoader.class);

    private final String mode;
    private final String source;
    private final DatabaseBackend backend;
    private final DatasetLoads loads;
    private final IngestService ingest;
    private final IncidentStore incidents;
    private final IncidentFeatureReader reader;
    private final JsonMapper json;
    private final TransactionTemplate transaction;

    public DemoIncidentLoader(DemoDataSettings mode, DemoDataSource source,
                              DatabaseBackend backend, DatasetLoads loads, IngestService ingest, IncidentStore incidents,
                              IncidentFeatureReader reader, JsonMapper json, PlatformTransactionManager transactions) {
        this.mode = mode.demoData();
        this.source = source.source();
        this.backend = backend;
        this.loads = loads;
        this.ingest = ingest;
        this.incidents = incidents;
        this.reader = reader;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
    }

    public void load() throws IOException {
        boolean wanted = switch (mode) {
            case "true" -> true;
            case "false" -> false;
            case "auto" -> backend.embedded();
            default -> throw new IllegalStateException("atlas.demo-data must be auto, true or false, not '" + mode + "'");
        };
        if (!wanted || loads.isLoaded(DATASET)) {
            return;
        }
        switch (source) {
            case "reports" -> ingestReports();
            case "coded" -> loadCoded();
            default -> throw new IllegalStateException("atlas.demo-data.source must be reports or coded, not '" + source + "'");
        }
    }

    private void ingestReports() throws IOException {
        byte[] manifest = read(ReportManifest.FILE_NAME);
        List<byte[]> files = new ArrayList<>(List.of(manifest));
        List<ReportInput> reports = new ArrayList<>();
        for (Map<String, String> row : ReportManifest.parse(new String(manifest, StandardCharsets.UTF_8)).rows()) {
            byte[] text = read(row.get("file"));
            files.add(text);
            reports.add(ReportManifest.input(Utf8.decode(text, row.get("file")), row));
        }
        Integer incidents = transaction.execute(status -> {
            if (!lockedAndStillToLoad()) {
                return null;
            }
            int created = 0;
            for (ReportInput r : reports) {
                created += ingest.ingest(r).incidentsCreated().size();
            }
            loads.markLoaded(DATASET, DatasetLoads.digest(files.toArray(byte[][]::new)));
            return created;
        });
        if (incidents == null) {
            return;
        }
        LOG.info("Demo data: ingested {} team-written reports from {} into {} incidents", reports.size(), FOLDER, incidents);
    }

    private void loadCoded() throws IOException {
        byte[] content;
        try (InputStream in = new ClassPathResource(CODED).getInputStream()) {
            content = in.readAllBytes();
        }
        JsonNode features = json.readTree(content).path("features");
        Integer n = transaction.execute(status -> {
            if (!lockedAndStillToLoad()) {
                return null;
            }
            int count = 0;
            for (JsonNode feature : features) {
                try {
                    incidents.create(reader.read(feature));
                } catch (InvalidIncidentException e) {
                    throw new IllegalStateException(CODED + " feature " + count + " is invalid: " + e.getMessage(), e);
                }
                count++;
            }
            loads.markLoaded(DATASET, DatasetLoads.digest(content));
            return count;
        });
        if (n == null) {
            return;
        }
        LOG.info("Demo data: loaded {} hand-coded incidents from {}", n, CODED);
    }

    /** Inside the loading transaction: waits for another instance loading at the same time, then checks again. */
    private boolean lockedAndStillToLoad() {
        loads.lockLoading();
        return !loads.isLoaded(DATASET);
    }

    private static byte[] read(String name) throws IOException {
        try (InputStream in = new ClassPathResource(FOLDER + name).getInputStream()) {
            return in.readAllBytes();
        }
    }
}
