package org.incidentatlas.ingest;

import java.nio.file.Files;
import org.incidentatlas.testsupport.SeedReports;
import org.junit.jupiter.api.Test;

class ScratchDebugTest {
    @Test
    void print() throws Exception {
        String text = Files.readString(SeedReports.reports().get(4));
        for (Sentence s : Sentences.split(text)) {
            if (s.text().contains("Shusha")) {
                var dates = DateResolver.find(text, s.start(), s.end(), java.time.LocalDate.of(2022, 9, 13), null);
                System.out.println(s.paragraph() + " " + Background.of(s.text(), dates, java.time.LocalDate.of(2022, 9, 13)) + " " + dates + " :: " + s.text());
            }
        }
    }
}
