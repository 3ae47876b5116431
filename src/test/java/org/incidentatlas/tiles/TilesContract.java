package org.incidentatlas.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import org.incidentatlas.testsupport.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Vector tiles over real HTTP against the running service and its demo incidents, on each backend:
 * what the tiles hold is compared with what the items endpoint answers for the same filters.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"atlas.write-token=" + TilesContract.TOKEN, "atlas.demo-data=true"})
abstract class TilesContract {

    static final String TOKEN = "tiles-test-token";
    static final String MVT = "application/vnd.mapbox-vector-tile";

    private final ApiClient api = new ApiClient(() -> this.port);
    private final JsonMapper json = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;

    /** The filters every test runs its comparison under: none, and each kind the items take. */
    static final String[] FILTERS = {"", "event_type=" + "Explosions%2FRemote%20violence", "datetime=2022-09-01%2F2022-09-30",
            "country=ARM", "max-border-distance=5000", "filter=" + "fatalities%20%3E%200",
            "filter=" + "event_type%20%3D%20%27Battles%27%20AND%20country%20%3D%20%27AZE%27"};

    @Test
    void tileSetsAreListedDescribedAndLinked() throws Exception {
        for (String id : List.of("incidents", "places", "borders")) {
            JsonNode list = getJson("/collections/" + id + "/tiles");
            assertThat(list.path("tilesets").get(0).path("tileMatrixSetURI").asString())
                    .isEqualTo("http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad");
            JsonNode set = getJson("/collections/" + id + "/tiles/WebMercatorQuad");
            assertThat(set.path("dataType").asString()).isEqualTo("vector");
            assertThat(set.path("layers").get(0).path("id").asString()).isEqualTo(id);
            assertThat(hrefs(set, "item")).containsExactly(url("/collections/" + id + "/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}"));
            JsonNode collection = getJson("/collections/" + id);
            assertThat(hrefs(collection, "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector"))
                    .containsExactly(url("/collections/" + id + "/tiles"));
        }
        JsonNode tileJson = getJson("/collections/incidents/tiles/WebMercatorQuad/tilejson?country=ARM");
        assertThat(tileJson.path("tilejson").asString()).isEqualTo("3.0.0");
        assertThat(tileJson.path("tiles").get(0).asString())
                .isEqualTo(url("/collections/incidents/tiles/WebMercatorQuad/{z}/{y}/{x}?country=ARM"));
        assertThat(tileJson.path("vector_layers").get(0).path("fields").has("event_type")).isTrue();
        JsonNode conformance = getJson("/conformance");
        assertThat(conformance.path("conformsTo").toString()).contains(
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core", "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6})
    void highZoomTilesHoldExactlyTheIncidentsTheItemsList(int filterIndex) throws Exception {
        String query = FILTERS[filterIndex];
        Map<Long, JsonNode> items = items(query);
        Set<String> tiles = new TreeSet<>();
        for (JsonNode f : items.values()) {
            JsonNode c = firstPosition(f.path("geometry"));
            tiles.add(tileOf(14, c.get(0).asDouble(), c.get(1).asDouble()));
        }
        Map<Long, Map<String, Object>> inTiles = new HashMap<>();
        for (String tile : tiles) {
            for (Geometry g : layer(tile, query, "incidents")) {
                Map<String, Object> p = properties(g);
                inTiles.put(((Number) p.get("id")).longValue(), p);
            }
        }
        assertThat(inTiles.keySet()).containsExactlyInAnyOrderElementsOf(items.keySet());
        for (Map.Entry<Long, Map<String, Object>> e : inTiles.entrySet()) {
            JsonNode p = items.get(e.getKey()).path("properties");
            assertThat(e.getValue().get("event_type")).isEqualTo(p.path("event_type").asString());
            assertThat(e.getValue().get("event_date")).isEqualTo(p.path("event_date").asString());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6})
    void lowZoomTilesSumToNumberMatched(int filterIndex) throws Exception {
        String query = FILTERS[filterIndex];
        Map<Long, JsonNode> items = items(query);
        long fatalities = items.values().stream().mapToLong(f -> f.path("properties").path("fatalities").asLong(0)).sum();
        Map<String, Long> types = new HashMap<>();
        items.values().forEach(f -> types.merge(f.path("properties").path("event_type").asString(), 1L, Long::sum));
        long count = 0;
        long dead = 0;
        Map<String, Long> tileTypes = new HashMap<>();
        // zoom 7 over the whole region: every incident in exactly one cell of one tile
        for (String tile : tilesOver(7, 43.0, 38.0, 48.0, 42.5)) {
            for (Geometry g : layer(tile, query, "incidents")) {
                Map<String, Object> p = properties(g);
                count += ((Number) p.get("count")).longValue();
                dead += ((Number) p.get("fatalities")).longValue();
                json.readTree((String) p.get("event_types")).properties()
                        .forEach(e -> tileTypes.merge(e.getKey(), e.getValue().asLong(), Long::sum));
            }
        }
        JsonNode matched = getJson("/collections/incidents/items?limit=1&" + query).path("numberMatched");
        if (!matched.isMissingNode()) {
            // left out where no kept count answers the filter (incidents.CountPlanner)
            assertThat(count).isEqualTo(matched.asLong());
        }
        assertThat(count).isEqualTo(items.size());
        assertThat(dead).isEqualTo(fatalities);
        assertThat(tileTypes).isEqualTo(types);
    }

