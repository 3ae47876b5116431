package org.incidentatlas.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The direct writing of points gives the very text JTS's GeoJSON writer gives (which lines and areas still go through),
 * and of timestamps the text of ISO_INSTANT.
 */
class FeatureJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final GeometryFactory geometries = new GeometryFactory();

    @Test
    void pointsAreWrittenAsJtsWritesThem() {
        Random random = new Random(13);
        double[][] edges = {{0, 0}, {45, 40}, {-180, -90}, {180, 90}, {45.123456785, 39.1}, {1e-9, -1e-9}, {-0.000123, 12.5}};
        for (double[] e : edges) {
            assertSameText(geometries.createPoint(new Coordinate(e[0], e[1])));
        }
        for (int i = 0; i < 2000; i++) {
            double lon = -180 + 360 * random.nextDouble();
            double lat = -90 + 180 * random.nextDouble();
            assertSameText(geometries.createPoint(new Coordinate(lon, lat)));
            // coordinates that already have few places, as analysts type them
            assertSameText(geometries.createPoint(new Coordinate(Math.round(lon * 1e4) / 1e4, Math.round(lat * 1e3) / 1e3)));
        }
    }

    @Test
    void instantsAreWrittenAsIsoInstantFormatsThem() {
        Random random = new Random(14);
        long[] edges = {0, -1, 1, 253402300799L, 253402300800L, -62167219200L, -62167219201L, 1_798_000_000L};
        int[] nanos = {0, 1, 999_999_999, 1_000_000, 123_000_000, 123_456_000, 123_456_789, 1000, 100};
        for (long second : edges) {
            for (int nano : nanos) {
                assertSameInstant(Instant.ofEpochSecond(second, nano));
            }
        }
        for (int i = 0; i < 20000; i++) {
            long second = random.nextLong(-70_000_000_000L, 260_000_000_000L);
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            assertSameInstant(Instant.ofEpochSecond(second, nano));
        }
    }

    private static void assertSameInstant(Instant t) {
        assertThat(FeatureJson.instant(t)).as("%s.%s", t.getEpochSecond(), t.getNano()).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(t));
    }

    private void assertSameText(Geometry point) {
        GeoJsonWriter jts = new GeoJsonWriter(8);
        jts.setEncodeCRS(false);
        assertThat(written(point)).as(point.toText()).isEqualTo("{\"geometry\":" + jts.write(point) + "}");
    }

    private String written(Geometry geometry) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            FeatureJson.geometry(g, geometry, 8);
            g.writeEndObject();
        }
        return out.toString();
    }
}
