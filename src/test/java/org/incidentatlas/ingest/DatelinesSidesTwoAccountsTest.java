package org.incidentatlas.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.incidentatlas.borders.BorderSet;
import org.incidentatlas.borders.TestBorders;
import org.incidentatlas.gazetteer.Place;
import org.incidentatlas.incidents.Casualties;
import org.incidentatlas.incidents.DatePrecision;
import org.incidentatlas.incidents.IncidentData;
import org.incidentatlas.incidents.IncidentLocation;
import org.incidentatlas.testsupport.SeedReports;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 point 5: the team's own reports in {@code src/test/resources/reports/issue10/}, one
 * class of error each: datelines (where and when a report was filed is not the event), each
 * side's own losses (they add up; two claimants' figures for one side are alternatives), and one
 * clash told by its two sides (one incident at the best-located place, with both accounts'
 * claims). Each report is read alone, then all are fused as the ingestion fuses them.
 */
class DatelinesSidesTwoAccountsTest {

    static final Path FOLDER = Path.of("src", "test", "resources", "reports", "issue10");

    /** An event a report was written about: its file, the day, the gazetteer place. */
    record Expected(String file, LocalDate date, String placeId) {
    }

    static final List<Expected> EVENTS = List.of(
            new Expected("a1_meghri-dateline.txt", LocalDate.of(2024, 3, 4), "arm-syunik-nerkin-hand"),
            new Expected("a2_yerevan-reuters.txt", LocalDate.of(2022, 7, 28), "arm-gegharkunik-sotk"),
            new Expected("a3_baku-ap.txt", LocalDate.of(2023, 9, 12), "dir-kalbajar"),
            new Expected("a4_stepanakert-numeric.txt", LocalDate.of(2024, 2, 11), "aze-lachin-zabukh"),
            new Expected("a5_meghri-event-in-dateline-city.txt", LocalDate.of(2024, 6, 2), "arm-syunik-meghri"),
            new Expected("b1_verin-shorzha-both-sides.txt", LocalDate.of(2022, 9, 13), "arm-gegharkunik-verin-shorzha"),
            new Expected("b2_kornidzor-conflicting.txt", LocalDate.of(2023, 5, 14), "arm-syunik-kornidzor"),
            new Expected("b3_movses-own-losses.txt", LocalDate.of(2021, 11, 12), "arm-tavush-movses"),
            new Expected("b4_aygepar-one-sentence.txt", LocalDate.of(2023, 3, 9), "arm-tavush-aygepar"),
            new Expected("c1_yeraskh-arm.txt", LocalDate.of(2023, 8, 10), "arm-ararat-yeraskh"),
            new Expected("c1_sadarak-aze.txt", LocalDate.of(2023, 8, 10), "aze-district-sadarak"),
            new Expected("c2_sotk-arm.txt", LocalDate.of(2023, 6, 12), "arm-gegharkunik-sotk"),
            new Expected("c2_kalbajar-aze.txt", LocalDate.of(2023, 6, 12), "dir-kalbajar"),
            new Expected("c3_meghri-arm.txt", LocalDate.of(2023, 6, 16), "arm-syunik-meghri"),
            new Expected("c3_ordubad-aze.txt", LocalDate.of(2023, 6, 16), "aze-nakhchivan-ordubad"),
            new Expected("c4_chinari-both-accounts.txt", LocalDate.of(2023, 3, 1), "arm-tavush-chinari"),
            new Expected("c5_kapan-arm.txt", LocalDate.of(2023, 6, 12), "arm-syunik-kapan"),
            new Expected("c5_goris-arm.txt", LocalDate.of(2023, 6, 12), "arm-syunik-goris"),
            new Expected("c6_sotk-arm.txt", LocalDate.of(2023, 10, 19), "arm-gegharkunik-sotk"),
            new Expected("c6_dashkasan-aze.txt", LocalDate.of(2023, 10, 19), "dir-dashkesan"),
            new Expected("c7_vardenis-both-accounts.txt", LocalDate.of(2023, 10, 24), "arm-gegharkunik-vardenis"));

    /** The incidents all the reports make together: the reports in each, and where it is. */
    record ExpectedIncident(List<String> files, String placeId) {
    }

