package org.incidentatlas.borders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The committed borders and country polygons, as the service loads them. */
public final class TestBorders {

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private TestBorders() {
    }

    public static List<Border> borders() throws IOException {
        List<Border> out = new ArrayList<>();
        for (JsonNode f : features("geodata/borders/borders.geojson")) {
            JsonNode p = f.path("properties");
            out.add(new Border(p.path("id").asString(), p.path("name").asString(), Border.INTERNATIONAL,
                    p.path("country_a").asString(), p.path("country_b").asString(), geometry(f), p.path("source").asString(),
                    p.path("vintage").asString(), null, null));
        }
        return out;
    }

    public static List<Country> countries() throws IOException {
        List<Country> out = new ArrayList<>();
        for (JsonNode f : features("geodata/countries/countries.geojson")) {
            JsonNode p = f.path("properties");
            out.add(new Country(p.path("iso3").asString(), p.path("name").asString(), geometry(f), null, null));
        }
        return out;
    }

    /** The country polygons, or none if the file cannot be read (for tests that only need borders). */
    public static List<Country> countriesOrEmpty() {
        try {
            return countries();
        } catch (IOException e) {
            return List.of();
        }
    }

    public static BorderSet committed() throws IOException {
        return new BorderSet(borders(), countries());
    }

    private static JsonNode features(String file) throws IOException {
        return JsonMapper.builder().build().readTree(Files.readString(Path.of(file))).path("features");
    }

    private static org.locationtech.jts.geom.Geometry geometry(JsonNode f) {
        try {
            return new GeoJsonReader(WGS84).read(f.path("geometry").toString());
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
