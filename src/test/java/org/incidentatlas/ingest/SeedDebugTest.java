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
    }
}
