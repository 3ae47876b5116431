package org.incidentatlas.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.zaxxer.hikari.HikariDataSource;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicMask;
import org.incidentatlas.borders.Border;
import org.incidentatlas.borders.BorderSet;
import org.incidentatlas.borders.TestBorders;
import org.incidentatlas.filter.PageCursor;
import org.incidentatlas.filter.PageSlice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The index-backed proximity queries against a brute-force geodesic scan, on 10,000 generated
 * incidents (most near the borders, as in reality): "within N m of border X", "within N m of any
 * border" and "within r m of a point" must return exactly the incidents the scan finds. The scan
 * examines every border segment for every incident (a flat pre-selection, then a golden-section
 * search of the exact geodesic distance along each remaining segment): no index, no stored distances.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ProximityQueryContract {

    static final int INCIDENTS = 10_000;
    /** Incidents closer to a threshold than this are left out of the comparison: 1 cm is below any source's accuracy. */
    static final double BOUNDARY_GUARD_M = 0.01;

    HikariDataSource dataSource;
    IncidentStore store;
    BorderSet borders;
    final Map<Long, double[]> points = new HashMap<>();

    abstract HikariDataSource newDatabase();

    abstract IncidentStore newStore(JdbcTemplate jdbc, DataSourceTransactionManager transactions, BorderSet borders);

    @BeforeAll
    void generate() throws Exception {
        borders = TestBorders.committed();
        dataSource = newDatabase();
        store = newStore(new JdbcTemplate(dataSource), new DataSourceTransactionManager(dataSource), borders);
        Random random = new Random(42);
        Coordinate[] armAze = borders.border("ARM-AZE").orElseThrow().geometry().getCoordinates();
        List<IncidentData> batch = new ArrayList<>();
        List<double[]> generated = new ArrayList<>();
        for (int i = 0; i < INCIDENTS; i++) {
            double lon;
            double lat;
            if (i % 10 < 6) { // 60 % within ~15 km of the Armenia–Azerbaijan border
                Coordinate v = armAze[random.nextInt(armAze.length)];
                lon = v.x + random.nextGaussian() * 0.06;
                lat = v.y + random.nextGaussian() * 0.05;
            } else {
                lon = 43.5 + random.nextDouble() * 5.5;
                lat = 38.5 + random.nextDouble() * 3.0;
            }
            generated.add(new double[] {lon, lat});
            batch.add(TestIncidents.shelling(IncidentStoreContract.DAY, lon, lat));
            if (batch.size() == 1000) {
                insert(batch, generated);
            }
        }
        insert(batch, generated);
    }

    private void insert(List<IncidentData> batch, List<double[]> generated) {
        List<Long> ids = store.createAll(batch);
        for (int i = 0; i < ids.size(); i++) {
            points.put(ids.get(i), generated.get(i));
        }
        batch.clear();
        generated.clear();
    }

    @AfterAll
    void close() {
        dataSource.close();
    }

    @Test
    void withinNMetresOfOneBorderMatchesTheBruteForceScan() {
        for (double metres : List.of(1_000.0, 5_000.0, 20_000.0)) {
            Set<Long> expected = new HashSet<>();
            Set<Long> ambiguous = new HashSet<>();
            points.forEach((id, p) -> {
                double d = bruteForce(borders.border("ARM-AZE").orElseThrow(), p[0], p[1], metres);
                classify(id, d, metres, expected, ambiguous);
            });
            Set<Long> found = query(IncidentFilter.ALL.withBorderDistance(List.of("ARM-AZE"), metres));
            found.removeAll(ambiguous);
            assertThat(found).as("within %s m of ARM-AZE", metres).isEqualTo(expected);
            assertThat(store.count(IncidentFilter.ALL.withBorderDistance(List.of("ARM-AZE"), metres)))
                    .isBetween((long) expected.size(), (long) (expected.size() + ambiguous.size()));
            assertThat(expected).hasSizeGreaterThan(100);
        }
    }

    @Test
    void withinNMetresOfAnyBorderMatchesTheBruteForceScan() {
        double metres = 5_000;
        Set<Long> expected = new HashSet<>();
        Set<Long> ambiguous = new HashSet<>();
        points.forEach((id, p) -> {
            double nearest = borders.borders().stream().mapToDouble(b -> bruteForce(b, p[0], p[1], metres)).min().orElseThrow();
            classify(id, nearest, metres, expected, ambiguous);
        });
        Set<Long> found = query(IncidentFilter.ALL.withBorderDistance(null, metres));
        found.removeAll(ambiguous);
        assertThat(found).isEqualTo(expected);
    }

    @Test
    void withinRadiusOfAPointMatchesTheBruteForceScan() {
        double[] goris = {46.3417, 39.5111};
        for (double radius : List.of(2_000.0, 25_000.0, 150_000.0)) {
            Set<Long> expected = new HashSet<>();
            Set<Long> ambiguous = new HashSet<>();
            points.forEach((id, p) -> classify(id,
                    Geodesic.WGS84.Inverse(goris[1], goris[0], p[1], p[0], GeodesicMask.DISTANCE).s12, radius, expected, ambiguous));
            Set<Long> found = query(IncidentFilter.ALL.withNear(new IncidentFilter.Proximity(goris[0], goris[1], radius)));
            found.removeAll(ambiguous);
            assertThat(found).as("within %s m of Goris", radius).isEqualTo(expected);
        }
    }

    private static void classify(long id, double distance, double threshold, Set<Long> within, Set<Long> ambiguous) {
        if (Math.abs(distance - threshold) < BOUNDARY_GUARD_M) {
            ambiguous.add(id);
        } else if (distance <= threshold) {
            within.add(id);
        }
    }

    private Set<Long> query(IncidentFilter filter) {
        Set<Long> ids = new HashSet<>();
        PageCursor cursor = null;
        do {
            PageSlice slice = store.page(filter, cursor, 10_000, i -> ids.add(i.id()));
            cursor = slice.next();
        } while (cursor != null);
        return ids;
    }

    /**
     * Every segment of the border: flat distances first; when even the flat minimum is clearly
     * beyond the threshold the incident is out (and the flat figure is returned); otherwise the
     * exact geodesic minimum along every segment that could be nearest.
     */
    static double bruteForce(Border border, double lon, double lat, double thresholdM) {
        double scale = Math.cos(Math.toRadians(lat));
        List<Coordinate[]> segments = new ArrayList<>();
        List<Double> flat = new ArrayList<>();
        double flatMin = Double.MAX_VALUE;
        for (int i = 0; i < border.geometry().getNumGeometries(); i++) {
            Coordinate[] c = ((LineString) border.geometry().getGeometryN(i)).getCoordinates();
            for (int k = 0; k + 1 < c.length; k++) {
                double f = flatDistanceKm(lon, lat, c[k], c[k + 1], scale);
                segments.add(new Coordinate[] {c[k], c[k + 1]});
                flat.add(f);
                flatMin = Math.min(flatMin, f);
            }
        }
        if (flatMin * 1000 > thresholdM * 1.03 + 500) {
            return flatMin * 1000;
        }
        double best = Double.MAX_VALUE;
        for (int i = 0; i < segments.size(); i++) {
            if (flat.get(i) <= flatMin * 1.03 + 0.5) { // flat distances err by well under 3 % at these ranges
                best = Math.min(best, goldenSection(lon, lat, segments.get(i)[0], segments.get(i)[1]));
            }
        }
        return best;
    }

    private static double flatDistanceKm(double lon, double lat, Coordinate a, Coordinate b, double scale) {
        double ax = (a.x - lon) * scale * 111.32;
        double ay = (a.y - lat) * 110.6;
        double bx = (b.x - lon) * scale * 111.32;
        double by = (b.y - lat) * 110.6;
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
        return Math.hypot(ax + t * dx, ay + t * dy);
    }

    private static double goldenSection(double lon, double lat, Coordinate a, Coordinate b) {
        double lo = 0;
        double hi = 1;
        double r = (Math.sqrt(5) - 1) / 2;
        double x1 = hi - r * (hi - lo);
        double x2 = lo + r * (hi - lo);
        double f1 = at(lon, lat, a, b, x1);
        double f2 = at(lon, lat, a, b, x2);
        for (int i = 0; i < 45; i++) {
            if (f1 < f2) {
                hi = x2;
                x2 = x1;
                f2 = f1;
                x1 = hi - r * (hi - lo);
                f1 = at(lon, lat, a, b, x1);
            } else {
                lo = x1;
                x1 = x2;
                f1 = f2;
                x2 = lo + r * (hi - lo);
                f2 = at(lon, lat, a, b, x2);
            }
        }
        return Math.min(at(lon, lat, a, b, (lo + hi) / 2), Math.min(at(lon, lat, a, b, 0), at(lon, lat, a, b, 1)));
    }

    private static double at(double lon, double lat, Coordinate a, Coordinate b, double t) {
        return Geodesic.WGS84.Inverse(lat, lon, a.y + t * (b.y - a.y), a.x + t * (b.x - a.x), GeodesicMask.DISTANCE).s12;
    }
}