    static final List<ExpectedIncident> INCIDENTS = List.of(
            new ExpectedIncident(List.of("a1_meghri-dateline.txt"), "arm-syunik-nerkin-hand"),
            new ExpectedIncident(List.of("a2_yerevan-reuters.txt"), "arm-gegharkunik-sotk"),
            new ExpectedIncident(List.of("a3_baku-ap.txt"), "dir-kalbajar"),
            new ExpectedIncident(List.of("a4_stepanakert-numeric.txt"), "aze-lachin-zabukh"),
            new ExpectedIncident(List.of("a5_meghri-event-in-dateline-city.txt"), "arm-syunik-meghri"),
            new ExpectedIncident(List.of("b1_verin-shorzha-both-sides.txt"), "arm-gegharkunik-verin-shorzha"),
            new ExpectedIncident(List.of("b2_kornidzor-conflicting.txt"), "arm-syunik-kornidzor"),
            new ExpectedIncident(List.of("b3_movses-own-losses.txt"), "arm-tavush-movses"),
            new ExpectedIncident(List.of("b4_aygepar-one-sentence.txt"), "arm-tavush-aygepar"),
            new ExpectedIncident(List.of("c1_sadarak-aze.txt", "c1_yeraskh-arm.txt"), "arm-ararat-yeraskh"),
            new ExpectedIncident(List.of("c2_kalbajar-aze.txt", "c2_sotk-arm.txt"), "arm-gegharkunik-sotk"),
            new ExpectedIncident(List.of("c3_meghri-arm.txt", "c3_ordubad-aze.txt"), "arm-syunik-meghri"),
            new ExpectedIncident(List.of("c4_chinari-both-accounts.txt"), "arm-tavush-chinari"),
            new ExpectedIncident(List.of("c5_kapan-arm.txt"), "arm-syunik-kapan"),
            new ExpectedIncident(List.of("c5_goris-arm.txt"), "arm-syunik-goris"),
            new ExpectedIncident(List.of("c6_dashkasan-aze.txt", "c6_sotk-arm.txt"), "arm-gegharkunik-sotk"),
            new ExpectedIncident(List.of("c7_vardenis-both-accounts.txt"), "arm-gegharkunik-vardenis"));

    static final Map<String, String> texts = new TreeMap<>();
    static final Map<String, String> classes = new TreeMap<>();
    static final Map<String, ExtractedReport> extracted = new TreeMap<>();
    static final Map<String, ReportEvent.ReportMeta> metas = new TreeMap<>();
    static FusionRule rule;

    @BeforeAll
    static void extractAll() throws IOException {
        List<String> manifest = Files.readAllLines(FOLDER.resolve("MANIFEST.tsv"));
        assertThat(manifest.get(0)).isEqualTo("file\tpublished_at\tclass\tnote");
        for (String line : manifest.subList(1, manifest.size())) {
            String[] c = line.split("\t", -1);
            String text = Files.readString(FOLDER.resolve(c[0]));
            texts.put(c[0], text);
            classes.put(c[0], c[2]);
            String published = c[1].isBlank() ? null : c[1];
            extracted.put(c[0], TestExtractor.get().extract(TestExtractor.report(text, published)));
            metas.put(c[0], new ReportEvent.ReportMeta(ReportDigest.of(text), c[0], null, "incident-atlas team (test)",
                    published == null ? null : LocalDate.parse(published)));
        }
        assertThat(extracted).hasSize(EVENTS.size());
        BorderSet borders = new BorderSet(TestBorders.borders(), TestBorders.countriesOrEmpty());
        rule = new FusionRule(TestExtractor.actors(), () -> borders, TestExtractor.gazetteer()::place);
    }

    private static List<ExtractedEvent> events(String file) {
        return extracted.get(file).events();
    }

    private static String describe(String file) {
        StringBuilder b = new StringBuilder(file);
        events(file).forEach(e -> b.append("\n    ").append(TestExtractor.describe(texts.get(file), e)));
        return b.toString();
    }

    // ---- datelines ----

