package org.incidentatlas.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.incidentatlas.testsupport.ApiClient;
import org.incidentatlas.testsupport.QgisPython;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * QGIS 3.22 as the client, the way an analyst adds the service (Layer → Add Layer → Add WFS /
 * OGC API – Features Layer): QGIS's own browser code lists the collections of a saved connection,
 * and its OAPIF provider loads every feature of each with a page size smaller than the collection,
 * following the {@code next} links. The script (src/test/resources/qgis/load_collections.py)
 * reports what QGIS got; this compares it with what the API serves. Each backend is a subclass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "atlas.demo-data=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class QgisClientContract {

    static final List<String> COLLECTIONS = List.of("incidents", "places", "borders");
    /** Pages smaller than each collection (the demo incidents, 12 borders). */
    static final int PAGE = 3;
    static final String PAGE_SIZES = "{\"default\": " + PAGE + ", \"incidents\": " + PAGE + ", \"borders\": " + PAGE
            + ", \"places\": 20000}";
    /** places asks for more than the service's maximum: QGIS must cap it from the OpenAPI document. */
    static final int PLACES_PAGE_SIZE = 20000;
    static final double[] BOX = {45.5, 39.5, 46.5, 40.5};

    private final ApiClient client = new ApiClient(() -> this.port);
    private final JsonMapper json = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;

    /** What QGIS loaded: one run of the script for all the tests of a backend. */
    JsonNode qgis;

    @BeforeAll
    void loadEveryCollectionInQgis(@TempDir Path home) throws Exception {
        QgisPython.require();
        Path script = home.resolve("load_collections.py");
        try (InputStream in = getClass().getResourceAsStream("/qgis/load_collections.py")) {
            Files.write(script, in.readAllBytes());
        }
        String box = "[" + BOX[0] + "," + BOX[1] + "," + BOX[2] + "," + BOX[3] + "]";
        QgisPython.Result r = QgisPython.run(script, home, "http://localhost:" + port, PAGE_SIZES, box);
        assertThat(r.exitCode()).as("QGIS script failed:\n" + r.stderr()).isZero();
        qgis = json.readTree(r.stdout());
        System.out.println("QGIS " + qgis.path("qgis_version").asString() + " made " + qgis.path("requests").size()
                + " requests");
    }

    JsonNode api(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> r = client.get(pathAndQuery);
        assertThat(r.statusCode()).as(client.url(pathAndQuery) + ": " + r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    /** Every feature the API serves, walked through its own next links: id → feature. */
    Map<String, JsonNode> served(String collection) throws IOException, InterruptedException {
        Map<String, JsonNode> features = new LinkedHashMap<>();
        String next = "/collections/" + collection + "/items?limit=10000";
        while (next != null) {
            JsonNode page = api(next);
            page.path("features").forEach(f -> features.put(f.path("id").asString(), f));
            next = ApiClient.link(page, "next");
        }
        return features;
    }

    JsonNode layer(String collection) {
        JsonNode layer = qgis.path("collections").path(collection);
        assertThat(layer.path("valid").asBoolean()).as(collection + ": " + layer).isTrue();
        return layer;
    }

    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    static Map<String, String> fieldTypes(JsonNode layer) {
        Map<String, String> types = new LinkedHashMap<>();
        layer.path("fields").forEach(f -> types.put(f.path("name").asString(), f.path("type").asString()));
        return types;
    }

    List<String> requests(String collection) {
        return texts(qgis.path("requests")).stream().filter(u -> u.contains("/collections/" + collection + "/items"))
                .toList();
    }

    @Test
    void qgisListsEveryCollectionForTheOapifProvider() throws Exception {
        List<String> served = new ArrayList<>();
        api("/collections").path("collections").forEach(c -> served.add(c.path("id").asString()));
        List<String> listed = new ArrayList<>();
        qgis.path("listed").forEach(l -> {
            listed.add(l.path("name").asString());
            assertThat(l.path("provider").asString()).isEqualTo("OAPIF");
        });
        assertThat(listed).containsExactlyInAnyOrderElementsOf(served).containsAll(COLLECTIONS);
        for (String c : COLLECTIONS) {
            assertThat(layer(c).path("crs").asString()).isEqualTo("EPSG:4326");
        }
    }

    @Test
    void qgisLoadsEveryFeatureOfEachCollectionExactlyOnce() throws Exception {
        for (String c : COLLECTIONS) {
            JsonNode layer = layer(c);
            long matched = api("/collections/" + c + "/items?limit=1").path("numberMatched").asLong();
            Map<String, JsonNode> served = served(c);
            assertThat(served).as(c).hasSize((int) matched);
            List<String> loaded = texts(layer.path("ids"));
            assertThat(layer.path("feature_count").asLong()).as(c + ": QGIS's feature count").isEqualTo(matched);
            assertThat(loaded).as(c + ": ids QGIS loaded").hasSize((int) matched).doesNotContainNull()
                    .containsExactlyInAnyOrderElementsOf(served.keySet());
            assertThat(new HashSet<>(loaded)).as(c + ": no feature twice").hasSize(loaded.size());
        }
    }

    @Test
    void qgisFollowsTheNextLinksPageByPage() {
        List<String> pages = requests("incidents").stream()
                .filter(u -> u.contains("limit=" + PAGE) && !u.contains("bbox=")).toList();
        int incidents = qgis.path("collections").path("incidents").path("loaded").asInt();
        assertThat(incidents).as("the demo incidents must fill more than one page").isGreaterThan(PAGE);
        assertThat(pages).as("QGIS's incidents pages").hasSizeGreaterThanOrEqualTo((incidents + PAGE - 1) / PAGE);
        assertThat(pages.stream().filter(u -> u.contains("cursor="))).as("pages reached through next links")
                .hasSize(pages.size() - 1);
        assertThat(requests("borders").stream().filter(u -> u.contains("cursor="))).isNotEmpty();
    }

    @Test
    void qgisTakesTheLargestPageSizeFromTheOpenApiDocument() {
        // QGIS reads components.parameters.limit.schema.maximum from service-desc and never asks for more
        List<String> places = requests("places");
        assertThat(places).isNotEmpty();
        assertThat(places).noneMatch(u -> u.contains("limit=" + PLACES_PAGE_SIZE));
        assertThat(places).anyMatch(u -> u.contains("limit=" + ItemsRequest.MAX_LIMIT));
    }

    @Test
    void incidentsCarryTheAttributesAnalystsNeedWithTheirTypes() {
        Map<String, String> types = fieldTypes(layer("incidents"));
        assertThat(types).containsEntry("id", "Integer").containsEntry("event_date", "Date")
                .containsEntry("fatalities", "Integer").containsEntry("injured", "Integer")
                .containsEntry("geo_precision", "Integer").containsEntry("border_distance_m", "Real")
                .containsEntry("event_type", "String").containsEntry("sub_event_type", "String")
                .containsEntry("location_name", "String").containsEntry("country", "String")
                .containsEntry("nearest_border", "String").containsEntry("border_side", "String")
                .containsKeys("actor1", "actor2", "admin1", "claims", "sources", "created_at", "version");
        assertThat(fieldTypes(layer("places"))).containsKeys("id", "name", "feature_type", "country", "geo_precision");
        assertThat(fieldTypes(layer("borders"))).containsKeys("id", "name", "kind", "country_a", "country_b");
    }

    @Test
    void geometryTypesAreRight() throws Exception {
        assertThat(layer("incidents").path("geometry_type").asString()).isEqualTo("Point");
        assertThat(layer("borders").path("geometry_type").asString()).isEqualTo("MultiLineString");
        // the gazetteer is points plus a few roads and corridors: QGIS keeps those lines too
        Map<String, Integer> servedTypes = new LinkedHashMap<>();
        for (JsonNode f : served("places").values()) {
            servedTypes.merge(f.path("geometry").path("type").asString(), 1, Integer::sum);
        }
        Map<String, Integer> loadedTypes = new LinkedHashMap<>();
        layer("places").path("feature_geometry_types").properties()
                .forEach(e -> loadedTypes.put(e.getKey(), e.getValue().asInt()));
        assertThat(loadedTypes).isEqualTo(servedTypes);
        assertThat(layer("incidents").path("feature_geometry_types").path("Point").asInt())
                .isEqualTo(layer("incidents").path("loaded").asInt());
    }

    @Test
    void attributeValuesAndPositionsMatchTheApi() throws Exception {
        JsonNode samples = layer("incidents").path("samples");
        assertThat(samples.size()).isPositive();
        for (String id : samples.propertyNames()) {
            JsonNode q = samples.path(id);
            JsonNode f = api("/collections/incidents/items/" + id);
            JsonNode p = f.path("properties");
            assertThat(q.path("event_date").asString()).isEqualTo(p.path("event_date").asString());
            assertThat(q.path("event_type").asString()).isEqualTo(p.path("event_type").asString());
            assertThat(q.path("location_name").asString()).isEqualTo(p.path("location_name").asString());
            assertThat(q.path("fatalities").isNull()).isEqualTo(p.path("fatalities").isNull());
            assertThat(q.path("fatalities").asInt()).isEqualTo(p.path("fatalities").asInt());
            assertThat(q.path("border_distance_m").asDouble()).isCloseTo(p.path("border_distance_m").asDouble(), within(0.01));
            JsonNode xy = f.path("geometry").path("coordinates");
            // QGIS's EPSG:4326 layer keeps GeoJSON's longitude, latitude order
            assertThat(q.path("geometry").asString()).isEqualTo("Point (" + strip(xy.get(0).asDouble()) + " "
                    + strip(xy.get(1).asDouble()) + ")");
        }
    }

    private static String strip(double v) {
        return new java.math.BigDecimal(v).setScale(6, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    @Test
    void layerExtentsAreTheCollectionsExtentsAndHoldEveryFeature() throws Exception {
        for (String c : COLLECTIONS) {
            JsonNode layer = layer(c);
            JsonNode declared = api("/collections/" + c).path("extent").path("spatial").path("bbox").get(0);
            JsonNode extent = layer.path("extent");
            JsonNode data = layer.path("data_extent");
            for (int i = 0; i < 4; i++) {
                assertThat(extent.get(i).asDouble()).as(c + " extent[" + i + "]").isCloseTo(declared.get(i).asDouble(), within(1e-6));
            }
            assertThat(data.get(0).asDouble()).as(c).isGreaterThanOrEqualTo(extent.get(0).asDouble() - 1e-9);
            assertThat(data.get(1).asDouble()).as(c).isGreaterThanOrEqualTo(extent.get(1).asDouble() - 1e-9);
            assertThat(data.get(2).asDouble()).as(c).isLessThanOrEqualTo(extent.get(2).asDouble() + 1e-9);
            assertThat(data.get(3).asDouble()).as(c).isLessThanOrEqualTo(extent.get(3).asDouble() + 1e-9);
        }
    }

    @Test
    void onlyFeaturesOverlappingTheViewSendsBboxAndGetsTheSameIncidents() throws Exception {
        String bbox = BOX[0] + "," + BOX[1] + "," + BOX[2] + "," + BOX[3];
        Set<String> served = new HashSet<>();
        api("/collections/incidents/items?limit=10000&bbox=" + bbox).path("features")
                .forEach(f -> served.add(f.path("id").asString()));
        assertThat(served).as("the box must select some but not all incidents").isNotEmpty()
                .hasSizeLessThan(layer("incidents").path("loaded").asInt());
        List<String> inBox = texts(qgis.path("incidents_in_box").path("ids"));
        assertThat(inBox).containsExactlyInAnyOrderElementsOf(served);
        assertThat(requests("incidents")).anyMatch(u -> u.contains("bbox="));
    }
}
