package org.incidentatlas.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/** The direct writing of points gives the very text JTS's GeoJSON writer gives (which lines and areas still go through). */
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