    @Test
    void aDatelineDatesTheReportAndItsCityIsNoEventPlace() {
        for (String file : List.of("a1_meghri-dateline.txt", "a2_yerevan-reuters.txt", "a3_baku-ap.txt", "a4_stepanakert-numeric.txt")) {
            Expected x = EVENTS.stream().filter(e -> e.file().equals(file)).findFirst().orElseThrow();
            assertThat(events(file)).as(describe(file)).singleElement().satisfies(e -> {
                assertThat(e.date()).isEqualTo(x.date());
                assertThat(e.datePrecision()).isEqualTo(DatePrecision.DAY);
                assertThat(e.place().place().id()).isEqualTo(x.placeId());
            });
        }
        // the filing city is a dateline mention, resolved to no place
        assertThat(extracted.get("a3_baku-ap.txt").mentions()).anySatisfy(m -> {
            assertThat(m.kind()).isEqualTo(MentionKind.DATELINE);
            assertThat(m.text()).isEqualTo("BAKU");
        });
        assertThat(extracted.get("a3_baku-ap.txt").mentions())
                .noneSatisfy(m -> assertThat(m.kind() == MentionKind.PLACE && m.text().equals("BAKU")).isTrue());
        assertThat(extracted.get("a4_stepanakert-numeric.txt").mentions()).anySatisfy(m -> {
            assertThat(m.kind()).isEqualTo(MentionKind.DATE);
            assertThat(m.resolved()).isEqualTo("2024-02-12");
        });
    }

    @Test
    void noSeedOrDemoReportOpensWithADateline() throws IOException {
        List<Path> all = new ArrayList<>(SeedReports.reports());
        try (var demo = Files.list(Path.of("geodata", "demo", "reports"))) {
            demo.filter(f -> f.toString().endsWith(".txt")).forEach(all::add);
        }
        for (Path f : all) {
            assertThat(Dateline.find(Files.readString(f), null, null)).as(f.toString()).isEmpty();
        }
    }

    @Test
    void aLaterSentenceMayStillPutTheEventInTheDatelineCity() {
        assertThat(events("a5_meghri-event-in-dateline-city.txt")).as(describe("a5_meghri-event-in-dateline-city.txt"))
                .singleElement().satisfies(e -> {
                    assertThat(e.place().place().id()).isEqualTo("arm-syunik-meghri");
                    assertThat(e.date()).isEqualTo("2024-06-02");
                    assertThat(texts.get("a5_meghri-event-in-dateline-city.txt").indexOf("MEGHRI")).isLessThan(e.placeSpan().start());
                });
    }

    @Test
    void theDatelineWinsOverALaterPublicationDateButNotOverAnEarlierOne() {
        Dateline d = Dateline.find("MEGHRI, March 5 — Shots were fired.", LocalDate.of(2024, 3, 12), null).orElseThrow();
        assertThat(d.city()).isEqualTo("MEGHRI");
        assertThat(d.date()).isEqualTo("2024-03-05");
        assertThat(d.anchor(LocalDate.of(2024, 3, 12))).isEqualTo("2024-03-05");
        // filed "March 5" but published on March 1: the year was guessed wrong or the dateline is a typo
        assertThat(Dateline.find("MEGHRI, March 5 — x", LocalDate.of(2025, 3, 1), null).orElseThrow().anchor(LocalDate.of(2025, 3, 1)))
                .isEqualTo("2025-03-01");
        assertThat(Dateline.find("YEREVAN (Reuters) - Shots were fired.", null, null)).get()
                .satisfies(x -> assertThat(x.date()).isNull());
        assertThat(Dateline.find("BAKU, Sept 13 (AP) — x", LocalDate.of(2023, 9, 20), null).orElseThrow().date()).isEqualTo("2023-09-13");
        // titles and ordinary sentences are not datelines
        assertThat(Dateline.find("Armenia - Azerbaijan talks resume\n\nThe talks went on.", null, null)).isEmpty();
        assertThat(Dateline.find("Goris - a town under fire\n\nx", null, null)).isEmpty();
        assertThat(Dateline.find("Six soldiers were killed - the ministry said.", null, null)).isEmpty();
    }

    // ---- each side's own losses ----

