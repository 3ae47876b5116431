package org.incidentatlas.geodata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import net.sf.geographiclib.Geodesic;
import org.incidentatlas.gazetteer.Candidate;
import org.incidentatlas.gazetteer.Gazetteer;
import org.incidentatlas.gazetteer.GeocodeQuery;
import org.incidentatlas.gazetteer.Place;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Border coverage (issue 10): each settlement of the per-area coverage tables that lies within
 * {@value #BORDER_KM} km of the Armenia–Azerbaijan border and that the table says is placed must
 * be in the loaded gazetteer under its place id, within {@value #SOURCE_KM} km of the coordinate
 * its source gives, and found by its own name with its province or district as context. Prints
 * found / listed per area and in total; fails below {@value #MIN_FOUND_SHARE} of them. The share
 * of all listed settlements that are placed at all is printed as well.
 */
class BorderCoverageTest {

    static final double BORDER_KM = 15;
    static final double SOURCE_KM = 2;
    /** The target: 95 % of the listed settlements placed within 2 km of their source. */
    static final double MIN_FOUND_SHARE = 0.95;
    static final Path COVERAGE = Path.of("geodata/supplement/coverage");
    static final Path FIXTURE = Path.of("src/test/resources/coverage-fixture");

    static Gazetteer gazetteer;

    @BeforeAll
    static void load() throws IOException {
        gazetteer = TestGazetteer.fromCommittedData();
    }

    /** What the check found for one table. */
    record Tally(String area, int rows, int listed, int found, int unplacedOrUnknown, List<String> failures) {
    }

    static Tally check(CoverageTable table) {
        int listed = 0;
        int found = 0;
        int unplaced = 0;
        List<String> failures = new ArrayList<>();
        for (CoverageTable.Row row : table.rows()) {
            if (!row.claimsAPlace()) {
                unplaced += row.status().equals("unplaced") ? 1 : 0;
                continue;
            }
            if (!row.withinKm(BORDER_KM)) {
                continue;
            }
            listed++;
            Optional<String> problem = problem(row);
            if (problem.isEmpty()) {
                found++;
            } else {
                failures.add(table.area() + ":" + row.line() + " " + row.settlement() + " (" + row.placeId() + "): " + problem.get());
            }
        }
        return new Tally(table.area(), table.rows().size(), listed, found, unplaced, failures);
    }

    private static Optional<String> problem(CoverageTable.Row row) {
        if (row.placeId().isEmpty() || row.lat() == null || row.lon() == null) {
            return Optional.of("the row says " + row.status() + " but gives no place id or no coordinate");
        }
        Optional<Place> place = gazetteer.place(row.placeId());
        if (place.isEmpty()) {
            return Optional.of("no such place id in the gazetteer");
        }
        double off = km(place.get().lat(), place.get().lon(), row.lat(), row.lon());
        if (off > SOURCE_KM) {
            return Optional.of(String.format(Locale.ROOT, "the gazetteer's point is %.1f km from the source's", off));
        }
        Optional<Candidate> byName = gazetteer.geocode(GeocodeQuery.of(row.settlement(), row.admin1().isEmpty() ? null : row.admin1()));
        if (byName.isEmpty()) {
            return Optional.of("not found by its name with context " + row.admin1());
        }
        Place answer = byName.get().place();
        if (!answer.id().equals(row.placeId()) && km(answer.lat(), answer.lon(), row.lat(), row.lon()) > SOURCE_KM) {
            return Optional.of("its name with context " + row.admin1() + " finds " + answer.id() + " instead");
        }
        return Optional.empty();
    }

    static double km(double lat1, double lon1, double lat2, double lon2) {
        return Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2).s12 / 1000;
    }

    static List<CoverageTable> tables(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<CoverageTable> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".tsv")).sorted().toList()) {
                out.add(CoverageTable.read(f));
            }
        }
        return out;
    }

    @Test
    void theBorderSettlementsOfEveryAreaArePlacedWithinTwoKilometresOfTheirSource() throws IOException {
        List<CoverageTable> tables = tables(COVERAGE);
        int rows = tables.stream().mapToInt(t -> t.rows().size()).sum();
        if (rows == 0) {
            System.out.println("border coverage: no coverage tables with rows under " + COVERAGE + "; the fixture test checks the format");
            return;
        }
        int listed = 0;
        int found = 0;
        int unplaced = 0;
        List<String> failures = new ArrayList<>();
        for (CoverageTable t : tables) {
            Tally tally = check(t);
            System.out.printf(Locale.ROOT, "border coverage %-12s %3d / %3d placed rows within %.0f km check out; %d rows, %d unplaced%n",
                    t.area(), tally.found(), tally.listed(), BORDER_KM, tally.rows(), tally.unplacedOrUnknown());
            listed += tally.listed();
            found += tally.found();
            unplaced += tally.unplacedOrUnknown();
            failures.addAll(tally.failures());
        }
        double share = listed == 0 ? 1 : found / (double) listed;
        System.out.printf(Locale.ROOT, "border coverage total %d / %d (%.1f %%); %d listed settlements have no coordinate yet (unplaced)%n",
                found, listed, 100 * share, unplaced);
        failures.forEach(f -> System.out.println("  not covered: " + f));
        assertThat(listed).as("placed rows within %s km", BORDER_KM).isPositive();
        assertThat(share).as("found / listed; not covered: %s", failures).isGreaterThanOrEqualTo(MIN_FOUND_SHARE);
    }

    @Test
    void theFixtureShowsTheLoaderAndEveryCheck() throws IOException {
        List<CoverageTable> tables = tables(FIXTURE);
        assertThat(tables).singleElement().satisfies(t -> assertThat(t.area()).isEqualTo("fixture-area"));
        CoverageTable t = tables.get(0);
        assertThat(t.rows()).hasSize(7);
        assertThat(t.rows().get(4).lat()).isNull();
        assertThat(t.rows().get(4).status()).isEqualTo("unplaced");
        Tally tally = check(t);
        // Voskepar and Sotk check out; Tegh is 11 km off, the made-up id is unknown; Martuni lies beyond 15 km
        assertThat(tally.listed()).isEqualTo(4);
        assertThat(tally.found()).isEqualTo(2);
        assertThat(tally.unplacedOrUnknown()).isEqualTo(1);
        assertThat(tally.failures()).hasSize(2);
        assertThat(tally.failures().get(0)).contains("Tegh").contains("km from the source");
        assertThat(tally.failures().get(1)).contains("no such place id");
    }

    @Test
    void aMalformedTableIsRejectedWithItsLine(@TempDir Path dir) throws IOException {
        String header = String.join("\t", CoverageTable.HEADER) + "\n";
        Path badStatus = Files.writeString(dir.resolve("bad-status.tsv"),
                header + "ARM\tTavush\t\tX\thttps://example.org\tarm-x\t41\t45\t1\tfound\t\n");
        assertThatThrownBy(() -> CoverageTable.read(badStatus)).hasMessageContaining("bad-status.tsv:2").hasMessageContaining("status 'found'");
        Path noPoint = Files.writeString(dir.resolve("no-point.tsv"),
                header + "ARM\tTavush\t\tX\thttps://example.org\tarm-x\t\t\t1\tplaced\t\n");
        assertThat(check(CoverageTable.read(noPoint)).failures()).singleElement().asString().contains("no place id or no coordinate");
        Path badColumns = Files.writeString(dir.resolve("bad-columns.tsv"), header + "ARM\tTavush\tX\n");
        assertThatThrownBy(() -> CoverageTable.read(badColumns)).hasMessageContaining("3 columns, expected 11");
        Path badNumber = Files.writeString(dir.resolve("bad-number.tsv"),
                header + "ARM\tTavush\t\tX\thttps://example.org\tarm-x\t41.0\t45,1\t1\tplaced\t\n");
        assertThatThrownBy(() -> CoverageTable.read(badNumber)).hasMessageContaining("lon '45,1'");
        Path badHeader = Files.writeString(dir.resolve("bad-header.tsv"), "settlement\tlat\tlon\n");
        assertThatThrownBy(() -> CoverageTable.read(badHeader)).hasMessageContaining("the header must be");
    }

    @Test
    void noTwoSupplementRowsShareAnId() throws IOException {
        Map<String, String> seen = new HashMap<>();
        List<String> duplicates = new ArrayList<>();
        int rows = 0;
        for (String file : PlaceFiles.SUPPLEMENTS) {
            for (Map<String, String> row : PlaceFiles.rows(file)) {
                rows++;
                String previous = seen.putIfAbsent(row.get("id"), file);
                if (previous != null) {
                    duplicates.add(row.get("id") + " in " + previous + " and " + file);
                }
            }
        }
        assertThat(rows).isGreaterThan(100);
        assertThat(duplicates).isEmpty();
        // and the loaded gazetteer holds each id once
        assertThat(gazetteer.places().stream().map(Place::id).distinct().count()).isEqualTo(gazetteer.places().size());
    }
}
