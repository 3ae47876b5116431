package org.incidentatlas.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.incidentatlas.testsupport.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.JsonNode;

/**
 * The assertions of OGC's executable test suite for OGC API - Features (Part 1 core, GeoJSON,
 * HTML, OpenAPI 3.0; Part 2 CRS), restated from the abstract tests of OGC 17-069r4 Annex A and
 * OGC 18-058r1 and checked against the running service: landing page, conformance, the API
 * definition's parameters, collections and collection metadata, items with bbox (including the
 * suite's boxes across the meridian, the equator, the antimeridian and the poles), limit and
 * datetime, single features, and the CRS parameters. Comments name the abstract test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"atlas.write-token=" + EtsCoreContract.TOKEN, "atlas.demo-data=true"})
abstract class EtsCoreContract {

    static final String TOKEN = "ets-write-token";
    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    static final String GEOJSON = "application/geo+json";
    static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";
    static final String CORE = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core";

    /** The boxes the suite asks every collection for besides its own extent (FeaturesBBox). */
    static final List<double[]> SUITE_BOXES = List.of(new double[] {-1.5, 50.0, 1.5, 53.0}, new double[] {-80.0, -5.0, -70.0, 5.0},
            new double[] {177.0, 65.0, -177.0, 70.0}, new double[] {-180.0, 85.0, 180.0, 90.0}, new double[] {-180.0, -90.0, 180.0, -85.0});

    @Value("${local.server.port}")
    int port;

    final ApiClient api = new ApiClient(() -> this.port);

    HttpResponse<String> get(String pathAndQuery, String accept) throws Exception {
        return api.get(pathAndQuery, "Accept", accept);
    }

    JsonNode json(String pathAndQuery, String accept) throws Exception {
        HttpResponse<String> r = get(pathAndQuery, accept);
        assertThat(r.statusCode()).as(pathAndQuery + ": " + r.body()).isEqualTo(200);
        return api.body(r);
    }

    static List<JsonNode> links(JsonNode doc, String rel) {
        List<JsonNode> out = new ArrayList<>();
        doc.path("links").forEach(l -> {
            if (l.path("rel").asString().equals(rel)) {
                out.add(l);
            }
        });
        return out;
    }

    /** /req/core/*-links: a self link, an alternate link for every other media type, each with rel and type. */
    static void selfAndAlternates(JsonNode doc, String selfType, Set<String> otherTypes, String what) {
        List<JsonNode> self = links(doc, "self");
        assertThat(self).as(what + " self link").hasSize(1);
        assertThat(self.get(0).path("type").asString()).as(what + " self type").isEqualTo(selfType);
        Set<String> alternates = new TreeSet<>();
        links(doc, "alternate").forEach(l -> alternates.add(l.path("type").asString()));
        assertThat(alternates).as(what + " alternate types").containsAll(otherTypes);
        doc.path("links").forEach(l -> {
            assertThat(l.path("rel").asString()).as(what + " link rel " + l).isNotEmpty();
            assertThat(l.path("type").asString()).as(what + " link type " + l).isNotEmpty();
            assertThat(l.path("href").asString()).as(what + " link href " + l).isNotEmpty();
        });
    }

    // --- A.2.2 landing page, A.2.4 conformance ---

    @Test
    void landingPageHasTheRequiredLinksAndItsHtmlAlternate() throws Exception {
        JsonNode landing = json("/", "application/json");
        // ats/core/root-success
        assertThat(links(landing, "service-desc")).isNotEmpty();
        assertThat(links(landing, "service-desc").get(0).path("type").asString()).isEqualTo(OPENAPI);
        assertThat(links(landing, "conformance")).isNotEmpty();
        assertThat(links(landing, "data")).isNotEmpty();
        selfAndAlternates(landing, "application/json", Set.of("text/html"), "landing page");
        HttpResponse<String> html = get(links(landing, "alternate").get(0).path("href").asString(), "text/html");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        // and back: the HTML links to the JSON
        assertThat(html.body()).contains("/?f=json");
    }

    @Test
    void conformanceDeclaresTheClassesTheSuiteTests() throws Exception {
        // ats/core/conformance-success
        List<String> classes = new ArrayList<>();
        json("/conformance", "application/json").path("conformsTo").forEach(c -> classes.add(c.asString()));
        assertThat(classes).contains(CORE, "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
                "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs");
    }

    // --- A.2.3 API definition ---

    OpenAPI definition() throws Exception {
        HttpResponse<String> r = get("/api", OPENAPI);
        assertThat(r.statusCode()).isEqualTo(200);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(r.body(), null, options);
        assertThat(parsed.getMessages()).as("OpenAPI validation").isEmpty();
        return parsed.getOpenAPI();
    }

    Parameter itemsParameter(OpenAPI api, String name) {
        return api.getPaths().get("/collections/{collectionId}/items").getGet().getParameters().stream()
                .filter(p -> name.equals(p.getName())).findFirst().orElseThrow(() -> new AssertionError("no parameter " + name));
    }

    static void formNotExploded(Parameter p) {
        assertThat(p.getIn()).as(p.getName() + " in").isEqualTo("query");
        assertThat(p.getRequired()).as(p.getName() + " required").isNotEqualTo(Boolean.TRUE);
        assertThat(p.getStyle()).as(p.getName() + " style").isEqualTo(Parameter.StyleEnum.FORM);
        assertThat(p.getExplode()).as(p.getName() + " explode").isEqualTo(Boolean.FALSE);
    }

    @Test
    void theItemsParametersAreDefinedAsPartOneSays() throws Exception {
        OpenAPI api = definition();
        // ats/core/fc-bbox-definition
        Parameter bbox = itemsParameter(api, "bbox");
        formNotExploded(bbox);
        assertThat(bbox.getSchema().getType()).isEqualTo("array");
        assertThat(bbox.getSchema().getMinItems()).isEqualTo(4);
        assertThat(bbox.getSchema().getMaxItems()).isEqualTo(6);
        assertThat(bbox.getSchema().getItems().getType()).isEqualTo("number");
        // ats/core/fc-limit-definition
        Parameter limit = itemsParameter(api, "limit");
        formNotExploded(limit);
        assertThat(limit.getSchema().getType()).isEqualTo("integer");
        assertThat(limit.getSchema().getMinimum().intValue()).isGreaterThanOrEqualTo(0);
        assertThat(((Number) limit.getSchema().getDefault()).intValue()).isGreaterThanOrEqualTo(0);
        assertThat(limit.getSchema().getMaximum().intValue()).isEqualTo(ItemsRequest.MAX_LIMIT);
        // ats/core/fc-time-definition
        Parameter datetime = itemsParameter(api, "datetime");
        formNotExploded(datetime);
        assertThat(datetime.getSchema().getType()).isEqualTo("string");
    }

    // --- A.2.5 collections, A.2.6 collection ---

    @Test
    void collectionsHaveSelfAlternateAndItemsLinksAndCrs84First() throws Exception {
        JsonNode collections = json("/collections", "application/json");
        // ats/core/fc-md-links: the HTML alternate of the collections document
        selfAndAlternates(collections, "application/json", Set.of("text/html"), "/collections");
        HttpResponse<String> html = get(links(collections, "alternate").get(0).path("href").asString(), "text/html");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body()).contains("/collections?f=json");
        assertThat(collections.path("collections").size()).isEqualTo(3);
        for (JsonNode c : collections.path("collections")) {
            String id = c.path("id").asString();
            assertThat(id).isNotEmpty();
            // ats/core/fc-md-items-links: items in every encoding, each link with rel and type
            Set<String> itemTypes = new TreeSet<>();
            links(c, "items").forEach(l -> itemTypes.add(l.path("type").asString()));
            assertThat(itemTypes).as(id).contains(GEOJSON, "text/html");
            c.path("links").forEach(l -> assertThat(l.path("type").asString()).as(id + " " + l).isNotEmpty());
            for (JsonNode items : links(c, "items")) {
                if (items.path("type").asString().equals(GEOJSON)) {
                    assertThat(json(items.path("href").asString(), GEOJSON).path("type").asString()).isEqualTo("FeatureCollection");
                }
            }
            // ats/core/fc-md-extent and /conf/crs/fc-md-crs-list: CRS84 bbox, CRS84 among the crs, storageCrs listed
            JsonNode bbox = c.path("extent").path("spatial").path("bbox").get(0);
            assertThat(bbox.size()).as(id).isEqualTo(4);
            assertThat(c.path("extent").path("spatial").path("crs").asString()).isEqualTo(CRS84);
            List<String> crs = new ArrayList<>();
            c.path("crs").forEach(x -> crs.add(x.asString()));
            assertThat(crs.get(0)).as(id + " first crs").isEqualTo(CRS84);
            assertThat(crs).contains(c.path("storageCrs").asString());
            JsonNode temporal = c.path("extent").path("temporal");
            if (!temporal.isMissingNode()) {
                JsonNode interval = temporal.path("interval").get(0);
                OffsetDateTime start = OffsetDateTime.parse(interval.get(0).asString());
                assertThat(OffsetDateTime.parse(interval.get(1).asString())).isAfterOrEqualTo(start);
            }
            // ats/core/sfc-md-success: the collection's own document says the same
            JsonNode one = json("/collections/" + id, "application/json");
            for (String property : List.of("id", "title", "description", "extent")) {
                assertThat(one.path(property)).as(id + " " + property).isEqualTo(c.path(property));
            }
            selfAndAlternates(one, "application/json", Set.of("text/html"), "/collections/" + id);
        }
    }

    // --- A.2.7 features ---

    /** Every feature of a query, walking next links (the suite's numberMatched check), each page checked as fc-response asks. */
    List<JsonNode> walk(String pathAndQuery) throws Exception {
        List<JsonNode> features = new ArrayList<>();
        String next = pathAndQuery;
        Long matched = null;
        while (next != null) {
            HttpResponse<String> r = get(next, GEOJSON);
            assertThat(r.statusCode()).as(next + ": " + r.body()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith(GEOJSON);
            JsonNode page = api.body(r);
            // ats/core/fc-response: type, features, links, timeStamp, numberMatched, numberReturned
            assertThat(page.path("type").asString()).isEqualTo("FeatureCollection");
            assertThat(page.path("features").isArray()).isTrue();
            selfAndAlternates(page, GEOJSON, Set.of("text/html"), next);
            assertThat(OffsetDateTime.parse(page.path("timeStamp").asString())).isNotNull();
            assertThat(page.path("numberReturned").asInt()).isEqualTo(page.path("features").size());
            long m = page.path("numberMatched").asLong();
            if (matched != null) {
                assertThat(m).as("numberMatched on every page").isEqualTo(matched);
            }
            matched = m;
            page.path("features").forEach(features::add);
            List<JsonNode> nextLinks = links(page, "next");
            next = nextLinks.isEmpty() ? null : nextLinks.get(0).path("href").asString();
        }
        assertThat(features).as("numberMatched of " + pathAndQuery).hasSize(matched.intValue());
        return features;
    }

    static Geometry geometry(JsonNode feature) throws Exception {
        return new GeoJsonReader().read(feature.path("geometry").toString());
    }

    /** The box as the suite means it: across the antimeridian when the first longitude is the greater. */
    static Geometry box(double[] b) {
        GeometryFactory f = new GeometryFactory();
        if (b[0] > b[2]) {
            return f.toGeometry(new Envelope(b[0], 180, b[1], b[3])).union(f.toGeometry(new Envelope(-180, b[2], b[1], b[3])));
        }
        return f.toGeometry(new Envelope(b[0], b[2], b[1], b[3]));
    }

    static String query(double[] b) {
        return b[0] + "," + b[1] + "," + b[2] + "," + b[3];
    }

    @ParameterizedTest
    @ValueSource(strings = {"incidents", "places", "borders"})
    void bboxResponsesHoldExactlyTheIntersectingFeaturesInCrs84(String collection) throws Exception {
        JsonNode extent = json("/collections/" + collection, "application/json").path("extent").path("spatial").path("bbox").get(0);
        List<double[]> boxes = new ArrayList<>(SUITE_BOXES);
        boxes.add(0, new double[] {extent.get(0).asDouble(), extent.get(1).asDouble(), extent.get(2).asDouble(), extent.get(3).asDouble()});
        List<JsonNode> everything = walk("/collections/" + collection + "/items?limit=" + ItemsRequest.MAX_LIMIT);
        for (double[] b : boxes) {
            // ats/core/fc-bbox-response: only, and all, the features intersecting the box; geometries in CRS84
            Geometry area = box(b);
            Set<String> expected = new TreeSet<>();
            for (JsonNode f : everything) {
                if (geometry(f).intersects(area)) {
                    expected.add(f.path("id").asString());
                }
            }
            Set<String> got = new TreeSet<>();
            for (JsonNode f : walk("/collections/" + collection + "/items?limit=500&bbox=" + query(b))) {
                Geometry g = geometry(f);
                Envelope e = g.getEnvelopeInternal();
                assertThat(e.getMinX()).isBetween(-180.0, 180.0);
                assertThat(e.getMaxX()).isBetween(-180.0, 180.0);
                assertThat(e.getMinY()).isBetween(-90.0, 90.0);
                assertThat(e.getMaxY()).isBetween(-90.0, 90.0);
                got.add(f.path("id").asString());
            }
            assertThat(got).as(collection + " bbox " + query(b)).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"incidents", "places", "borders"})
    void limitCapsThePageAtEveryValueTheSuiteTries(String collection) throws Exception {
        // ats/core/fc-limit-response: the minimum, the suite's middle value (at most 100) and above the maximum
        for (int limit : new int[] {1, 100, ItemsRequest.MAX_LIMIT + 1}) {
            JsonNode page = json("/collections/" + collection + "/items?limit=" + limit, GEOJSON);
            assertThat(page.path("features").size()).isLessThanOrEqualTo(Math.min(limit, ItemsRequest.MAX_LIMIT));
            assertThat(page.path("numberReturned").asInt()).isEqualTo(page.path("features").size());
        }
    }

    @Test
    void datetimeSelectsByTheIncidentsDates() throws Exception {
        // ats/core/fc-time-response, with an instant, a closed and two half-bounded intervals
        List<JsonNode> all = walk("/collections/incidents/items?limit=" + ItemsRequest.MAX_LIMIT);
        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put("2022-09-13", new String[] {"2022-09-13", "2022-09-13"});
        cases.put("2022-09-01T00:00:00Z/2022-09-30T23:59:59Z", new String[] {"2022-09-01", "2022-09-30"});
        cases.put("../2021-12-31", new String[] {"0000-01-01", "2021-12-31"});
        cases.put("2023-01-01/..", new String[] {"2023-01-01", "9999-12-31"});
        for (Map.Entry<String, String[]> c : cases.entrySet()) {
            Set<String> expected = new TreeSet<>();
            for (JsonNode f : all) {
                String start = f.path("properties").path("event_date").asString();
                String end = f.path("properties").path("event_date_end").isString()
                        ? f.path("properties").path("event_date_end").asString() : start;
                if (start.compareTo(c.getValue()[1]) <= 0 && end.compareTo(c.getValue()[0]) >= 0) {
                    expected.add(f.path("id").asString());
                }
            }
            Set<String> got = new TreeSet<>();
            walk("/collections/incidents/items?limit=500&datetime=" + ApiClient.enc(c.getKey()))
                    .forEach(f -> got.add(f.path("id").asString()));
            assertThat(got).as("datetime=" + c.getKey()).isEqualTo(expected);
        }
    }

    // --- A.2.8 feature ---

    @ParameterizedTest
    @ValueSource(strings = {"incidents", "places", "borders"})
    void aFeatureLinksToItselfItsHtmlAndItsCollection(String collection) throws Exception {
        JsonNode first = json("/collections/" + collection + "/items?limit=1", GEOJSON).path("features").get(0);
        String id = first.path("id").asString();
        // ats/core/f-op, f-success, f-links
        HttpResponse<String> r = get("/collections/" + collection + "/items/" + ApiClient.enc(id), GEOJSON);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode feature = api.body(r);
        assertThat(feature.path("type").asString()).isEqualTo("Feature");
        assertThat(feature.path("id").asString()).isEqualTo(id);
        selfAndAlternates(feature, GEOJSON, Set.of("text/html"), collection + "/" + id);
        assertThat(links(feature, "collection")).hasSize(1);
        assertThat(links(feature, "collection").get(0).path("type").asString()).isEqualTo("application/json");
        HttpResponse<String> html = get(links(feature, "alternate").get(0).path("href").asString(), "text/html");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(html.body()).contains("f=json");
        assertThat(get("/collections/" + collection + "/items/no-such-feature-id", GEOJSON).statusCode()).isEqualTo(404);
    }

    // --- Part 2 (OGC 18-058r1) ---

    @ParameterizedTest
    @ValueSource(strings = {"incidents", "places", "borders"})
    void everyAdvertisedCrsIsServedWithContentCrsAndTakenAsBboxCrs(String collection) throws Exception {
        JsonNode c = json("/collections/" + collection, "application/json");
        JsonNode extent = c.path("extent").path("spatial").path("bbox").get(0);
        double[] b = {extent.get(0).asDouble(), extent.get(1).asDouble(), extent.get(2).asDouble(), extent.get(3).asDouble()};
        Set<String> inCrs84 = ids(walk("/collections/" + collection + "/items?limit=1000&bbox=" + query(b)));
        for (JsonNode crsNode : c.path("crs")) {
            String crs = crsNode.asString();
            // /conf/crs/crs-action: Content-Crs names the CRS asked for, on items and on a feature
            HttpResponse<String> items = get("/collections/" + collection + "/items?limit=2&crs=" + ApiClient.enc(crs), GEOJSON);
            assertThat(items.statusCode()).isEqualTo(200);
            assertThat(items.headers().firstValue("Content-Crs").orElseThrow()).isEqualTo("<" + crs + ">");
            String id = api.body(items).path("features").get(0).path("id").asString();
            HttpResponse<String> feature = get("/collections/" + collection + "/items/" + ApiClient.enc(id) + "?crs="
                    + ApiClient.enc(crs), GEOJSON);
            assertThat(feature.headers().firstValue("Content-Crs").orElseThrow()).isEqualTo("<" + crs + ">");
            // /conf/crs/bbox-crs-parameter: the extent given in a geographic CRS selects the same features
            if (crs.equals(CRS84) || crs.endsWith("/4326")) {
                String box = crs.equals(CRS84) ? query(b) : b[1] + "," + b[0] + "," + b[3] + "," + b[2];
                Set<String> got = ids(walk("/collections/" + collection + "/items?limit=1000&bbox=" + box + "&bbox-crs="
                        + ApiClient.enc(crs)));
                assertThat(got).as(collection + " bbox-crs " + crs).isEqualTo(inCrs84);
            }
        }
        // /conf/crs/crs-parameter-invalid, /conf/crs/bbox-crs-parameter-invalid
        String unknown = ApiClient.enc("http://www.opengis.net/def/crs/EPSG/0/99999");
        assertThat(get("/collections/" + collection + "/items?crs=" + unknown, GEOJSON).statusCode()).isEqualTo(400);
        assertThat(get("/collections/" + collection + "/items?bbox=1,2,3,4&bbox-crs=" + unknown, GEOJSON).statusCode()).isEqualTo(400);
    }

    static Set<String> ids(List<JsonNode> features) {
        Set<String> ids = new TreeSet<>();
        features.forEach(f -> ids.add(f.path("id").asString()));
        return ids;
    }

    // --- the antimeridian with data on both sides of it ---

    static String incidentAt(double lon, double lat, String name) {
        return """
                {"type": "Feature", "geometry": {"type": "Point", "coordinates": [%s, %s]},
                 "properties": {"event_date": "2024-03-02", "date_precision": "day", "event_type": "Battles",
                   "sub_event_type": "Armed clash", "actor1": "Unidentified Armed Group", "location_name": "%s",
                   "geo_precision": 1, "fatalities": 0}}
                """.formatted(lon, lat, name);
    }

    HttpResponse<String> post(String body) throws Exception {
        return api.send("POST", "/collections/incidents/items", body, "Content-Type", GEOJSON, "Authorization", "Bearer " + TOKEN);
    }

    @Test
    void aBboxAcrossTheAntimeridianIsAnsweredAsTwoBoxesWithAnExactCount() throws Exception {
        List<String> inside = new ArrayList<>();
        for (String body : List.of(incidentAt(178.5, 67.0, "Antimeridian east"), incidentAt(-178.5, 66.0, "Antimeridian west"),
                incidentAt(180.0, 69.5, "On the antimeridian"))) {
            HttpResponse<String> r = post(body);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            inside.add(api.body(r).path("id").asString());
        }
        for (String body : List.of(incidentAt(176.0, 67.0, "West of the box"), incidentAt(-176.0, 67.0, "East of the box"),
                incidentAt(178.5, 71.0, "North of the box"))) {
            assertThat(post(body).statusCode()).isEqualTo(201);
        }
        Set<String> expected = new TreeSet<>(inside);
        // CRS84, then the same box in EPSG:4326 (latitude first), then as a CQL2 BBOX
        assertThat(ids(walk("/collections/incidents/items?bbox=177,65,-177,70"))).isEqualTo(expected);
        assertThat(ids(walk("/collections/incidents/items?bbox=65,177,70,-177&bbox-crs="
                + ApiClient.enc("http://www.opengis.net/def/crs/EPSG/0/4326")))).isEqualTo(expected);
        assertThat(ids(walk("/collections/incidents/items?bbox=177,65,-177,70&bbox-crs=" + ApiClient.enc(CRS84))))
                .isEqualTo(expected);
        assertThat(ids(walk("/collections/incidents/items?filter="
                + ApiClient.enc("S_INTERSECTS(geometry, BBOX(177,65,-177,70))")))).isEqualTo(expected);
        // the exports read the same bbox: a header line and the three incidents
        HttpResponse<String> csv = get("/collections/incidents/items?f=csv&bbox=177,65,-177,70", "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body().strip().split("\r?\n")).hasSize(1 + expected.size());
        JsonNode page = json("/collections/incidents/items?bbox=177,65,-177,70&limit=1", GEOJSON);
        assertThat(page.path("numberMatched").asInt()).isEqualTo(3);
        assertThat(page.path("numberReturned").asInt()).isEqualTo(1);
        // the other collections answer the same box, with nothing there
        for (String collection : List.of("places", "borders")) {
            assertThat(json("/collections/" + collection + "/items?bbox=177,65,-177,70", GEOJSON).path("numberMatched").asInt())
                    .isZero();
        }
        // a projected CRS cannot say "across the antimeridian" by the order of its eastings
        assertThat(get("/collections/incidents/items?bbox=500000,4400000,400000,4500000&bbox-crs="
                + ApiClient.enc("http://www.opengis.net/def/crs/EPSG/0/32638"), GEOJSON).statusCode()).isEqualTo(400);
    }
}