    @Test
    void eachSidesOwnLossesAddUp() {
        IncidentData b1 = incidentOf("b1_verin-shorzha-both-sides.txt");
        assertThat(b1.claims()).as(describe("b1_verin-shorzha-both-sides.txt")).anySatisfy(c -> {
            assertThat(c.claimant()).isEqualTo("Ministry of Defence of Armenia");
            assertThat(c.side()).isEqualTo("ARM");
            assertThat(c.fatalities()).isEqualTo(6);
        }).anySatisfy(c -> {
            assertThat(c.claimant()).isEqualTo("Government of Azerbaijan");
            assertThat(c.side()).isEqualTo("AZE");
            assertThat(c.fatalities()).isEqualTo(7);
        });
        assertThat(b1.fatalities()).isEqualTo(Casualties.exactly(13));
        IncidentData b3 = incidentOf("b3_movses-own-losses.txt");
        assertThat(b3.fatalities()).as(describe("b3_movses-own-losses.txt")).isEqualTo(Casualties.exactly(5));
        assertThat(b3.injured().best()).isEqualTo(2);
        // two speakers in one sentence: each figure is its own speaker's
        IncidentData b4 = incidentOf("b4_aygepar-one-sentence.txt");
        assertThat(b4.claims()).as(describe("b4_aygepar-one-sentence.txt"))
                .extracting(c -> c.claimant() + "/" + c.side() + "/" + c.fatalities())
                .containsExactlyInAnyOrder("Government of Armenia/ARM/4", "Government of Azerbaijan/AZE/2");
        assertThat(b4.fatalities()).isEqualTo(Casualties.exactly(6));
    }

    @Test
    void twoClaimantsFiguresForTheSameSideAreAlternatives() {
        IncidentData b2 = incidentOf("b2_kornidzor-conflicting.txt");
        assertThat(b2.claims()).as(describe("b2_kornidzor-conflicting.txt")).anySatisfy(c -> {
            assertThat(c.claimant()).isEqualTo("Ministry of Defence of Armenia");
            assertThat(c.side()).isEqualTo("ARM");
            assertThat(c.fatalities()).isEqualTo(4);
        }).anySatisfy(c -> {
            assertThat(c.claimant()).isEqualTo("Ministry of Defence of Azerbaijan");
            assertThat(c.side()).isEqualTo("ARM");
            assertThat(c.fatalities()).isEqualTo(10);
        }).anySatisfy(c -> {
            assertThat(c.claimant()).isEqualTo("Ministry of Defence of Azerbaijan");
            assertThat(c.side()).isEqualTo("AZE");
            assertThat(c.fatalities()).isZero();
        });
        // Armenian dead: 4 or 10 (best the lower median, 4; range 4..10); Azerbaijani dead: none
        assertThat(b2.fatalities()).isEqualTo(new Casualties(4, 4, 10));
    }

    // ---- one clash, two accounts ----

    @Test
    void theWhereFireCameFromIsNoEventPlace() {
        assertThat(events("c1_yeraskh-arm.txt")).as(describe("c1_yeraskh-arm.txt")).singleElement()
                .satisfies(e -> assertThat(e.place().place().id()).isEqualTo("arm-ararat-yeraskh"));
        assertThat(events("c3_meghri-arm.txt")).as(describe("c3_meghri-arm.txt")).singleElement().satisfies(e -> {
            assertThat(e.place().place().id()).isEqualTo("arm-syunik-meghri");
            // no forces named: fire from Azerbaijan's side is Azerbaijan's forces' fire
            assertThat(e.actor1()).isEqualTo("Military Forces of Azerbaijan");
        });
        String text = "Armenian units stationed near Chinari opened fire on Azerbaijani positions near Kokhanabi on Monday.";
        List<PlaceMention> places = TestExtractor.places().find(text, Sentences.split(text).get(0),
                TestExtractor.actors().find(text, 0, text.length()));
        assertThat(places).anySatisfy(p -> {
            assertThat(p.text()).isEqualTo("Chinari");
            assertThat(p.role()).isEqualTo(PlaceMention.Role.ORIGIN);
        });
    }

    @Test
    void oneClashToldByTwoSidesIsOneIncidentAtTheBestLocatedPlaceWithBothAccounts() {
        Map<List<String>, IncidentData> fused = fuseAll(new Random(1));
        for (ExpectedIncident x : INCIDENTS.stream().filter(i -> i.files().get(0).startsWith("c")).toList()) {
            assertThat(fused).as(fused.keySet().toString()).containsKey(x.files());
            IncidentData d = fused.get(x.files());
            assertThat(d.location().placeId()).as(x.files().toString()).isEqualTo(x.placeId());
            assertThat(d.sources()).hasSize(x.files().size());
        }
        IncidentData sotk = fused.get(List.of("c2_kalbajar-aze.txt", "c2_sotk-arm.txt"));
        assertThat(sotk.claims()).extracting(c -> c.claimant() + "/" + c.side())
                .contains("Ministry of Defence of Armenia/ARM", "Ministry of Defence of Azerbaijan/AZE");
        assertThat(sotk.injured()).isEqualTo(Casualties.exactly(2));
        assertThat(sotk.location().geoPrecision()).isEqualTo(1);
    }

