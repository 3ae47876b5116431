package org.incidentatlas.webmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.core.io.ClassPathResource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The map's outlines are the committed countries, lighter for the browser and still where they were. */
class MapOutlinesTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyCountryKeepsItsPropertiesAndAreaWithAFractionOfTheVertices() throws IOException, ParseException {
        Map<String, Geometry> full = countries(new ClassPathResource("geodata/countries/countries.geojson").getInputStream());
        Map<String, Geometry> simple = countries(new ByteArrayInputStream(new MapOutlines().geoJson()));

        assertThat(simple.keySet()).isEqualTo(full.keySet());
        int fullVertices = full.values().stream().mapToInt(Geometry::getNumPoints).sum();
        int simpleVertices = simple.values().stream().mapToInt(Geometry::getNumPoints).sum();
        assertThat(simpleVertices).as("vertices of %d", fullVertices).isLessThan(fullVertices / 3);
        full.forEach((country, outline) -> {
            Geometry lighter = simple.get(country);
            assertThat(lighter.getArea()).as(country).isCloseTo(outline.getArea(), within(outline.getArea() * 0.02));
            // no outline moves further than the tolerance, except where an islet or a lake was left out
            assertThat(lighter.getEnvelopeInternal().getMinX()).as(country)
                    .isCloseTo(outline.getEnvelopeInternal().getMinX(), offset(0.05));
            assertThat(lighter.getEnvelopeInternal().getMaxY()).as(country)
                    .isCloseTo(outline.getEnvelopeInternal().getMaxY(), offset(0.05));
        });
    }

    private Map<String, Geometry> countries(InputStream in) throws IOException, ParseException {
        try (in) {
            Map<String, Geometry> byCountry = new HashMap<>();
            for (JsonNode f : json.readTree(in).path("features")) {
                assertThat(f.path("properties").path("source").asString()).isNotBlank();
                byCountry.put(f.path("properties").path("iso3").asString(), new GeoJsonReader().read(f.path("geometry").toString()));
            }
            return byCountry;
        }
    }
}
