package org.incidentatlas.webmap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The country outlines the web map draws under the incidents, made once at start-up from the committed
 * geodata file: islets and lakes under {@link #MIN_RING_AREA} left out, the rest simplified to
 * {@link #TOLERANCE_DEGREES}, with five decimals. The web map draws them as {@link OutlineTiles}, made from the same
 * geometries; the GeoJSON stays for other clients. The exact borders are the borders layer, drawn from the API above
 * the outlines.
 */
@Component
public class MapOutlines {

    /** About 200 m, a pixel at zoom 9: the outlines are background, the borders layer is drawn exactly above them. */
    static final double TOLERANCE_DEGREES = 0.002;

    /** Square degrees, about 1 km²: a few pixels at zoom 9. */
    static final double MIN_RING_AREA = 1e-4;

    private static final int DECIMALS = 5;

    private final byte[] geoJson;
    private final List<Outline> outlines = new ArrayList<>();

    /** One country's simplified outline (longitude/latitude) and its properties from the geodata file. */
    public record Outline(Geometry geometry, Map<String, Object> properties) {
    }

    public MapOutlines() {
        this(new ClassPathResource("geodata/countries/countries.geojson"));
    }

    MapOutlines(ClassPathResource countries) {
        try (InputStream in = countries.getInputStream()) {
            this.geoJson = simplified(in, outlines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the country outlines " + countries.getPath(), e);
        }
    }

    /** The simplified FeatureCollection, UTF-8 GeoJSON; the features keep their properties. */
    public byte[] geoJson() {
        return geoJson.clone();
    }

    /** The simplified outlines, in the file's order. */
    public List<Outline> outlines() {
        return List.copyOf(outlines);
    }

    private static byte[] simplified(InputStream in, List<Outline> outlines) {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode collection = json.readTree(in);
        GeometryFactory geometries = new GeometryFactory(new PrecisionModel(), 4326);
        GeoJsonReader reader = new GeoJsonReader(geometries);
        GeoJsonWriter writer = new GeoJsonWriter(DECIMALS);
        writer.setEncodeCRS(false);
        for (JsonNode feature : collection.path("features")) {
            try {
                Geometry outline = reader.read(feature.path("geometry").toString());
                Geometry simple = DouglasPeuckerSimplifier.simplify(withoutSmallRings(outline, geometries), TOLERANCE_DEGREES);
                ((ObjectNode) feature).set("geometry", json.readTree(writer.write(simple)));
                Map<String, Object> properties = new LinkedHashMap<>();
                feature.path("properties").properties().forEach(p -> {
                    if (p.getValue().isValueNode()) {
                        properties.put(p.getKey(), p.getValue().asString());
                    }
                });
                outlines.add(new Outline(simple, properties));
            } catch (ParseException e) {
                throw new IllegalStateException("a country outline is not GeoJSON: " + feature.path("properties"), e);
            }
        }
        return json.writeValueAsString(collection).getBytes(StandardCharsets.UTF_8);
    }

    private static Geometry withoutSmallRings(Geometry outline, GeometryFactory geometries) {
        List<Polygon> kept = new ArrayList<>();
        for (int i = 0; i < outline.getNumGeometries(); i++) {
            Polygon polygon = (Polygon) outline.getGeometryN(i);
            if (area(polygon.getExteriorRing()) < MIN_RING_AREA) {
                continue;
            }
            List<LinearRing> holes = new ArrayList<>();
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                if (area(polygon.getInteriorRingN(h)) >= MIN_RING_AREA) {
                    holes.add(polygon.getInteriorRingN(h));
                }
            }
            kept.add(geometries.createPolygon(polygon.getExteriorRing(), holes.toArray(LinearRing[]::new)));
        }
        return geometries.createMultiPolygon(kept.toArray(Polygon[]::new));
    }

    private static double area(LinearRing ring) {
        return Area.ofRing(ring.getCoordinateSequence());
    }
}
