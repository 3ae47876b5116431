package org.incidentatlas.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.incidentatlas.gazetteer.Gazetteer;
import org.incidentatlas.gazetteer.NameKeys;
import org.incidentatlas.gazetteer.QueryWords;
import org.incidentatlas.geodata.PlaceFiles;
import org.incidentatlas.ingest.ActorList;
import org.incidentatlas.ingest.ReportInput;
import org.incidentatlas.ingest.RuleBasedReportExtractor;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Report extraction in process, geocoding included: one {@code RuleBasedReportExtractor.extract}
 * per operation, cycling through the team's demo reports (from the service's jar) and, when the
 * folder {@code ../shared/seeds} exists, the five seed reports read at run time (never copied).
 * The gazetteer and actor list are loaded once, exactly as the service loads them.
 */
@State(Scope.Benchmark)
public class ReportExtractionBenchmark {

    private RuleBasedReportExtractor extractor;
    private List<ReportInput> reports;

    @Setup
    public void load() throws IOException {
        NameKeys keys = new NameKeys();
        QueryWords words = new QueryWords(keys);
        Gazetteer gazetteer = new Gazetteer(new PlaceFiles(keys, words).load(), keys, words);
        extractor = new RuleBasedReportExtractor(gazetteer, keys, words, new ActorList());
        reports = new ArrayList<>(demoReports());
        reports.addAll(seedReports());
        System.out.println("\nworkload: " + reports.size() + " reports, "
                + reports.stream().mapToInt(r -> r.text().length()).sum() + " characters");
    }

    /**
     * Per-thread position in the report list, so threads do not contend on a shared counter; it
     * also counts the thread's CPU time per report, which shows the cost of a report when the
     * machine is shared and wall-clock throughput understates it.
     */
    @State(Scope.Thread)
    public static class Cursor {
        private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
        int next;
        long operations;
        long cpuStart;

        @Setup(Level.Iteration)
        public void start() {
            operations = 0;
            cpuStart = CPU.getCurrentThreadCpuTime();
        }

        @TearDown(Level.Iteration)
        public void stop() {
            if (operations > 0) {
                double ms = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e6 / operations;
                System.out.printf("%n  [%s] %d reports, %.2f ms CPU per report (%.0f reports per CPU-second)%n",
                        Thread.currentThread().getName(), operations, ms, 1000 / ms);
            }
        }
    }

    @Benchmark
    public Object extract(Cursor cursor) {
        cursor.operations++;
        return extractor.extract(reports.get(cursor.next++ % reports.size()));
    }

    private static List<ReportInput> demoReports() throws IOException {
        List<ReportInput> out = new ArrayList<>();
        String[] lines = resource("geodata/demo/reports/MANIFEST.tsv").split("\n");
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                String[] c = lines[i].split("\t");
                out.add(report(resource("geodata/demo/reports/" + c[0]), c[1]));
            }
        }
        return out;
    }

    private static List<ReportInput> seedReports() throws IOException {
        Path dir = Path.of("..", "shared", "seeds");
        List<ReportInput> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        for (String line : Files.readAllLines(dir.resolve("MANIFEST.tsv")).subList(1, 6)) {
            String[] c = line.split("\t");
            out.add(report(Files.readString(dir.resolve(c[0])), c[1]));
        }
        return out;
    }

    private static ReportInput report(String text, String publishedAt) {
        return new ReportInput(text, null, null, null, LocalDate.parse(publishedAt).atStartOfDay().atOffset(ZoneOffset.UTC), "en");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ReportExtractionBenchmark.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the benchmark class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
