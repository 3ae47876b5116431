package org.incidentatlas.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.incidentatlas.testsupport.SeedReports;
import org.junit.jupiter.api.Test;

class ScratchProfileTest {
    @Test
    void profile() throws Exception {
        List<String> texts = new ArrayList<>();
        for (Path p : SeedReports.reports()) texts.add(Files.readString(p));
        RuleBasedReportExtractor x = TestExtractor.get();
        ActorList actors = TestExtractor.actors();
        for (int warm = 0; warm < 3; warm++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 20; i++) for (String t : texts) x.extract(TestExtractor.report(t, "2022-09-13"));
            long t1 = System.nanoTime();
            for (int i = 0; i < 20; i++) for (String t : texts) actors.find(t, 0, t.length());
            long t2 = System.nanoTime();
            for (int i = 0; i < 20; i++) for (String t : texts) Sentences.split(t);
            long t3 = System.nanoTime();
            for (int i = 0; i < 20; i++) for (String t : texts) for (Sentence s : Sentences.split(t)) { DateResolver.find(t, s.start(), s.end(), java.time.LocalDate.of(2022,9,13), null); }
            long t4 = System.nanoTime();
            for (int i = 0; i < 20; i++) for (String t : texts) for (Sentence s : Sentences.split(t)) { TestExtractor.places().find(t, s, List.of()); }
            long t5 = System.nanoTime();
            for (int i = 0; i < 20; i++) for (String t : texts) for (Sentence s : Sentences.split(t)) { CasualtyFigures.find(t, s); EventClassifier.classify(t, s, false); Background.of(s.text(), List.of(), null);}
            long t6 = System.nanoTime();
            System.out.printf("per report ms: total %.2f actors %.2f sentences %.2f dates %.2f places %.2f rest %.2f%n",
                (t1-t0)/1e6/100, (t2-t1)/1e6/100, (t3-t2)/1e6/100, (t4-t3)/1e6/100, (t5-t4)/1e6/100, (t6-t5)/1e6/100);
        }
    }
}
