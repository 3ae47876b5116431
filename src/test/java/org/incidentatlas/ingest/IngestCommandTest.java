package org.incidentatlas.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.incidentatlas.IncidentAtlasApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The command line: the application started as {@code main} starts it with {@code ingest <folder>}
 * (no web server), on a real H2GIS database, reading text files with a MANIFEST.tsv and NDJSON.
 */
class IngestCommandTest {

    @TempDir
    Path dir;

    @Test
    void ingestsAFolderShowingProgressAndASummaryAndIsIdempotent() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "Shelling near Goris. [[event date=2022-09-13; place=Goris; type=Explosions/Remote violence]]");
        Files.writeString(dir.resolve("b.txt"), "Clash at Sotk. [[event date=2022-09-13; place=Sotk; type=Battles; killed=2; side=ARM]]");
        Files.writeString(dir.resolve("MANIFEST.tsv"), "file\tpublished_at\toutlet\tlanguage\na.txt\t2022-09-13\tWire A\ten\n");
        Files.writeString(dir.resolve("more.ndjson"), "{\"text\": \"Jermuk shelled. [[event date=2022-09-13; place=Jermuk; "
                + "type=Explosions/Remote violence]]\", \"published_at\": \"2022-09-14\"}\n");
        String db = "jdbc:h2:mem:cli-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

        Run first = run(db, "ingest", dir.toString());
        assertThat(first.exitCode()).isZero();
        assertThat(first.output()).contains("[1/3] a.txt", "[2/3] b.txt", "[3/3] more.ndjson:1",
                "ingested 3 reports from 3 files", "3 new, 0 already ingested, 0 failed", "3 incidents created");
        assertThat(first.reports()).isEqualTo(3);
        assertThat(first.outletOfA()).isEqualTo("Wire A");

        Run again = run(db, "ingest", dir.resolve("a.txt").toString());
        assertThat(again.output()).contains("already ingested", "0 new, 1 already ingested");
        assertThat(again.reports()).isEqualTo(3);

        Run missing = run(db, "ingest", dir.resolve("nope.txt").toString());
        assertThat(missing.exitCode()).isNotZero();
    }

    record Run(int exitCode, String output, long reports, String outletOfA) {
    }

    private static Run run(String db, String... command) {
        String[] args = new String[command.length + 4];
        System.arraycopy(command, 0, args, 0, command.length);
        args[command.length] = "--spring.datasource.url=" + db;
        args[command.length + 1] = "--atlas.demo-data=false";
        args[command.length + 2] = "--spring.main.banner-mode=off";
        args[command.length + 3] = "--logging.level.root=WARN";
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        SpringApplication app = IncidentAtlasApplication.application(args);
        app.addPrimarySources(java.util.List.of(ScriptedExtractor.Config.class));
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exit;
        long reports;
        String outlet;
        try {
            try (ConfigurableApplicationContext context = app.run(args)) {
                JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
                reports = jdbc.queryForObject("SELECT count(*) FROM reports", Long.class);
                outlet = jdbc.queryForList("SELECT outlet FROM reports WHERE body LIKE 'Shelling near Goris%'", String.class)
                        .stream().findFirst().orElse(null);
                exit = SpringApplication.exit(context);
            }
        } catch (RuntimeException e) {
            // a failing runner makes run() throw: the command line exits non-zero
            System.setOut(original);
            return new Run(1, captured.toString(StandardCharsets.UTF_8) + e, -1, null);
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        original.print(out);
        return new Run(exit, out, reports, outlet);
    }
}
