package org.incidentatlas.ingest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.incidentatlas.web.JsonBodies;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar incident-atlas.jar ingest <files or folders>}: ingests the reports (see
 * {@link ReportFiles}) one transaction each, printing a line per report and a summary. The exit
 * code is 1 when any report failed. Does nothing unless the first argument is {@code ingest}.
 */
@Component
public class IngestCommand implements ApplicationRunner, ExitCodeGenerator {

    public static final String NAME = "ingest";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(IngestCommand.class);

    private final IngestService ingest;
    private final PrintStream out = System.out;
    private final JsonBodies bodies;
    private int exitCode;

    public IngestCommand(IngestService ingest, JsonBodies bodies) {
        this.ingest = ingest;
        this.bodies = bodies;
    }

    public static boolean requested(String... args) {
        return args.length > 0 && NAME.equals(args[0]);
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        List<String> words = args.getNonOptionArgs();
        if (words.isEmpty() || !NAME.equals(words.get(0))) {
            return;
        }
        if (words.size() < 2) {
            out.println("usage: java -jar incident-atlas.jar ingest <files or folders>");
            exitCode = 2;
            return;
        }
        ReportFiles files = new ReportFiles(bodies);
        List<Path> paths = files.expand(words.subList(1, words.size()).stream().map(Path::of).toList());
        long started = System.nanoTime();
        int reports = 0;
        int created = 0;
        int duplicates = 0;
        int failed = 0;
        TreeSet<Long> incidentsCreated = new TreeSet<>();
        TreeSet<Long> incidentsUpdated = new TreeSet<>();
        for (int i = 0; i < paths.size(); i++) {
            Path p = paths.get(i);
            List<ReportFiles.Named> batch;
            try {
                batch = files.read(p);
            } catch (IOException | RuntimeException e) {
                failed++;
                out.printf(Locale.ROOT, "[%d/%d] %s: FAILED %s%n", i + 1, paths.size(), p, describe(e));
                continue;
            }
            for (ReportFiles.Named named : batch) {
                reports++;
                try {
                    IngestResult r = ingest.ingest(named.report());
                    if (r.created()) {
                        created++;
                    } else {
                        duplicates++;
                    }
                    incidentsCreated.addAll(r.incidentsCreated());
                    incidentsUpdated.addAll(r.incidentsUpdated());
                    out.printf(Locale.ROOT, "[%d/%d] %s: report %d %s, %d events, incidents created %s updated %s%n", i + 1, paths.size(),
                            named.name(), r.report().id(), r.created() ? "new" : "already ingested", r.events(),
                            r.incidentsCreated(), r.incidentsUpdated());
                } catch (RuntimeException e) {
                    failed++;
                    out.printf(Locale.ROOT, "[%d/%d] %s: FAILED %s%n", i + 1, paths.size(), named.name(), describe(e));
                    LOG.debug("ingesting {} failed", named.name(), e);
                }
            }
        }
        incidentsUpdated.removeAll(incidentsCreated);
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf(Locale.ROOT, "ingested %d reports from %d files in %.1f s (%.1f reports/s): %d new, %d already ingested, %d failed; "
                        + "%d incidents created, %d updated%n", reports, paths.size(), seconds, seconds > 0 ? reports / seconds : 0,
                created, duplicates, failed, incidentsCreated.size(), incidentsUpdated.size());
        exitCode = failed > 0 ? 1 : 0;
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