    @Test
    void fusionOfTheTwoAccountsDoesNotDependOnTheOrder() {
        Map<List<String>, IncidentData> first = fuseAll(new Random(1));
        for (int seed = 2; seed < 8; seed++) {
            assertThat(fuseAll(new Random(seed))).isEqualTo(first);
        }
        assertThat(first.keySet()).containsExactlyInAnyOrderElementsOf(INCIDENTS.stream().map(ExpectedIncident::files).toList());
    }

    @Test
    void theRuleNeedsTheSameDayOppositeSidesMutualBlameAndTheBorder() {
        ReportEvent sotk = reportEvents("c2_sotk-arm.txt").get(0);
        ReportEvent kalbajar = reportEvents("c2_kalbajar-aze.txt").get(0);
        assertThat(rule.twoAccounts(sotk, kalbajar)).isTrue();
        assertThat(rule.twoAccounts(kalbajar, sotk)).isTrue();
        assertThat(rule.twoAccounts(sotk, withDate(kalbajar, kalbajar.date().plusDays(1)))).as("the next day").isFalse();
        assertThat(rule.twoAccounts(sotk, withActor1(kalbajar, sotk.actor1()))).as("both blame Azerbaijan").isFalse();
        assertThat(rule.twoAccounts(sotk, reportEvents("c5_kapan-arm.txt").get(0))).as("same side").isFalse();
        assertThat(rule.twoAccounts(reportEvents("c5_kapan-arm.txt").get(0), kalbajar)).as("Kapan is 100 km from Kalbajar").isFalse();
        assertThat(new FusionRule().twoAccounts(sotk, kalbajar)).as("without actors and borders").isFalse();
    }

    @Test
    void aDirectionJoinsTheOtherSidesVillageItFacesAndIsNoEventPlaceOfItsOwn() {
        // across reports: Dashkasan's town is 37 km from Sotk and 28 km from the border, yet its front faces Sotk
        ReportEvent sotk = reportEvents("c6_sotk-arm.txt").get(0);
        ReportEvent dashkasan = reportEvents("c6_dashkasan-aze.txt").get(0);
        assertThat(rule.twoAccounts(sotk, dashkasan)).isTrue();
        assertThat(rule.twoAccounts(dashkasan, sotk)).isTrue();
        assertThat(rule.twoAccounts(sotk, withActor1(dashkasan, sotk.actor1()))).as("both blame Azerbaijan").isFalse();
        assertThat(rule.twoAccounts(reportEvents("c5_kapan-arm.txt").get(0), withDate(dashkasan, LocalDate.of(2023, 6, 12))))
                .as("Dashkasan does not face Kapan").isFalse();
        assertThat(new FusionRule(TestExtractor.actors(), BorderSet::empty, TestExtractor.gazetteer()::place)
                .twoAccounts(sotk, dashkasan)).as("without borders").isFalse();
        // in one report: the direction's account joins the village's event with its claims
        assertThat(events("c7_vardenis-both-accounts.txt")).as(describe("c7_vardenis-both-accounts.txt")).singleElement()
                .satisfies(e -> assertThat(e.place().place().id()).isEqualTo("arm-gegharkunik-vardenis"));
        // each direction joins the nearest village it faces; one facing nothing named stays where it is
        String text = "Two fronts flare up\n\nArmenia's Ministry of Defence said Azerbaijani troops shelled Goris and Vardenis on "
                + "Tuesday night. Azerbaijan's Defence Ministry said Armenian units had fired at its positions in the Lachin and "
                + "Kalbajar directions the same night, and in the Tovuz direction.";
        ExtractedReport report = TestExtractor.get().extract(TestExtractor.report(text, "2023-10-25"));
        assertThat(report.events()).extracting(e -> e.place().place().id())
                .containsExactlyInAnyOrder("arm-syunik-goris", "arm-gegharkunik-vardenis", "dir-tovuz");
    }

    // ---- figures ----

