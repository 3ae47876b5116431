package org.incidentatlas.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.incidentatlas.fields.FieldType;
import org.incidentatlas.fields.JsonValues;
import org.incidentatlas.incidents.IncidentField;
import org.incidentatlas.incidents.IncidentSchema;
import org.incidentatlas.testsupport.ApiClient;
import org.incidentatlas.testsupport.ExternalTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Walks the incident definition ({@link IncidentSchema}) against the running service and checks
 * each field in every representation: the GeoJSON of an item (and what a client writes comes back),
 * the queryables, the OpenAPI schema, the CSV header, the GeoPackage and FlatGeobuf columns as
 * GDAL's ogrinfo reads them, and the vector tiles' attributes. A field added to the definition but
 * missed by a representation (or the reverse) fails here. On each backend (subclasses).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"atlas.write-token=" + IncidentFieldsContract.TOKEN, "atlas.demo-data=true", "atlas.demo-data.source=coded"})
abstract class IncidentFieldsContract {

    static final String TOKEN = "fields-write-token";

    private final JsonMapper json = JsonMapper.builder().build();
    private final ExternalTool ogrinfo = new ExternalTool("ogrinfo");

    @Value("${local.server.port}")
    int port;

    private final ApiClient api = new ApiClient(() -> port);

    JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = api.getBytes(path, "Accept", "application/json");
        assertThat(r.statusCode()).as(path + ": " + new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return json.readTree(r.body());
    }

    static List<String> names(List<IncidentField> fields) {
        return fields.stream().map(IncidentField::property).toList();
    }

    static List<IncidentField> exported() {
        return IncidentSchema.with(IncidentField.Trait.EXPORTED);
    }

    /** An item's properties are the definition's, in its order, each of its type (null only where nullable). */
    @Test
    void geoJsonPropertiesAreTheDefinitionsInOrderAndTyped() throws Exception {
        JsonNode features = getJson("/collections/incidents/items?limit=20").path("features");
        assertThat(features.size()).isPositive();
        for (JsonNode feature : features) {
            JsonNode p = feature.path("properties");
            assertThat(new ArrayList<>(p.propertyNames())).containsExactlyElementsOf(names(IncidentSchema.PROPERTIES));
            assertThat(feature.path("geometry").path("type").asString()).isNotBlank();
            for (IncidentField f : IncidentSchema.PROPERTIES) {
                JsonNode v = p.get(f.property());
                if (v.isNull()) {
                    assertThat(f.nullable()).as(f.property() + " is null in " + feature).isTrue();
                } else {
                    JsonValues.assertJsonType(f.property(), f.type(), v);
                }
            }
        }
    }


    /** Every writable field a client sends is stored and served back as sent. */
    @Test
    void everyWritablePropertyComesBackAsWritten() throws Exception {
        ObjectNode properties = (ObjectNode) json.readTree("""
                {"event_date": "2022-09-13", "event_date_end": "2022-09-14", "date_precision": "week",
                 "event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack",
                 "actor1": "Actor one", "actor2": "Actor two", "location_name": "Field test settlement", "place_id": "gaz:fields",
                 "country": "ARM", "admin1": "Syunik", "admin2": "Goris", "geo_precision": 2, "location_uncertainty_m": 1500,
                 "fatalities": 2, "fatalities_low": 1, "fatalities_high": 3, "injured": 5, "injured_low": 4, "injured_high": 6,
                 "claims": [{"claimant": "Ministry A", "side": "ARM", "fatalities": 3, "injured": 1, "summary": "Says three died.",
                             "source": "r1", "span": {"start": 1, "end": 9}}],
                 "sources": [{"id": "r1", "url": "https://example.org/a", "outlet": "Wire", "published": "2022-09-14",
                              "title": "Title", "report": 7, "spans": [{"start": 0, "end": 12}]}],
                 "notes": "written by the fields contract", "status": "extracted", "confidence": 0.75}
                """);
        List<IncidentField> writable = IncidentSchema.PROPERTIES.stream().filter(IncidentField::writable).toList();
        assertThat(new ArrayList<>(properties.propertyNames())).containsExactlyInAnyOrderElementsOf(names(writable));
        ObjectNode feature = json.createObjectNode();
        feature.put("type", "Feature");
        feature.set("geometry", json.readTree("{\"type\": \"Point\", \"coordinates\": [46.4, 39.5]}"));
        feature.set("properties", properties);
        HttpResponse<String> created = api.send("POST", "/collections/incidents/items", feature.toString(),
                "Content-Type", "application/geo+json", "Authorization", "Bearer " + TOKEN);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        JsonNode served = getJson(URI.create(location).getPath()).path("properties");
        for (IncidentField f : writable) {
            assertThat(served.get(f.property())).as(f.property()).isEqualTo(properties.get(f.property()));
        }
        HttpResponse<String> deleted = api.send("DELETE", URI.create(location).getPath(), null, "Authorization", "Bearer " + TOKEN);
        assertThat(deleted.statusCode()).isEqualTo(204);
    }

