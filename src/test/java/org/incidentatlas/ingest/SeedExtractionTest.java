package org.incidentatlas.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.sf.geographiclib.Geodesic;
import org.incidentatlas.testsupport.SeedReports;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The five seed reports, each read alone with the publication date from MANIFEST.tsv, against the
 * events the team codes from their facts. Precision and recall are printed: an extracted event is
 * right when an expected event of the same day lies within the expectation's tolerance.
 * "Acceptable" events are facts of the report that a coder may or may not code (one side's
 * account of where the other side attacked): they count neither way in the lenient figure and
 * as wrong in the strict one.
 */
class SeedExtractionTest {

    /** An event the team expects: the day, a point and how far from it the extracted place may be. */
    record Expected(String seed, String what, LocalDate date, double lat, double lon, double toleranceKm, boolean required) {
    }

    static final List<Expected> EXPECTED = List.of(
            new Expected("000", "attack on the post at Nerkin Hand", LocalDate.of(2024, 2, 13), 39.08228, 46.52421, 5, true),
            new Expected("000", "sniper fire in the Zangilan direction", LocalDate.of(2024, 2, 12), 39.08371, 46.65988, 20, true),
            // Kokhanabi is a derived point (±4 km, see geodata/supplement/SOURCES.md): the tolerance is its radius
            new Expected("000", "small-arms fire between Chinari and Kokhanabi (Tovuz)", LocalDate.of(2024, 2, 12), 40.84013, 45.60455, 4, true),
            new Expected("001", "Operation Revenge near Saribaba / the Lachin corridor", LocalDate.of(2022, 8, 3), 39.67722, 46.58750, 15, true),
            new Expected("002", "Operation Revenge near Saribaba / the Lachin corridor", LocalDate.of(2022, 8, 3), 39.67722, 46.58750, 15, true),
            new Expected("003", "Operation Revenge near Saribaba / the Lachin corridor", LocalDate.of(2022, 8, 3), 39.67722, 46.58750, 15, true),
            new Expected("004", "Goris", LocalDate.of(2022, 9, 13), 39.5075, 46.3385, 3, true),
            new Expected("004", "Sotk", LocalDate.of(2022, 9, 13), 40.20306, 45.86472, 3, true),
            new Expected("004", "Jermuk", LocalDate.of(2022, 9, 13), 39.8414, 45.6697, 3, true),
            new Expected("004", "Vardenis", LocalDate.of(2022, 9, 13), 40.1806, 45.7307, 3, true),
            new Expected("004", "Artanish", LocalDate.of(2022, 9, 13), 40.48333, 45.35000, 3, true),
            new Expected("004", "Ishkhanasar", LocalDate.of(2022, 9, 13), 39.58222, 46.18000, 5, true),
            new Expected("004", "Kapan", LocalDate.of(2022, 9, 13), 39.2075, 46.4054, 3, true),
            // Azerbaijan's account ("the Dashkesan, Kalbajar and Lachin directions") is the same night's fire told by the other
            // side: it joins the Armenian villages those fronts face (Sotk, Goris) and is no event of its own
            new Expected("004", "Martuni on Lake Sevan", LocalDate.of(2022, 9, 13), 40.13892, 45.30548, 3, true));

    static final Map<String, ExtractedReport> extracted = new HashMap<>();
    static final Map<String, String> texts = new HashMap<>();

    @BeforeAll
    static void extractEverySeed() throws IOException {
        Map<String, String> published = new HashMap<>();
        for (String line : Files.readAllLines(SeedReports.folder().resolve("MANIFEST.tsv")).subList(1, 6)) {
            String[] c = line.split("\t");
            published.put(c[0].substring(0, 3), c[1]);
        }
        for (Path p : SeedReports.reports()) {
            String seed = p.getFileName().toString().substring(0, 3);
            String text = Files.readString(p);
            texts.put(seed, text);
            extracted.put(seed, TestExtractor.get().extract(TestExtractor.report(text, published.get(seed))));
        }
        assertThat(extracted).hasSize(5);
    }

    private static List<ExtractedEvent> events(String seed) {
        return extracted.get(seed).events();
    }

    private static double km(ExtractedEvent e, Expected x) {
        return Geodesic.WGS84.Inverse(e.place().place().lat(), e.place().place().lon(), x.lat(), x.lon()).s12 / 1000;
    }

    private static boolean matches(ExtractedEvent e, Expected x) {
        return x.date().equals(e.date()) && km(e, x) <= x.toleranceKm();
    }

    @Test
    void nerkinHandWithFourKilledAndOneInjuredPerArmeniasDefenceMinistry() {
        ExtractedEvent e = events("000").stream().filter(x -> x.place().place().id().equals("arm-syunik-nerkin-hand"))
                .findFirst().orElseThrow();
        assertThat(e.date()).isEqualTo("2024-02-13");
        assertThat(e.eventType()).isIn("Battles", "Explosions/Remote violence");
        assertThat(e.claims()).anySatisfy(c -> {
            assertThat(c.claimant()).isEqualTo("Ministry of Defence of Armenia");
            assertThat(c.casualtySide()).isEqualTo("ARM");
            assertThat(c.fatalitiesBest()).isEqualTo(4);
            assertThat(c.injuredBest()).isEqualTo(1);
        });
        assertThat(e.placeSpan().of(texts.get("000"))).isEqualTo("Nerkin Khanda");
        assertThat(e.actor1()).isEqualTo("State Border Service of Azerbaijan");
        assertThat(e.actor2()).isEqualTo("Military Forces of Armenia");
    }