    @Test
    void figuresPerClass() {
        Map<String, int[]> perClass = new TreeMap<>();
        StringBuilder out = new StringBuilder("\nIssue 10 extraction classes (team-written reports)\n");
        for (String file : extracted.keySet()) {
            int[] c = perClass.computeIfAbsent(classes.get(file), k -> new int[4]);
            List<ExtractedEvent> got = new ArrayList<>(events(file));
            for (Expected x : EVENTS.stream().filter(e -> e.file().equals(file)).toList()) {
                c[1]++;
                ExtractedEvent hit = got.stream().filter(e -> x.date().equals(e.date()) && x.placeId().equals(e.place().place().id()))
                        .findFirst().orElse(null);
                if (hit != null) {
                    c[0]++;
                    got.remove(hit);
                } else {
                    out.append("  missed ").append(x).append('\n');
                }
            }
            c[2] += got.size();
            got.forEach(e -> out.append("  unexpected ").append(file).append(": ").append(TestExtractor.describe(texts.get(file), e)).append('\n'));
        }
        int found = 0;
        int expected = 0;
        int wrong = 0;
        for (Map.Entry<String, int[]> e : perClass.entrySet()) {
            int[] c = e.getValue();
            found += c[0];
            expected += c[1];
            wrong += c[2];
            out.append(String.format("  %-13s events: recall %d/%d, precision %d/%d%n", e.getKey(), c[0], c[1], c[0], c[0] + c[2]));
        }
        Map<List<String>, IncidentData> fused = fuseAll(new Random(1));
        long rightIncidents = INCIDENTS.stream().filter(x -> fused.containsKey(x.files())
                && fused.get(x.files()).location().placeId().equals(x.placeId())).count();
        out.append(String.format("  all           events: recall %d/%d = %.3f, precision %d/%d = %.3f%n", found, expected,
                found / (double) expected, found, found + wrong, found / (double) (found + wrong)));
        out.append(String.format("  fused incidents: %d expected, %d made, %d right (same reports, same place)%n", INCIDENTS.size(),
                fused.size(), rightIncidents));
        System.out.println(out);
        assertThat(found).isEqualTo(expected);
        assertThat(wrong).isZero();
        assertThat(rightIncidents).isEqualTo(INCIDENTS.size());
    }