    @Test
    void placesAndBordersAreDrawnWithTheirNames() throws Exception {
        List<Geometry> borders = new ArrayList<>();
        List<Geometry> places = new ArrayList<>();
        for (String tile : tilesOver(7, 43.0, 38.0, 48.0, 42.5)) {
            borders.addAll(layer(tile, "", "borders"));
            places.addAll(layer(tile, "", "places"));
        }
        assertThat(borders).isNotEmpty().allSatisfy(g -> assertThat(properties(g).get("name")).isNotNull());
        assertThat(places).isNotEmpty().allSatisfy(g -> assertThat(properties(g).get("feature_type")).isNotNull());
        Set<String> ids = new HashSet<>();
        places.forEach(g -> ids.add((String) properties(g).get("id")));
        assertThat(ids).contains(getJson("/collections/places/items?limit=1&bbox=43,38,48,42.5").path("features").get(0)
                .path("id").asString());
    }

    @Test
    void badRequestsAreJsonErrorsNamingTheProblem() throws Exception {
        assertError("/collections/incidents/tiles/WorldCRS84Quad/5/10/10", 404, "WorldCRS84Quad");
        assertError("/collections/incidents/tiles/WebMercatorQuad/5/32/10", 404, "outside tile matrix 5");
        assertError("/collections/incidents/tiles/WebMercatorQuad/23/0/0", 404, "tile matrix 23");
        assertError("/collections/nothing/tiles/WebMercatorQuad/5/10/10", 404, "nothing");
        assertError("/collections/incidents/tiles/WebMercatorQuad/5/10/10?filter=fatalities%20%3E", 400, "filter");
        assertError("/collections/incidents/tiles/WebMercatorQuad/5/10/10?filter=nosuch%20%3D%201", 400, "nosuch");
        assertError("/collections/incidents/tiles/WebMercatorQuad/5/10/10?bbox=1,2,3,4", 400, "bbox");
        assertError("/collections/incidents/tiles/WebMercatorQuad/5/10/10?colour=red", 400, "colour");
        assertError("/collections/incidents/tiles/WebMercatorQuad/5/10/10?datetime=yesterday", 400, "datetime");
        assertError("/collections/incidents/tiles/WebMercatorQuad/tilejson?border=nowhere", 400, "nowhere");
    }

