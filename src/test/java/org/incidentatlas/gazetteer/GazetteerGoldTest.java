package org.incidentatlas.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import net.sf.geographiclib.Geodesic;
import org.incidentatlas.geodata.TestGazetteer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Geocoding quality against the gold set: the top answer must lie within the row's tolerance
 * (2 km for settlements, 5 km for heights and corridors, more for regions) of the true
 * coordinates, which come from a source independent of the gazetteer's own data. Names outside
 * the region (Moscow, Samarkand …) must not be placed in the region: either no answer, or the
 * right one.
 */
class GazetteerGoldTest {

    static Gazetteer gazetteer;
    static GoldSet gold;

    @BeforeAll
    static void load() throws Exception {
        gazetteer = TestGazetteer.fromCommittedData();
        gold = GoldSet.load();
    }

    record Outcome(GoldSet.Row row, Optional<Candidate> answer, boolean correct, String detail) {
    }

    static Outcome evaluate(GoldSet.Row row) {
        Optional<Candidate> answer = gazetteer.geocode(GeocodeQuery.of(row.query(), row.context().isEmpty() ? null : row.context()));
        if (row.isOutsideTheRegion()) {
            boolean correct = answer.isEmpty() || (row.hasCoordinates() && km(answer.get(), row) <= row.toleranceKm());
            return new Outcome(row, answer, correct, answer.map(a -> "answered " + describe(a, row)).orElse("no answer"));
        }
        if (answer.isEmpty()) {
            return new Outcome(row, answer, false, "no answer");
        }
        return new Outcome(row, answer, km(answer.get(), row) <= row.toleranceKm(), describe(answer.get(), row));
    }

    private static double km(Candidate c, GoldSet.Row row) {
        return Geodesic.WGS84.Inverse(c.place().lat(), c.place().lon(), row.lat(), row.lon()).s12 / 1000;
    }

    private static String describe(Candidate c, GoldSet.Row row) {
        String off = row.hasCoordinates() ? String.format(" %.1f km off", km(c, row)) : "";
        return c.place().id() + " (" + c.place().name() + ", " + c.place().admin1() + ")" + off;
    }

    @Test
    void everySeedToponymIsPlacedWithinTolerance() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (GoldSet.Row row : gold.rows()) {
            if (row.fromSeed().isEmpty() || !row.hasCoordinates()) {
                continue;
            }
            checked++;
            Outcome o = evaluate(row);
            if (!o.correct()) {
                wrong.add(row.query() + " [" + row.context() + "] -> " + o.detail());
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(40);
        assertThat(wrong).as("seed toponyms placed wrongly").isEmpty();
    }

    @Test
    void atLeast97PercentOfAllVariantsArePlacedWithinTolerance() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (GoldSet.Row row : gold.rows()) {
            if (!row.hasCoordinates()) {
                continue;
            }
            checked++;
            Outcome o = evaluate(row);
            if (!o.correct()) {
                wrong.add(row.query() + " [" + row.context() + "] -> " + o.detail());
            }
        }
        double accuracy = 1 - wrong.size() / (double) checked;
        System.out.printf("gazetteer gold set: %d of %d correct (%.1f%%)%n", checked - wrong.size(), checked, 100 * accuracy);
        wrong.forEach(w -> System.out.println("  wrong: " + w));
        assertThat(checked).isGreaterThanOrEqualTo(120);
        assertThat(accuracy).as("accuracy; wrong: %s", wrong).isGreaterThanOrEqualTo(0.97);
    }
}