    /** The seeds' own cases of the three classes, printed for docs/BENCHMARKS.md: datelines, claims per side, two accounts. */
    @Test
    void theSeedsCasesPrinted() throws IOException {
        StringBuilder out = new StringBuilder("\nIssue 10 classes in the seeds\n");
        Map<String, String> published = new TreeMap<>();
        for (String line : Files.readAllLines(SeedReports.folder().resolve("MANIFEST.tsv")).subList(1, 6)) {
            published.put(line.substring(0, 3), line.split("\t")[1]);
        }
        List<ReportEvent> all = new ArrayList<>();
        for (Path f : SeedReports.reports()) {
            String seed = f.getFileName().toString().substring(0, 3);
            String text = Files.readString(f);
            ExtractedReport r = TestExtractor.get().extract(TestExtractor.report(text, published.get(seed)));
            long datelines = r.mentions().stream().filter(m -> m.kind() == MentionKind.DATELINE).count();
            assertThat(datelines).as("no seed opens with a dateline").isZero();
            out.append("  ").append(seed).append(": ").append(datelines).append(" dateline(s); claims ");
            r.events().forEach(e -> e.claims().forEach(c -> out.append('[').append(c.claimant()).append(" about ").append(c.casualtySide())
                    .append(": killed ").append(c.fatalitiesBest() != null ? c.fatalitiesBest() : c.fatalitiesLow()).append("] ")));
            out.append('\n');
            for (int i = 0; i < r.events().size(); i++) {
                ExtractedEvent e = r.events().get(i);
                Place p = e.place().place();
                all.add(new ReportEvent(new ReportEvent.Key(seed.hashCode(), i), new ReportEvent.ReportMeta(ReportDigest.of(text), seed, null,
                        null, LocalDate.parse(published.get(seed))), null, e.eventType(), e.subEventType(), e.date(), e.dateEnd(),
                        e.datePrecision(), e.actor1(), e.actor2(), new IncidentLocation(p.geometry() == null ? p.point() : p.geometry(),
                        p.name(), p.id(), p.country(), p.admin1(), p.admin2(), Math.max(1, Math.min(3, e.place().geoPrecision()))),
                        p.lon(), p.lat(), e.span(), e.placeSpan(), e.confidence(), e.claims()));
            }
        }
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                if (rule.twoAccounts(all.get(i), all.get(j))) {
                    assertThat(all.get(i).location().country()).isNotEqualTo(all.get(j).location().country());
                    out.append("  two accounts joined: ").append(all.get(i).location().placeId()).append(" (").append(all.get(i).actor1())
                            .append(") + ").append(all.get(j).location().placeId()).append(" (").append(all.get(j).actor1()).append(")\n");
                }
            }
        }
        all.stream().filter(e -> "AZE".equals(e.location().country())).forEach(e -> out.append("  Azerbaijani-side event ")
                .append(e.report().title()).append(' ').append(e.location().placeId()).append('@').append(e.date()).append(" actor1 ")
                .append(e.actor1()).append('\n'));
        System.out.println(out);
    }

    // ---- helpers: the ingestion's fusion over these reports, without a database ----

    private static IncidentData incidentOf(String file) {
        List<ReportEvent> es = reportEvents(file);
        assertThat(es).as(describe(file)).hasSize(1);
        return new IncidentFusion().fuse(es);
    }

    /** Every report's events, grouped as the ingestion groups them (connected under the rule), in a shuffled order. */
    private static Map<List<String>, IncidentData> fuseAll(Random random) {
        List<ReportEvent> all = new ArrayList<>();
        extracted.keySet().forEach(f -> all.addAll(reportEvents(f)));
        Collections.shuffle(all, random);
        List<List<ReportEvent>> groups = new ArrayList<>();
        List<ReportEvent> left = new ArrayList<>(all);
        while (!left.isEmpty()) {
            List<ReportEvent> group = new ArrayList<>();
            Deque<ReportEvent> todo = new ArrayDeque<>(List.of(left.remove(0)));
            while (!todo.isEmpty()) {
                ReportEvent e = todo.poll();
                group.add(e);
                for (ReportEvent o : List.copyOf(left)) {
                    if (rule.sameEvent(e, o)) {
                        left.remove(o);
                        todo.add(o);
                    }
                }
            }
            groups.add(group);
        }
        Map<List<String>, IncidentData> out = new LinkedHashMap<>();
        groups.stream().sorted(Comparator.comparing(g -> fileOf(g.get(0)))).forEach(g -> out.put(
                g.stream().map(DatelinesSidesTwoAccountsTest::fileOf).distinct().sorted().toList(), new IncidentFusion().fuse(g)));
        return out;
    }

    private static String fileOf(ReportEvent e) {
        return e.report().title();
    }

    /** As the ingestion stores an extracted event for fusion. */
    private static List<ReportEvent> reportEvents(String file) {
        List<ReportEvent> out = new ArrayList<>();
        List<ExtractedEvent> es = events(file);
        for (int i = 0; i < es.size(); i++) {
            ExtractedEvent e = es.get(i);
            Place p = e.place().place();
            IncidentLocation where = new IncidentLocation(p.geometry() == null ? p.point() : p.geometry(), p.name(), p.id(), p.country(),
                    p.admin1(), p.admin2(), Math.max(1, Math.min(3, e.place().geoPrecision())));
            out.add(new ReportEvent(new ReportEvent.Key(file.hashCode() & 0xffff, i), metas.get(file), null, e.eventType(),
                    e.subEventType(), e.date(), e.dateEnd(), e.datePrecision(), e.actor1(), e.actor2(), where, p.lon(), p.lat(), e.span(),
                    e.placeSpan(), e.confidence(), e.claims()));
        }
        return out;
    }

    private static ReportEvent withDate(ReportEvent e, LocalDate date) {
        return new ReportEvent(e.key(), e.report(), e.incidentId(), e.eventType(), e.subEventType(), date, e.dateEnd(), e.datePrecision(),
                e.actor1(), e.actor2(), e.location(), e.lon(), e.lat(), e.span(), e.placeSpan(), e.confidence(), e.claims());
    }

    private static ReportEvent withActor1(ReportEvent e, String actor1) {
        return new ReportEvent(e.key(), e.report(), e.incidentId(), e.eventType(), e.subEventType(), e.date(), e.dateEnd(),
                e.datePrecision(), actor1, e.actor2(), e.location(), e.lon(), e.lat(), e.span(), e.placeSpan(), e.confidence(), e.claims());
    }
}
