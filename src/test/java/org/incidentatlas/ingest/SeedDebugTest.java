package org.incidentatlas.ingest;

import java.nio.file.Files;
import java.nio.file.Path;

import org.incidentatlas.testsupport.SeedReports;
import org.junit.jupiter.api.Test;

class SeedDebugTest {

    @Test
    void print() throws Exception {
        String[] dates = {"2024-02-13", "2022-08-03", "2022-08-03", "2022-08-03", "2022-09-13"};
        int i = 0;
        for (Path p : SeedReports.reports()) {
            String text = Files.readString(p);
            ExtractedReport r = TestExtractor.get().extract(TestExtractor.report(text, dates[i++]));
            System.out.println("=== " + p.getFileName());
            for (Mention m : r.mentions()) {
                System.out.println("  " + m.kind() + " '" + m.span().of(text).replace('\n', ' ') + "' -> " + m.resolved());
            }
            for (ExtractedEvent e : r.events()) {
                System.out.println("  EVENT " + TestExtractor.describe(text, e));
                System.out.println("      from: " + e.span().of(text));
            }
        }
        for (String line : Files.readAllLines(Path.of("geodata/demo/reports/MANIFEST.tsv")).subList(1, 9)) {
            String[] c = line.split("\t");
            String text = Files.readString(Path.of("geodata/demo/reports", c[0]));
            ExtractedReport r = TestExtractor.get().extract(TestExtractor.report(text, c[1]));
            System.out.println("=== " + c[0]);
            for (ExtractedEvent e : r.events()) {
                System.out.println("  EVENT " + TestExtractor.describe(text, e));
            }
        }
    }
}
