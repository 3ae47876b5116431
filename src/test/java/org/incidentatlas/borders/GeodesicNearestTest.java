package org.incidentatlas.borders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicMask;
import org.incidentatlas.geodesy.NearestPoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;

/**
 * Border distances against an independent reference: every border segment that could be nearest
 * is sampled every half metre along its length, each sample measured with the geodesic inverse,
 * and the closest sample refined at centimetre steps. The service's answer must be within 1 m.
 */
class GeodesicNearestTest {

    static BorderSet borders;
    static Border armAze;

    @BeforeAll
    static void load() throws Exception {
        borders = TestBorders.committed();
        armAze = borders.border("ARM-AZE").orElseThrow();
    }

    @Test
    void distancesAreWithinOneMetreOfDensifiedGeodesicSampling() {
        Random random = new Random(20260213);
        List<double[]> points = new ArrayList<>(List.of(
                new double[] {46.3417, 39.5111},   // Goris
                new double[] {46.53945, 39.07834}, // Nerkin Hand (derived point)
                new double[] {45.8647, 40.2031},   // Sotk
                new double[] {45.6695, 39.8417},   // Jermuk
                new double[] {45.5719, 40.8497})); // Chinari
        Coordinate[] vertices = armAze.geometry().getCoordinates();
        for (int i = 0; i < 40; i++) {
            Coordinate v = vertices[random.nextInt(vertices.length)];
            // near the line: up to ~20 km off a vertex, in any direction
            points.add(new double[] {v.x + (random.nextDouble() - 0.5) * 0.5, v.y + (random.nextDouble() - 0.5) * 0.4});
        }
        for (int i = 0; i < 15; i++) {
            // anywhere in the South Caucasus, up to ~200 km away
            points.add(new double[] {43.5 + random.nextDouble() * 5, 38.5 + random.nextDouble() * 3});
        }
        double worst = 0;
        for (double[] p : points) {
            NearestPoint ours = borders.nearest("ARM-AZE", p[0], p[1]).orElseThrow();
            double reference = densifiedReference(p[0], p[1], ours.distanceM());
            worst = Math.max(worst, Math.abs(ours.distanceM() - reference));
            assertThat(ours.distanceM()).as("point %s,%s", p[0], p[1]).isCloseTo(reference, org.assertj.core.data.Offset.offset(1.0));
            // the nearest point reported is where that distance is measured to
            double check = Geodesic.WGS84.Inverse(p[1], p[0], ours.lat(), ours.lon(), GeodesicMask.DISTANCE).s12;
            assertThat(check).isCloseTo(ours.distanceM(), org.assertj.core.data.Offset.offset(0.001));
        }
        System.out.printf("border distance: worst difference to the densified reference over %d points: %.4f m%n", points.size(), worst);
    }

    @Test
    void aPointOnTheLineIsAtDistanceZeroAndSidesFollowTheCountryPolygons() {
        Coordinate v = armAze.geometry().getCoordinates()[100];
        assertThat(borders.nearest("ARM-AZE", v.x, v.y).orElseThrow().distanceM()).isLessThan(0.001);
        assertThat(borders.side(44.5152, 40.1872)).isEqualTo("ARM");   // Yerevan
        assertThat(borders.side(49.8671, 40.4093)).isEqualTo("AZE");   // Baku
        assertThat(borders.side(45.4125, 39.2089)).isEqualTo("AZE");   // Nakhchivan city
        assertThat(borders.side(44.7930, 41.7151)).isEqualTo("GEO");   // Tbilisi
        assertThat(borders.side(51.0, 40.5)).isNull();                 // the Caspian Sea
    }

    /** The minimum distance to samples taken every 0.5 m along every segment that could be the nearest one. */
    private static double densifiedReference(double lon, double lat, double approx) {
        double best = Double.MAX_VALUE;
        Geometry g = armAze.geometry();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Coordinate[] c = ((LineString) g.getGeometryN(i)).getCoordinates();
            for (int k = 0; k + 1 < c.length; k++) {
                double length = Geodesic.WGS84.Inverse(c[k].y, c[k].x, c[k + 1].y, c[k + 1].x, GeodesicMask.DISTANCE).s12;
                double toStart = Geodesic.WGS84.Inverse(lat, lon, c[k].y, c[k].x, GeodesicMask.DISTANCE).s12;
                if (toStart - length > approx + 10) {
                    continue; // no point of this segment can be nearer than the answer being checked
                }
                int samples = Math.max(1, (int) Math.ceil(length / 0.5));
                int bestJ = -1;
                double segmentBest = Double.MAX_VALUE;
                for (int j = 0; j <= samples; j++) {
                    double d = at(lon, lat, c[k], c[k + 1], j / (double) samples);
                    if (d < segmentBest) {
                        segmentBest = d;
                        bestJ = j;
                    }
                }
                // centimetre steps around the best sample
                for (double t = (bestJ - 1.0) / samples; t <= (bestJ + 1.0) / samples; t += 0.01 / Math.max(length, 0.01)) {
                    if (t >= 0 && t <= 1) {
                        segmentBest = Math.min(segmentBest, at(lon, lat, c[k], c[k + 1], t));
                    }
                }
                best = Math.min(best, segmentBest);
            }
        }
        return best;
    }

    private static double at(double lon, double lat, Coordinate a, Coordinate b, double t) {
        return Geodesic.WGS84.Inverse(lat, lon, a.y + t * (b.y - a.y), a.x + t * (b.x - a.x), GeodesicMask.DISTANCE).s12;
    }
}