    @Test
    void tilesRevalidateByEtagAndChangeAfterAWrite() throws Exception {
        String tile = tileOf(14, 45.9512, 40.2317);
        HttpResponse<byte[]> first = getBytes(tilePath(tile, "incidents", ""));
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = api.getBytes(tilePath(tile, "incidents", ""), "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        // the same tile with other filters is another tile: the first one's ETag must not make it a 304
        // (MapLibre sends a tile's old ETag when a control changes the tile URL's filters)
        String battles = tilePath(tile, "incidents", "event_type=Battles");
        HttpResponse<byte[]> filtered = api.getBytes(battles, "If-None-Match", etag);
        assertThat(filtered.statusCode()).isEqualTo(200);
        assertThat(filtered.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
        assertThat(filtered.body()).isEqualTo(getBytes(battles).body());
        assertThat(api.getBytes(battles, "If-None-Match", filtered.headers().firstValue("ETag").orElseThrow()).statusCode()).isEqualTo(304);

        HttpResponse<String> created = api.send("POST", "/collections/incidents/items", """
                        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [45.9512, 40.2317]},
                         "properties": {"event_date": "2023-05-20", "date_precision": "day", "event_type": "Battles",
                           "location_name": "Tile test spot", "country": "ARM", "geo_precision": 1,
                           "notes": "made by the vector tile test"}}
                        """, "Content-Type", "application/geo+json", "Authorization", "Bearer " + TOKEN);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode feature = json.readTree(created.body());
        long id = feature.path("id").asLong();
        try {
            HttpResponse<byte[]> stale = api.getBytes(tilePath(tile, "incidents", ""), "If-None-Match", etag);
            assertThat(stale.statusCode()).isEqualTo(200);
            assertThat(stale.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
            assertThat(decode(stale.body(), "incidents")).anySatisfy(g ->
                    assertThat(((Number) properties(g).get("id")).longValue()).isEqualTo(id));
        } finally {
            String version = created.headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> deleted = api.send("DELETE", "/collections/incidents/items/" + id, (String) null,
                    "Authorization", "Bearer " + TOKEN, "If-Match", version);
            assertThat(deleted.statusCode()).isEqualTo(204);
        }
        assertThat(decode(getBytes(tilePath(tile, "incidents", "")).body(), "incidents")).noneSatisfy(g ->
                assertThat(((Number) properties(g).get("id")).longValue()).isEqualTo(id));
    }

    /** The tile path is read and the tile written without Spring's argument binding and return handling: as with them. */
    @Test
    void tilePathNumbersAndResponseHeadersAreSpringsOwn() throws Exception {
        HttpResponse<byte[]> plain = getBytes("/collections/incidents/tiles/WebMercatorQuad/5/11/19");
        assertThat(plain.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(plain.headers().firstValue("Content-Length")).hasValue(Integer.toString(plain.body().length));
        String etag = plain.headers().firstValue("ETag").orElseThrow();
        // numbers as Spring converts them: leading zeros, hexadecimal
        assertThat(getBytes("/collections/incidents/tiles/WebMercatorQuad/05/011/0x13").body()).isEqualTo(plain.body());
        // a weak match of the ETag is a 304, as Spring's own check answers it
        HttpResponse<byte[]> weak = api.getBytes("/collections/incidents/tiles/WebMercatorQuad/5/11/19", "If-None-Match", "W/" + etag);
        assertThat(weak.statusCode()).isEqualTo(304);
        assertThat(weak.headers().firstValue("ETag")).hasValue(etag);
        assertThat(weak.body()).isEmpty();
        // the first bad number of the path is named, before the collection is looked at
        assertError("/collections/nothing/tiles/WebMercatorQuad/5/abc/1.5", 400, "'abc' is not a valid value for tileRow");
        assertError("/collections/incidents/tiles/WebMercatorQuad/5/11/19.5", 400, "'19.5' is not a valid value for tileCol");
    }

    // --- helpers ---

    String url(String path) {
        return api.url(path);
    }

    private void assertError(String path, int status, String mention) throws Exception {
        HttpResponse<String> r = api.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("json");
        assertThat(json.readTree(r.body()).path("description").asString()).as(path).contains(mention);
    }

    private JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = api.get(path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = api.getBytes(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).isEqualTo(MVT);
        return r;
    }

    private static List<String> hrefs(JsonNode doc, String rel) {
        List<String> out = new ArrayList<>();
        doc.path("links").forEach(l -> {
            if (l.path("rel").asString().equals(rel)) {
                out.add(l.path("href").asString());
            }
        });
        return out;
    }

    /** All incidents the items endpoint lists for the query, by id (the demo set fits one page). */
    private Map<Long, JsonNode> items(String query) throws IOException, InterruptedException {
        JsonNode page = getJson("/collections/incidents/items?limit=10000&" + query);
        if (!page.path("numberMatched").isMissingNode()) {
            // left out where no kept count answers the filter (incidents.CountPlanner)
            assertThat(page.path("numberMatched").asLong()).isEqualTo(page.path("numberReturned").asLong());
        }
        Map<Long, JsonNode> m = new HashMap<>();
        page.path("features").forEach(f -> m.put(f.path("id").asLong(), f));
        return m;
    }

    private static JsonNode firstPosition(JsonNode geometry) {
        JsonNode c = geometry.path("coordinates");
        while (c.get(0).isArray()) {
            c = c.get(0);
        }
        return c;
    }

    /** "z/row/col" of the tile holding (lon, lat). */
    static String tileOf(int z, double lon, double lat) {
        double n = 1 << z;
        int col = (int) Math.floor((lon + 180) / 360 * n);
        double r = Math.toRadians(lat);
        int row = (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n);
        return z + "/" + row + "/" + col;
    }

    static List<String> tilesOver(int z, double minLon, double minLat, double maxLon, double maxLat) {
        String[] nw = tileOf(z, minLon, maxLat).split("/");
        String[] se = tileOf(z, maxLon, minLat).split("/");
        List<String> out = new ArrayList<>();
        for (int row = Integer.parseInt(nw[1]); row <= Integer.parseInt(se[1]); row++) {
            for (int col = Integer.parseInt(nw[2]); col <= Integer.parseInt(se[2]); col++) {
                out.add(z + "/" + row + "/" + col);
            }
        }
        return out;
    }

    private static String tilePath(String tile, String collection, String query) {
        return "/collections/" + collection + "/tiles/WebMercatorQuad/" + tile + (query.isEmpty() ? "" : "?" + query);
    }

    private List<Geometry> layer(String tile, String query, String collection) throws IOException, InterruptedException {
        return decode(getBytes(tilePath(tile, collection, query)).body(), collection);
    }

    static List<Geometry> decode(byte[] tile, String layer) throws IOException {
        // incidents carry their id as the MVT feature id; places and borders (text ids) as a property
        TagKeyValueMapConverter tags = layer.equals("incidents") ? new TagKeyValueMapConverter(false, "id") : new TagKeyValueMapConverter();
        JtsMvt mvt = MvtReader.loadMvt(new ByteArrayInputStream(tile), new GeometryFactory(), tags);
        JtsLayer l = mvt.getLayer(layer);
        return l == null ? List.of() : new ArrayList<>(l.getGeometries());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> properties(Geometry g) {
        return (Map<String, Object>) g.getUserData();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

}