    @Test
    void eachOfTheAugustReportsAloneGivesOneEventNearTheLachinCorridor() {
        for (String seed : List.of("001", "002", "003")) {
            assertThat(events(seed)).as(seed).singleElement().satisfies(e -> {
                assertThat(e.date()).isEqualTo("2022-08-03");
                assertThat(matches(e, EXPECTED.get(3))).as(seed + " at " + e.place().place().id()).isTrue();
            });
        }
    }

    @Test
    void theAugustClaimsConflictAndAreAllKept() {
        List<ExtractedClaim> claims = events("002").get(0).claims();
        assertThat(claims).anySatisfy(c -> {
            assertThat(c.claimant()).isEqualTo("Ministry of Defence of Armenia");
            assertThat(c.fatalitiesLow()).isEqualTo(2);
            assertThat(c.injuredBest()).isEqualTo(14);
        });
        assertThat(claims).anySatisfy(c -> {
            assertThat(c.claimant()).isEqualTo("Ministry of Defence of Azerbaijan");
            assertThat(c.casualtySide()).isEqualTo("ARM");
            assertThat(c.fatalitiesBest()).isEqualTo(3);
        });
        assertThat(claims).anySatisfy(c -> {
            assertThat(c.claimant()).isEqualTo("Artsakh Defence Army");
            assertThat(c.fatalitiesBest()).isZero();
        });
        assertThat(events("003").get(0).claims()).extracting(ExtractedClaim::claimant)
                .contains("Ministry of Defence of Armenia", "Government of Azerbaijan");
    }

    @Test
    void septemberEventsAtTheNamedArmenianSettlementsWithMartuniOnLakeSevan() {
        List<String> ids = events("004").stream().map(e -> e.place().place().id()).toList();
        assertThat(ids).contains("arm-syunik-goris", "arm-gegharkunik-sotk", "arm-vayots-dzor-jermuk", "arm-gegharkunik-vardenis",
                "arm-gegharkunik-artanish", "arm-syunik-kapan", "arm-gegharkunik-martuni", "hgt-ishkhanasar");
        assertThat(ids).doesNotContain("aze-khojavend-martuni");
        assertThat(ids).as("directions join the villages they face").noneMatch(id -> id.startsWith("dir-"));
        assertThat(events("004")).allSatisfy(e -> assertThat(e.date()).isEqualTo("2022-09-13"));
        assertThat(events("004")).anySatisfy(e -> assertThat(e.claims()).anySatisfy(c -> {
            assertThat(c.claimant()).isEqualTo("Ministry of Defence of Armenia");
            assertThat(c.fatalitiesHigh()).isEqualTo(50);
        }));
    }

    @Test
    void nothingInSamarkandMoscowOrUkraineAndNothingFromTheBackgroundYears() {
        for (String seed : extracted.keySet()) {
            for (ExtractedEvent e : events(seed)) {
                String where = e.place().place().name() + " " + e.placeSpan().of(texts.get(seed));
                assertThat(where).as(seed).doesNotContainIgnoringCase("samarkand").doesNotContainIgnoringCase("moscow")
                        .doesNotContainIgnoringCase("ukrain");
                // the region: Armenia, Azerbaijan and their borders
                assertThat(e.place().place().lon()).as(seed + " " + where).isBetween(43.0, 50.5);
                assertThat(e.place().place().lat()).as(seed + " " + where).isBetween(38.2, 42.0);
                assertThat(e.date().getYear()).as(seed + " " + where).isNotIn(1991, 1992, 1993, 1994, 2020, 2021);
            }
        }
    }

    @Test
    void precisionAndRecall() {
        int truePositives = 0;
        int falsePositives = 0;
        int acceptable = 0;
        int expected = 0;
        int found = 0;
        StringBuilder report = new StringBuilder("\nSeed extraction against the team's expectation\n");
        for (String seed : List.of("000", "001", "002", "003", "004")) {
            List<Expected> want = EXPECTED.stream().filter(x -> x.seed().equals(seed)).toList();
            List<ExtractedEvent> got = new ArrayList<>(events(seed));
            List<Expected> missing = new ArrayList<>();
            for (Expected x : want) {
                ExtractedEvent hit = got.stream().filter(e -> matches(e, x)).findFirst().orElse(null);
                if (hit != null) {
                    got.remove(hit);
                    if (x.required()) {
                        truePositives++;
                        found++;
                    } else {
                        acceptable++;
                    }
                } else if (x.required()) {
                    missing.add(x);
                }
                expected += x.required() ? 1 : 0;
            }
            falsePositives += got.size();
            report.append(String.format("  %s: %d events, %d expected found, %d missing %s, %d unexpected %s%n", seed,
                    events(seed).size(), want.stream().filter(Expected::required).count() - missing.size(), missing.size(),
                    missing.stream().map(Expected::what).toList(), got.size(),
                    got.stream().map(e -> e.place().place().id() + "@" + e.date()).toList()));
        }
        double recall = found / (double) expected;
        double lenient = truePositives / (double) (truePositives + falsePositives);
        double strict = truePositives / (double) (truePositives + falsePositives + acceptable);
        report.append(String.format("  recall %.3f (%d/%d); precision %.3f lenient (acceptable events not counted), "
                + "%.3f strict (%d acceptable counted as wrong)%n", recall, found, expected, lenient, strict, acceptable));
        System.out.println(report);
        assertThat(recall).isEqualTo(1.0);
        assertThat(lenient).isEqualTo(1.0);
        assertThat(strict).isGreaterThanOrEqualTo(0.8);
    }
}