    @Test
    void theQueryablesAreTheQueryableFieldsWithTheirTypes() throws Exception {
        JsonNode q = getJson("/collections/incidents/queryables").path("properties");
        List<IncidentField> queryable = IncidentSchema.with(IncidentField.Trait.QUERYABLE);
        assertThat(new ArrayList<>(q.propertyNames())).containsExactlyElementsOf(names(queryable));
        for (IncidentField f : queryable) {
            JsonNode s = q.path(f.property());
            assertThat(s.path("description").asString()).isEqualTo(f.description());
            if (f.type().jsonType() != null && f.type() != FieldType.GEOMETRY) {
                assertThat(s.path("type").asString()).as(f.property()).isEqualTo(f.type().jsonType());
            }
        }
    }

    @Test
    void theOpenApiSchemaDescribesEveryProperty() throws Exception {
        JsonNode schemas = getJson("/api").path("components").path("schemas");
        JsonNode p = schemas.path("IncidentProperties").path("properties");
        assertThat(new ArrayList<>(p.propertyNames())).containsExactlyElementsOf(names(IncidentSchema.PROPERTIES));
        for (IncidentField f : IncidentSchema.PROPERTIES) {
            JsonNode s = p.path(f.property());
            assertThat(s.path("type").asString()).as(f.property()).isEqualTo(f.type().jsonType());
            assertThat(s.path("nullable").asBoolean(false)).as(f.property()).isEqualTo(f.nullable());
            assertThat(s.path("readOnly").asBoolean(false)).as(f.property()).isEqualTo(!f.writable());
            assertThat(s.path("description").asString()).isEqualTo(f.description());
        }
        assertThat(p.path("claims").path("items").path("properties").has("side")).isTrue();
        assertThat(schemas.path("Incident").path("properties").path("properties").path("$ref").asString())
                .endsWith("/IncidentProperties");
    }

    @Test
    void theCsvHeaderIsTheExportedFields() throws Exception {
        HttpResponse<byte[]> r = api.getBytes("/collections/incidents/items?f=csv&limit=1");
        assertThat(r.statusCode()).isEqualTo(200);
        String header = new String(r.body(), StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        List<String> expected = new ArrayList<>(List.of("WKT"));
        expected.addAll(names(exported()));
        assertThat(List.of(header.split(","))).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fgb", "gpkg"})
    void gdalReadsTheExportedFieldsAsTypedColumns(String format, @TempDir Path dir) throws Exception {
        ogrinfo.require();
        HttpResponse<byte[]> r = api.getBytes("/collections/incidents/items?limit=5&f=" + format);
        assertThat(r.statusCode()).isEqualTo(200);
        Path file = dir.resolve("incidents." + format);
        Files.write(file, r.body());
        ExternalTool.Result summary = ogrinfo.run("-ro", "-so", "-al", file.toString());
        assertThat(summary.exitCode()).as(summary.output()).isZero();
        Matcher m = Pattern.compile("(?m)^(\\w+): (String|Integer64|Integer|Real) ").matcher(summary.output());
        List<String> columns = new ArrayList<>();
        List<String> types = new ArrayList<>();
        while (m.find()) {
            columns.add(m.group(1));
            types.add(m.group(2));
        }
        assertThat(columns).as(summary.output()).containsExactlyElementsOf(names(exported()));
        for (int i = 0; i < columns.size(); i++) {
            FieldType type = exported().get(i).type();
            String expected = type.whole() ? "Integer" : type == FieldType.NUMBER ? "Real" : "String";
            assertThat(types.get(i)).as(columns.get(i)).startsWith(expected);
        }
    }

    @Test
    void theTilesCarryTheTiledFields() throws Exception {
        JsonNode layer = getJson("/collections/incidents/tiles/WebMercatorQuad/tilejson").path("vector_layers").get(0);
        List<IncidentField> tiled = IncidentSchema.with(IncidentField.Trait.TILED);
        for (IncidentField f : tiled) {
            assertThat(layer.path("fields").path(f.property()).asString()).as(f.property()).isEqualTo(f.type().jsonType());
        }
        // and nothing else, but the per-cell sums of the aggregate tiles
        List<String> defined = new ArrayList<>(names(tiled));
        defined.addAll(List.of("count", "fatalities", "event_types"));
        assertThat(layer.path("fields").propertyNames()).isSubsetOf(defined);
    }
}
