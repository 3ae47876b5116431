package org.incidentatlas.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.incidentatlas.borders.BorderField;
import org.incidentatlas.cql.Queryable;
import org.incidentatlas.fields.FieldType;
import org.incidentatlas.fields.JsonValues;
import org.incidentatlas.gazetteer.PlaceField;
import org.incidentatlas.testsupport.ApiClient;
import org.incidentatlas.testsupport.ExternalTool;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Walks the place and border definitions ({@link PlaceField}, {@link BorderField}) against the
 * running service, as {@link IncidentFieldsContract} does the incident's: the GeoJSON of the items,
 * the queryables, the CSV header and the GeoPackage and FlatGeobuf columns as GDAL's ogrinfo reads
 * them. A field added to a definition but missed by a representation (or the reverse) fails here.
 * On each backend (subclasses).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"atlas.demo-data=true", "atlas.demo-data.source=coded"})
abstract class PlaceBorderFieldsContract {

    /** One field of either definition, as the representations see it. */
    record Field(String property, FieldType type, String description) {
    }

    private final JsonMapper json = JsonMapper.builder().build();
    private final ExternalTool ogrinfo = new ExternalTool("ogrinfo");

    @Value("${local.server.port}")
    int port;

    private final ApiClient api = new ApiClient(() -> port);

    private static List<Field> properties(String collection) {
        return switch (collection) {
            case "places" -> PlaceField.PROPERTIES.stream().map(f -> new Field(f.property(), f.type(), f.description())).toList();
            case "borders" -> BorderField.PROPERTIES.stream().map(f -> new Field(f.property(), f.type(), f.description())).toList();
            default -> throw new IllegalArgumentException(collection);
        };
    }

    private static List<String> exported(String collection) {
        return switch (collection) {
            case "places" -> PlaceField.with(PlaceField.Trait.EXPORTED).stream().map(PlaceField::property).toList();
            case "borders" -> Arrays.stream(BorderField.values()).filter(f -> f != BorderField.GEOMETRY)
                    .map(BorderField::property).toList();
            default -> throw new IllegalArgumentException(collection);
        };
    }

    private static List<FieldType> exportedTypes(String collection) {
        return switch (collection) {
            case "places" -> PlaceField.with(PlaceField.Trait.EXPORTED).stream().map(PlaceField::type).toList();
            // every border column is text, dates included
            case "borders" -> exported(collection).stream().map(name -> FieldType.TEXT).toList();
            default -> throw new IllegalArgumentException(collection);
        };
    }

    private static List<Queryable> queryables(String collection) {
        return collection.equals("places") ? PlaceField.QUERYABLES : BorderField.QUERYABLES;
    }

    HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return api.getBytes(path, "Accept", "application/json");
    }

    JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = get(path);
        assertThat(r.statusCode()).as(path + ": " + new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return json.readTree(r.body());
    }

    /** An item's properties are the definition's, in its order, each of its type. */
    @ParameterizedTest
    @ValueSource(strings = {"places", "borders"})
    void geoJsonPropertiesAreTheDefinitionsInOrderAndTyped(String collection) throws Exception {
        JsonNode features = getJson("/collections/" + collection + "/items?limit=50").path("features");
        assertThat(features.size()).isPositive();
        List<Field> fields = properties(collection);
        for (JsonNode feature : features) {
            JsonNode p = feature.path("properties");
            assertThat(new ArrayList<>(p.propertyNames())).containsExactlyElementsOf(fields.stream().map(Field::property).toList());
            assertThat(feature.path("geometry").path("type").asString()).isNotBlank();
            for (Field f : fields) {
                JsonNode v = p.get(f.property());
                if (!v.isNull()) {
                    JsonValues.assertJsonType(f.property(), f.type(), v);
                }
            }
        }
    }


    @ParameterizedTest
    @ValueSource(strings = {"places", "borders"})
    void theQueryablesAreTheQueryableFields(String collection) throws Exception {
        JsonNode q = getJson("/collections/" + collection + "/queryables").path("properties");
        List<Queryable> queryable = queryables(collection);
        assertThat(new ArrayList<>(q.propertyNames())).containsExactlyElementsOf(queryable.stream().map(Queryable::name).toList());
        for (Queryable f : queryable) {
            assertThat(q.path(f.name()).path("description").asString()).as(f.name()).isEqualTo(f.description());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"places", "borders"})
    void theCsvHeaderIsTheExportedFields(String collection) throws Exception {
        HttpResponse<byte[]> r = get("/collections/" + collection + "/items?f=csv&limit=1");
        assertThat(r.statusCode()).isEqualTo(200);
        String header = new String(r.body(), StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        List<String> expected = new ArrayList<>(List.of("WKT"));
        expected.addAll(exported(collection));
        assertThat(List.of(header.split(","))).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @CsvSource({"places,fgb", "places,gpkg", "borders,fgb", "borders,gpkg"})
    void gdalReadsTheExportedFieldsAsTypedColumns(String collection, String format) throws Exception {
        ogrinfo.require();
        HttpResponse<byte[]> r = get("/collections/" + collection + "/items?limit=5&f=" + format);
        assertThat(r.statusCode()).isEqualTo(200);
        Path dir = Files.createTempDirectory("fields");
        Path file = dir.resolve(collection + "." + format);
        try {
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
            assertThat(columns).as(summary.output()).containsExactlyElementsOf(exported(collection));
            List<FieldType> expectedTypes = exportedTypes(collection);
            for (int i = 0; i < columns.size(); i++) {
                FieldType type = expectedTypes.get(i);
                String expected = type.whole() ? "Integer" : type == FieldType.NUMBER ? "Real" : "String";
                assertThat(types.get(i)).as(columns.get(i)).startsWith(expected);
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    /** The tiles' attributes are exactly the fields the definition marks tiled, each of its type. */
    @ParameterizedTest
    @ValueSource(strings = {"places", "borders"})
    void theTilesCarryTheTiledFields(String collection) throws Exception {
        List<Field> tiled = switch (collection) {
            case "places" -> PlaceField.with(PlaceField.Trait.TILED).stream().map(f -> new Field(f.property(), f.type(), f.description())).toList();
            case "borders" -> BorderField.tiled().stream().map(f -> new Field(f.property(), f.type(), f.description())).toList();
            default -> throw new IllegalArgumentException(collection);
        };
        JsonNode fields = getJson("/collections/" + collection + "/tiles/WebMercatorQuad/tilejson").path("vector_layers").get(0).path("fields");
        assertThat(new ArrayList<>(fields.propertyNames())).containsExactlyElementsOf(tiled.stream().map(Field::property).toList());
        for (Field f : tiled) {
            assertThat(fields.path(f.property()).asString()).as(f.property()).isEqualTo(f.type().jsonType());
        }
    }
}
