package org.incidentatlas.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The team-written demo reports in {@code geodata/demo/reports/} (the embedded demo data is made
 * from them) give the events they were written about; reports in pairs give the same place and day.
 */
class DemoReportsExtractionTest {

    static final Path FOLDER = Path.of("geodata", "demo", "reports");
    static final Map<String, ExtractedReport> extracted = new HashMap<>();

    @BeforeAll
    static void extractAll() throws IOException {
        List<String> manifest = Files.readAllLines(FOLDER.resolve("MANIFEST.tsv"));
        assertThat(manifest.get(0)).isEqualTo("file\tpublished_at\toutlet\ttitle");
        for (String line : manifest.subList(1, manifest.size())) {
            String[] c = line.split("\t");
            String text = Files.readString(FOLDER.resolve(c[0]));
            assertThat(text).startsWith(c[3]);
            extracted.put(c[0].substring(0, 2), TestExtractor.get().extract(TestExtractor.report(text, c[1])));
        }
        assertThat(extracted).hasSizeBetween(6, 10);
    }

    private static List<String> placesOn(String report, String date) {
        return extracted.get(report).events().stream().filter(e -> date.equals(String.valueOf(e.date())))
                .map(e -> e.place().place().id()).toList();
    }

    private static ExtractedClaim claimBy(String report, String claimant) {
        return extracted.get(report).events().stream().flatMap(e -> e.claims().stream())
                .filter(c -> claimant.equals(c.claimant())).findFirst().orElseThrow(() -> new AssertionError(report + ": no claim by " + claimant));
    }

    @Test
    void eachReportGivesTheEventsItWasWrittenAbout() {
        assertThat(placesOn("01", "2021-05-12")).containsExactly("lake-sev-lich");
        assertThat(extracted.get("01").events().get(0).eventType()).isEqualTo("Strategic developments");
        assertThat(placesOn("02", "2022-09-13")).containsExactlyInAnyOrder("arm-vayots-dzor-jermuk", "arm-syunik-goris",
                "arm-syunik-kapan", "arm-gegharkunik-vardenis");
        assertThat(claimBy("02", "Government of Armenia").fatalitiesBest()).isEqualTo(49);
        assertThat(placesOn("03", "2023-04-11")).containsExactly("arm-syunik-tegh");
        assertThat(claimBy("03", "Ministry of Defence of Armenia").injuredBest()).isEqualTo(6);
        assertThat(placesOn("04", "2023-04-11")).containsExactly("arm-syunik-tegh");
        assertThat(claimBy("04", "Ministry of Defence of Azerbaijan").fatalitiesBest()).isEqualTo(3);
        assertThat(placesOn("05", "2022-08-03")).containsExactly("hgt-saribaba");
        assertThat(placesOn("06", "2022-08-03")).containsExactly("road-lachin-corridor");
        assertThat(claimBy("06", "Artsakh Defence Army").injuredLow()).isEqualTo(14);
        assertThat(placesOn("07", "2024-02-13")).containsExactly("arm-syunik-nerkin-hand");
        assertThat(claimBy("07", "Ministry of Defence of Armenia").fatalitiesBest()).isEqualTo(4);
        assertThat(claimBy("07", "Ministry of Defence of Armenia").injuredBest()).isEqualTo(1);
        assertThat(placesOn("08", "2024-02-13")).containsExactly("arm-syunik-nerkin-hand");
        assertThat(placesOn("08", "2024-02-12")).containsExactly("dir-zangilan");
        // who fired on whom, as each report tells it
        assertThat(extracted.get("03").events().get(0).actor1()).isEqualTo("Military Forces of Azerbaijan");
        assertThat(extracted.get("04").events().get(0).actor1()).isEqualTo("Military Forces of Armenia");
        assertThat(extracted.get("06").events().get(0).actor2()).isEqualTo("Artsakh Defence Army");
        assertThat(extracted.get("05").events().get(0).actor1()).isEqualTo("Military Forces of Azerbaijan");
    }

    @Test
    void noDemoEventComesFromBackground() {
        extracted.forEach((report, r) -> assertThat(r.events()).as(report)
                .allSatisfy(e -> assertThat(e.date().getYear()).isBetween(2021, 2024)));
        assertThat(extracted.values().stream().mapToInt(r -> r.events().size()).sum()).isEqualTo(12);
    }
}
