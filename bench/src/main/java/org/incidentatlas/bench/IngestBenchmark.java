package org.incidentatlas.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.incidentatlas.borders.BorderRegistry;
import org.incidentatlas.borders.BorderStore;
import org.incidentatlas.gazetteer.Gazetteer;
import org.incidentatlas.gazetteer.NameKeys;
import org.incidentatlas.gazetteer.QueryWords;
import org.incidentatlas.geodata.BorderDataLoader;
import org.incidentatlas.geodata.PlaceFiles;
import org.incidentatlas.incidents.IncidentValidator;
import org.incidentatlas.incidents.JdbcIncidentStore;
import org.incidentatlas.ingest.ActorList;
import org.incidentatlas.ingest.FusionStep;
import org.incidentatlas.ingest.IngestResult;
import org.incidentatlas.ingest.IngestService;
import org.incidentatlas.ingest.ReportEventStore;
import org.incidentatlas.ingest.ReportInput;
import org.incidentatlas.ingest.ReportJson;
import org.incidentatlas.ingest.ReportStore;
import org.incidentatlas.ingest.RuleBasedReportExtractor;
import org.incidentatlas.storage.DatasetLoads;
import org.incidentatlas.storage.H2gisDialect;
import org.incidentatlas.storage.Migrations;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import tools.jackson.databind.json.JsonMapper;

/**
 * Report ingestion end to end, in process, on the embedded default (H2 + H2GIS, the committed
 * gazetteer, borders and actor list): extraction with geocoding, storing the report, its mentions
 * and events, fusion and writing the incidents with their border metrics — one report per
 * operation, one transaction each, as POST /reports does. The corpus is the team's demo reports
 * plus, where {@code ../shared/seeds} exists, the five seed reports read at run time. Each
 * operation sends the next report with a unique trailing marker, so none is an idempotent
 * duplicate; the database is emptied before each pass over the corpus, so fusion always meets
 * the reports of one realistic corpus and not thousands of copies.
 */
@State(Scope.Benchmark)
public class IngestBenchmark {

    private HikariDataSource dataSource;
    private JdbcTemplate jdbc;
    private IngestService ingest;
    private RuleBasedReportExtractor extractor;
    private FusionStep fusion;
    private DataSourceTransactionManager tx;
    private List<ReportInput> corpus;
    private final java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
    /** Ingestions share it; emptying the database between passes takes it alone, so no report is cut off mid-way. */
    private final java.util.concurrent.locks.ReadWriteLock passes = new java.util.concurrent.locks.ReentrantReadWriteLock();

    @Setup(Level.Trial)
    public void start() throws IOException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:ingest-bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        config.setUsername("sa");
        config.setMaximumPoolSize(4);
        dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).locations(Migrations.locations("h2")).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        DataSourceTransactionManager tx = new DataSourceTransactionManager(dataSource);
        H2gisDialect dialect = new H2gisDialect();
        BorderStore borderStore = new BorderStore(jdbc, tx, dialect);
        BorderRegistry registry = new BorderRegistry(borderStore, tx, event -> { });
        new BorderDataLoader(borderStore, registry, new DatasetLoads(jdbc), tx, event -> { }, JsonMapper.builder().build()).load();
        JdbcIncidentStore incidents = new JdbcIncidentStore(jdbc, tx, dialect, registry::current);
        NameKeys keys = new NameKeys();
        QueryWords words = new QueryWords(keys);
        Gazetteer gazetteer = new Gazetteer(new PlaceFiles(keys, words).load(), keys, words);
        ReportEventStore events = new ReportEventStore(jdbc);
        extractor = new RuleBasedReportExtractor(gazetteer, keys, words, new ActorList());
        fusion = new FusionStep(events, incidents, new IncidentValidator());
        this.tx = tx;
        ingest = new IngestService(extractor, new ReportStore(jdbc), events, fusion, tx);
        corpus = corpus();
    }

    @Benchmark
    public IngestResult ingestOneReport() {
        long n = sent.getAndIncrement();
        if (n % corpus.size() == 0) {
            emptyForANewPass();
        }
        ReportInput r = corpus.get((int) (n % corpus.size()));
        passes.readLock().lock();
        try {
            IngestResult result = ingest.ingest(new ReportInput(r.text() + "\n\n[bench " + n + "]", r.title(), r.url(), r.outlet(),
                    r.publishedAt(), r.language()));
            if (!result.created()) {
                throw new IllegalStateException("report " + n + " was taken for a duplicate");
            }
            return result;
        } finally {
            passes.readLock().unlock();
        }
    }

    private void emptyForANewPass() {
        passes.writeLock().lock();
        try {
            for (String table : List.of("report_claims", "report_events", "report_mentions", "reports", "incidents",
                    "border_distance_bands")) {
                jdbc.update("DELETE FROM " + table);
            }
        } finally {
            passes.writeLock().unlock();
        }
    }

    /** Where the time goes: {@code java -cp bench/target/benchmarks.jar org.incidentatlas.bench.IngestBenchmark [reports]}. */
    public static void main(String[] args) throws IOException {
        IngestBenchmark b = new IngestBenchmark();
        b.start();
        long[] extractNanos = new long[1];
        org.incidentatlas.ingest.ReportExtractor timed = r -> {
            long t = System.nanoTime();
            try {
                return b.extractor.extract(r);
            } finally {
                extractNanos[0] += System.nanoTime() - t;
            }
        };
        b.ingest = new IngestService(timed, new ReportStore(b.jdbc), new ReportEventStore(b.jdbc), b.fusion, b.tx);
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        for (int round = 0; round < 2; round++) {
            extractNanos[0] = 0;
            long t = System.nanoTime();
            for (int i = 0; i < n; i++) {
                b.ingestOneReport();
            }
            double total = (System.nanoTime() - t) / 1e9;
            System.out.printf(java.util.Locale.ROOT, "%s: %d reports in %.2f s (%.1f/s); extraction %.2f s, storing and fusion %.2f s%n",
                    round == 0 ? "warm-up" : "measured", n, total, n / total, extractNanos[0] / 1e9, total - extractNanos[0] / 1e9);
        }
        b.stop();
    }

    /** Extraction alone (sentences, dates, geocoding, claims, events), no database: the share of the work it takes. */
    @Benchmark
    public Object extractOnly() {
        return extractor.extract(corpus.get((int) (sent.getAndIncrement() % corpus.size())));
    }

    @TearDown(Level.Trial)
    public void stop() {
        dataSource.close();
    }

    /** The demo reports (from the class path, by their manifest) and the seeds when present. */
    private static List<ReportInput> corpus() throws IOException {
        List<ReportInput> out = new ArrayList<>();
        for (String[] row : manifest(resource("geodata/demo/reports/MANIFEST.tsv"))) {
            out.add(new ReportInput(resource("geodata/demo/reports/" + row[0]), null, null, row[2], ReportJson.publishedAt(row[1]), null));
        }
        Path seeds = Path.of("..", "shared", "seeds");
        if (Files.isDirectory(seeds)) {
            for (String[] row : manifest(Files.readString(seeds.resolve("MANIFEST.tsv")))) {
                out.add(new ReportInput(Files.readString(seeds.resolve(row[0])), null, null, row[2], ReportJson.publishedAt(row[1]), row[3]));
            }
        }
        System.out.println("IngestBenchmark corpus: " + out.size() + " reports");
        return out;
    }

    private static List<String[]> manifest(String tsv) {
        try (Stream<String> lines = tsv.lines()) {
            return lines.skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\t", -1)).toList();
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = IngestBenchmark.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the benchmark class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
