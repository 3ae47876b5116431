package org.incidentatlas.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.incidentatlas.testsupport.ExternalTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OGC API over real HTTP, against the running service with its demo data: the same tests on
 * each backend (subclasses choose the database).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"atlas.write-token=" + OgcApiContract.TOKEN, "atlas.demo-data=true"})
abstract class OgcApiContract {

    static final String TOKEN = "test-write-token";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;

    String url(String pathAndQuery) {
        return "http://localhost:" + port + pathAndQuery;
    }

    HttpResponse<String> get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(pathAndQuery.startsWith("http") ? pathAndQuery : url(pathAndQuery)));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String method, String path, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    /** The demo incidents the pipeline made from geodata/demo/reports at start-up (write tests leave none behind). */
    int demoIncidentCount() throws IOException, InterruptedException {
        return body(get("/collections/incidents/items?limit=10000")).path("features").size();
    }

    // --- capabilities ---

    @Test
    void landingPageLinksToEveryRequiredResourceAndTheyAnswer() throws Exception {
        HttpResponse<String> r = get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        Map<String, String> links = new java.util.HashMap<>();
        body(r).path("links").forEach(l -> links.put(l.path("rel").asString(), l.path("href").asString()));
        assertThat(links).containsKeys("self", "service-desc", "service-doc", "conformance", "data");
        for (String href : links.values()) {
            assertThat(get(href).statusCode()).as(href).isEqualTo(200);
        }
    }

    @Test
    void conformanceDeclaresCoreGeoJsonAndOpenApi() throws Exception {
        JsonNode conformsTo = body(get("/conformance")).path("conformsTo");
        List<String> classes = new ArrayList<>();
        conformsTo.forEach(c -> classes.add(c.asString()));
        assertThat(classes).contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30");
    }

    @Test
    void openApiDocumentDescribesTheItemsEndpoint() throws Exception {
        HttpResponse<String> r = get("/api");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode api = body(r);
        assertThat(api.path("openapi").asString()).startsWith("3.0");
        JsonNode items = api.path("paths").path("/collections/{collectionId}/items");
        assertThat(items.path("get").isMissingNode()).isFalse();
        List<String> parameters = new ArrayList<>();
        items.path("get").path("parameters").forEach(p -> parameters.add(p.path("name").asString()));
        assertThat(parameters).contains("bbox", "datetime", "limit", "cursor");
        assertThat(api.path("paths").has("/collections/{collectionId}/items/{featureId}")).isTrue();
        assertThat(get("/api.html").statusCode()).isEqualTo(200);
    }

    @Test
    void collectionsDescribeIncidentsWithTheirExtent() throws Exception {
        JsonNode collections = body(get("/collections")).path("collections");
        List<String> ids = new ArrayList<>();
        collections.forEach(c -> ids.add(c.path("id").asString()));
        assertThat(ids).contains("incidents", "places", "borders");
        JsonNode incidents = body(get("/collections/incidents"));
        assertThat(incidents.path("id").asString()).isEqualTo("incidents");
        JsonNode bbox = incidents.path("extent").path("spatial").path("bbox").get(0);
        assertThat(bbox.size()).isEqualTo(4);
        // demo incidents lie in the South Caucasus
        assertThat(bbox.get(0).asDouble()).isBetween(43.0, 47.5);
        assertThat(bbox.get(1).asDouble()).isBetween(38.5, 41.5);
        JsonNode interval = incidents.path("extent").path("temporal").path("interval").get(0);
        assertThat(interval.get(0).asString()).matches("202[12]-.*");
        assertThat(interval.get(1).asString()).startsWith("2024-");
        List<String> rels = new ArrayList<>();
        incidents.path("links").forEach(l -> rels.add(l.path("rel").asString()));
        assertThat(rels).contains("self", "items");
    }

    // --- reading features ---

    @Test
    void demoIncidentsAreServedAsRfc7946GeoJson() throws Exception {
        HttpResponse<String> r = get("/collections/incidents/items?limit=1000");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/geo+json");
        JsonNode fc = body(r);
        assertThat(fc.path("type").asString()).isEqualTo("FeatureCollection");
        int expected = demoIncidentCount();
        assertThat(expected).isGreaterThanOrEqualTo(8);
        assertThat(fc.path("numberMatched").asInt()).isEqualTo(expected);
        assertThat(fc.path("numberReturned").asInt()).isEqualTo(expected);
        assertThat(fc.path("timeStamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        Set<String> ids = new HashSet<>();
        for (JsonNode f : fc.path("features")) {
            assertThat(f.path("type").asString()).isEqualTo("Feature");
            assertThat(ids.add(f.path("id").asString())).isTrue();
            JsonNode g = f.path("geometry");
            assertThat(g.path("type").asString()).isIn("Point", "LineString", "Polygon", "MultiPoint", "MultiLineString", "MultiPolygon");
            assertThat(g.has("crs")).isFalse();
            JsonNode p = f.path("properties");
            assertThat(p.path("event_date").asString()).matches("\\d{4}-\\d\\d-\\d\\d");
            assertThat(p.path("date_precision").asString()).isIn("day", "week", "month", "year");
            assertThat(p.path("geo_precision").asInt()).isBetween(1, 3);
            assertThat(p.has("claims") && p.has("sources") && p.has("fatalities_low") && p.has("version")).isTrue();
            if (g.path("type").asString().equals("Point")) {
                double lon = g.path("coordinates").get(0).asDouble();
                double lat = g.path("coordinates").get(1).asDouble();
                // longitude first: the region spans lon 43-47.5, lat 38.5-41.5
                assertThat(lon).as("longitude of %s", p.path("location_name")).isBetween(43.0, 47.5);
                assertThat(lat).as("latitude of %s", p.path("location_name")).isBetween(38.5, 41.5);
            }
        }
    }

    @Test
    void theNerkinHandAttackIsInTheDemoData() throws Exception {
        JsonNode features = body(get("/collections/incidents/items?datetime=2024-02-13&country=ARM")).path("features");
        List<JsonNode> nerkinHand = new ArrayList<>();
        features.forEach(f -> {
            if (f.path("properties").path("location_name").asString().contains("Nerkin Hand")) {
                nerkinHand.add(f);
            }
        });
        assertThat(nerkinHand).hasSize(1);
        JsonNode p = nerkinHand.get(0).path("properties");
        assertThat(p.path("fatalities").asInt()).isEqualTo(4);
        assertThat(p.path("injured").asInt()).isEqualTo(1);
        assertThat(p.path("admin1").asString()).isEqualTo("Syunik");
    }

    @Test
    void pagingWalksEveryFeatureExactlyOnceForwardAndBack() throws Exception {
        int expected = demoIncidentCount();
        List<String> forward = new ArrayList<>();
        String next = url("/collections/incidents/items?limit=3");
        String last = null;
        int pages = 0;
        while (next != null) {
            JsonNode page = body(get(next));
            assertThat(page.path("numberMatched").asInt()).isEqualTo(expected);
            assertThat(page.path("numberReturned").asInt()).isEqualTo(page.path("features").size()).isLessThanOrEqualTo(3);
            page.path("features").forEach(f -> forward.add(f.path("id").asString()));
            last = next;
            next = link(page, "next");
            assertThat(link(page, "prev") == null).isEqualTo(pages == 0);
            pages++;
        }
        assertThat(forward).hasSize(expected).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo((expected + 2) / 3);

        List<String> backward = new ArrayList<>();
        String prev = last;
        while (prev != null) {
            JsonNode page = body(get(prev));
            List<String> ids = new ArrayList<>();
            page.path("features").forEach(f -> ids.add(f.path("id").asString()));
            backward.addAll(0, ids);
            prev = link(page, "prev");
        }
        assertThat(backward).containsExactlyElementsOf(forward);
    }

    @Test
    void bboxAndDatetimeFilterAndCountExactly() throws Exception {
        JsonNode all = body(get("/collections/incidents/items?limit=1000")).path("features");
        long onDay = 0;
        long inBox = 0;
        for (JsonNode f : all) {
            if (f.path("properties").path("event_date").asString().equals("2022-09-13")) {
                onDay++;
            }
            JsonNode c = f.path("geometry").path("coordinates");
            if (f.path("geometry").path("type").asString().equals("Point")
                    && c.get(0).asDouble() >= 45.0 && c.get(0).asDouble() <= 46.0 && c.get(1).asDouble() >= 39.5 && c.get(1).asDouble() <= 40.5) {
                inBox++;
            }
        }
        assertThat(onDay).isPositive();
        JsonNode day = body(get("/collections/incidents/items?datetime=2022-09-13T12:00:00Z"));
        assertThat(day.path("numberMatched").asLong()).isEqualTo(onDay);
        JsonNode interval = body(get("/collections/incidents/items?datetime=2022-09-13/2022-09-13"));
        assertThat(interval.path("numberMatched").asLong()).isEqualTo(onDay);
        JsonNode openStart = body(get("/collections/incidents/items?datetime=../2023-01-01"));
        JsonNode openEnd = body(get("/collections/incidents/items?datetime=2023-01-01/.."));
        assertThat(openStart.path("numberMatched").asLong() + openEnd.path("numberMatched").asLong()).isEqualTo(all.size());
        JsonNode box = body(get("/collections/incidents/items?bbox=45.0,39.5,46.0,40.5"));
        assertThat(box.path("numberMatched").asLong()).isEqualTo(inBox);
    }

    @Test
    void oneFeatureHasAnETagAndAnswersIfNoneMatch() throws Exception {
        String id = body(get("/collections/incidents/items?limit=1")).path("features").get(0).path("id").asString();
        HttpResponse<String> r = get("/collections/incidents/items/" + id);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/geo+json");
        String etag = r.headers().firstValue("ETag").orElseThrow();
        assertThat(body(r).path("id").asString()).isEqualTo(id);
        assertThat(get("/collections/incidents/items/" + id, "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(get("/collections/incidents/items/" + id, "Accept", "application/json").statusCode()).isEqualTo(200);
        assertThat(get("/collections/incidents/items/" + id + "?f=json").statusCode()).isEqualTo(200);
    }

    static Stream<Arguments> malformedRequests() {
        return Stream.of(
                Arguments.of("/collections/incidents/items?bbox=44,39,45", 400),
                Arguments.of("/collections/incidents/items?bbox=44,39,10,45,40,5", 400), // heights reversed (46,39,45,40 crosses the antimeridian: EtsCoreContract)
                Arguments.of("/collections/incidents/items?bbox=44,39,45,95", 400),
                Arguments.of("/collections/incidents/items?bbox=44,west,45,40", 400),
                Arguments.of("/collections/incidents/items?bbox=44,41,45,40", 400),
                Arguments.of("/collections/incidents/items?bbox-crs=EPSG:2154", 400),
                Arguments.of("/collections/incidents/items?datetime=yesterday", 400),
                Arguments.of("/collections/incidents/items?datetime=2022-13-01", 400),
                Arguments.of("/collections/incidents/items?datetime=2024-01-01/2023-01-01", 400),
                Arguments.of("/collections/incidents/items?datetime=2022-01-01/2023-01-01/2024-01-01", 400),
                Arguments.of("/collections/incidents/items?limit=0", 400),
                Arguments.of("/collections/incidents/items?limit=-5", 400),
                Arguments.of("/collections/incidents/items?limit=ten", 400),
                Arguments.of("/collections/incidents/items?limit=99999999999", 400),
                Arguments.of("/collections/incidents/items?colour=red", 400),
                Arguments.of("/collections/incidents/items?limit=5&limit=6", 400),
                Arguments.of("/collections/incidents/items?cursor=not-a-cursor", 400),
                Arguments.of("/collections/incidents/items?country=arm", 400),
                Arguments.of("/collections/incidents/items?geo_precision=4", 400),
                Arguments.of("/collections/incidents/items?f=xml", 400),
                Arguments.of("/collections/incidents/items/1?colour=red", 400),
                Arguments.of("/collections/nowhere", 404),
                Arguments.of("/collections/nowhere/items", 404),
                Arguments.of("/collections/incidents/items/999999999", 404),
                Arguments.of("/collections/incidents/items/abc", 404),
                Arguments.of("/no/such/path", 404));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("malformedRequests")
    void malformedRequestsGetA4xxJsonError(String path, int status) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode error = body(r);
        assertThat(error.path("code").asString()).isNotBlank();
        assertThat(error.path("description").asString()).isNotBlank();
    }

    @Test
    void anAcceptHeaderThatRulesOutJsonGets406() throws Exception {
        HttpResponse<String> r = get("/collections/incidents/items", "Accept", "image/png");
        assertThat(r.statusCode()).isEqualTo(406);
        assertThat(body(r).path("code").asString()).isEqualTo("NotAcceptable");
    }

    @Test
    void aLimitAboveTheMaximumIsServedAsTheMaximum() throws Exception {
        HttpResponse<String> r = get("/collections/incidents/items?limit=20000");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(body(r).path("numberReturned").asInt()).isEqualTo(demoIncidentCount());
    }

    // --- writing features ---

    static final String NEW_INCIDENT = """
            {"type": "Feature",
             "geometry": {"type": "Point", "coordinates": [45.9512, 40.2317]},
             "properties": {"event_date": "2023-05-20", "date_precision": "day",
               "event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack",
               "actor1": "Military Forces of Azerbaijan (2003-)", "location_name": "Test village", "country": "ARM",
               "admin1": "Gegharkunik", "geo_precision": 1,
               "fatalities": 0, "fatalities_low": 0, "fatalities_high": 0, "injured": 2, "injured_low": 1, "injured_high": 2,
               "claims": [{"claimant": "Ministry of Defence of Armenia", "side": "ARM", "injured": 2, "summary": "Two soldiers wounded.", "source": "t1"}],
               "sources": [{"id": "t1", "outlet": "Test Wire", "published": "2023-05-21"}],
               "notes": "written for the API test"}}
            """;

    @Test
    void writesNeedTheToken() throws Exception {
        long before = count();
        HttpResponse<String> r = send("POST", "/collections/incidents/items", NEW_INCIDENT, "Content-Type", "application/geo+json");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(body(r).path("code").asString()).isEqualTo("Unauthorized");
        HttpResponse<String> wrong = send("POST", "/collections/incidents/items", NEW_INCIDENT,
                "Content-Type", "application/geo+json", "Authorization", "Bearer nope");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(send("DELETE", "/collections/incidents/items/1", null).statusCode()).isEqualTo(401);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void createReplaceDeleteWithOptimisticLocking() throws Exception {
        long before = count();
        HttpResponse<String> created = send("POST", "/collections/incidents/items", NEW_INCIDENT,
                "Content-Type", "application/geo+json", "Authorization", "Bearer " + TOKEN);
        assertThat(created.statusCode()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(created.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(count()).isEqualTo(before + 1);
        String path = URI.create(location).getPath();
        JsonNode stored = body(get(path));
        assertThat(stored.path("properties").path("injured_low").asInt()).isEqualTo(1);
        assertThat(stored.path("properties").path("claims").get(0).path("claimant").asString()).isEqualTo("Ministry of Defence of Armenia");
        assertThat(stored.path("properties").path("claims").get(0).path("side").asString()).isEqualTo("ARM");
        assertThat(stored.path("geometry").path("coordinates").get(0).asDouble()).isEqualTo(45.9512);

        assertThat(stored.path("properties").has("location_uncertainty_m")).isTrue();
        assertThat(stored.path("properties").path("location_uncertainty_m").isNull()).as("none stated").isTrue();

        String replacement = NEW_INCIDENT.replace("\"injured\": 2, \"injured_low\": 1", "\"injured\": 2, \"injured_low\": 2")
                .replace("\"geo_precision\": 1", "\"geo_precision\": 2, \"location_uncertainty_m\": 1500");
        HttpResponse<String> stale = send("PUT", path, replacement, "Content-Type", "application/geo+json",
                "Authorization", "Bearer " + TOKEN, "If-Match", "\"7\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(body(get(path)).path("properties").path("injured_low").asInt()).isEqualTo(1);

        HttpResponse<String> replaced = send("PUT", path, replacement, "Content-Type", "application/geo+json",
                "Authorization", "Bearer " + TOKEN, "If-Match", "\"1\"");
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(replaced.headers().firstValue("ETag")).contains("\"2\"");
        assertThat(body(get(path)).path("properties").path("location_uncertainty_m").asInt()).isEqualTo(1500);
        assertThat(body(get(path)).path("properties").path("injured_low").asInt()).isEqualTo(2);

        assertThat(send("DELETE", path, null, "Authorization", "Bearer " + TOKEN, "If-Match", "\"1\"").statusCode()).isEqualTo(412);
        assertThat(get(path).statusCode()).isEqualTo(200);
        assertThat(send("DELETE", path, null, "Authorization", "Bearer " + TOKEN, "If-Match", "\"2\"").statusCode()).isEqualTo(204);
        assertThat(get(path).statusCode()).isEqualTo(404);
        assertThat(count()).isEqualTo(before);
    }

    static Stream<Arguments> invalidIncidents() {
        return Stream.of(
                Arguments.of(NEW_INCIDENT.replace("[45.9512, 40.2317]", "[45.9512, 140.2317]"), 422, "geometry"),
                Arguments.of(NEW_INCIDENT.replace("\"Point\", \"coordinates\": [45.9512, 40.2317]",
                        "\"Polygon\", \"coordinates\": [[[45,40],[46,41],[46,40],[45,41],[45,40]]]"), 422, "geometry"),
                Arguments.of(NEW_INCIDENT.replace("\"2023-05-20\"", "\"20/05/2023\""), 422, "properties.event_date"),
                Arguments.of(NEW_INCIDENT.replace("\"date_precision\": \"day\"", "\"date_precision\": \"hour\""), 422, "properties.date_precision"),
                Arguments.of(NEW_INCIDENT.replace("\"geo_precision\": 1", "\"geo_precision\": 4"), 422, "properties.geo_precision"),
                Arguments.of(NEW_INCIDENT.replace("\"geo_precision\": 1", "\"geo_precision\": 1, \"location_uncertainty_m\": -5"), 422,
                        "properties.location_uncertainty_m"),
                Arguments.of(NEW_INCIDENT.replace("\"geo_precision\": 1", "\"geo_precision\": 1, \"location_uncertainty_m\": 500001"), 422,
                        "properties.location_uncertainty_m"),
                Arguments.of(NEW_INCIDENT.replace("\"injured_low\": 1", "\"injured_low\": 3"), 422, "properties.injured_low"),
                Arguments.of(NEW_INCIDENT.replace("\"fatalities\": 0,", "\"fatalities\": -1,"), 422, "properties.fatalities"),
                Arguments.of(NEW_INCIDENT.replace("\"event_type\": \"Explosions/Remote violence\"", "\"event_type\": \"Bombing\""), 422, "properties.event_type"),
                Arguments.of(NEW_INCIDENT.replace("\"country\": \"ARM\"", "\"country\": \"Armenia\""), 422, "properties.country"),
                Arguments.of(NEW_INCIDENT.replace("\"side\": \"ARM\"", "\"side\": \"Armenian army\""), 422, "properties.claims[0].side"),
                Arguments.of(NEW_INCIDENT.replace("\"source\": \"t1\"", "\"source\": \"t9\""), 422, "properties.claims[0].source"),
                Arguments.of(NEW_INCIDENT.replace("\"notes\"", "\"note\""), 422, "properties"),
                Arguments.of(NEW_INCIDENT.replace("\"type\": \"Feature\"", "\"type\": \"FeatureCollection\""), 422, "type"),
                Arguments.of("{\"type\": \"Feature\", ", 400, null));
    }

    @ParameterizedTest(name = "{index}: {2}")
    @MethodSource("invalidIncidents")
    void invalidIncidentsAreRefusedNamingTheFieldAndNothingIsStored(String body, int status, String field) throws Exception {
        long before = count();
        HttpResponse<String> r = send("POST", "/collections/incidents/items", body,
                "Content-Type", "application/geo+json", "Authorization", "Bearer " + TOKEN);
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode error = body(r);
        assertThat(error.path("description").asString()).isNotBlank();
        if (field != null) {
            List<String> fields = new ArrayList<>();
            error.path("errors").forEach(e -> fields.add(e.path("field").asString()));
            assertThat(fields).contains(field);
        }
        assertThat(count()).isEqualTo(before);
    }

    // --- the gazetteer ---

    JsonNode search(String query) throws IOException, InterruptedException {
        HttpResponse<String> r = get("/gazetteer/search?" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/geo+json");
        return body(r).path("features");
    }

    static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void gazetteerPutsNerkinHandFirstForNerkinKhanda() throws Exception {
        JsonNode first = search("q=" + encode("Nerkin Khanda")).get(0);
        assertThat(first.path("id").asString()).isEqualTo("arm-syunik-nerkin-hand");
        assertThat(first.path("properties").path("admin1").asString()).isEqualTo("Syunik");
        assertThat(first.path("properties").path("country").asString()).isEqualTo("ARM");
        // a derived point (±3 km): "near the place"
        assertThat(first.path("properties").path("geo_precision").asInt()).isEqualTo(2);
        assertThat(first.path("properties").path("uncertainty_m").asInt()).isEqualTo(3000);
        assertThat(first.path("properties").path("score").asDouble()).isPositive();
        assertThat(first.path("properties").path("source").asString()).isNotBlank();
        assertThat(first.path("properties").path("alt_names").size()).isGreaterThan(2);
    }

    @Test
    void gazetteerDisambiguatesByContext() throws Exception {
        JsonNode chinari = search("q=Chinarly&context=Tovuzgalin");
        assertThat(chinari.get(0).path("id").asString()).isEqualTo("arm-tavush-chinari");
        assertThat(chinari.get(0).path("properties").path("admin1").asString()).isEqualTo("Tavush");
        // the Azerbaijani Çinarlı villages lie outside the province the context names: no candidates (issue 10) …
        List<String> countries = new ArrayList<>();
        chinari.forEach(f -> countries.add(f.path("properties").path("country").asString()));
        assertThat(countries).containsOnly("ARM");
        // … but runners-up when nothing confines the name
        List<String> unconfined = new ArrayList<>();
        search("q=Chinarly").forEach(f -> unconfined.add(f.path("properties").path("country").asString()));
        assertThat(unconfined).contains("ARM", "AZE");

        JsonNode martuni = search("q=Martuni&context=" + encode("Lake Sevan"));
        assertThat(martuni.get(0).path("id").asString()).isEqualTo("arm-gegharkunik-martuni");
        // the other Martunis (a village of Chambarak, the Karabakh town) are runners-up, not dropped
        List<String> martuniAdmins = new ArrayList<>();
        martuni.forEach(f -> martuniAdmins.add(f.path("properties").path("admin1").asString()));
        assertThat(martuniAdmins.subList(1, martuniAdmins.size())).contains("Khojavend");
        JsonNode karabakh = search("q=Martuni&context=Khojavend");
        assertThat(karabakh.get(0).path("properties").path("admin1").asString()).isEqualTo("Khojavend");
        JsonNode near = search("q=Martuni&near=47.0,39.8");
        assertThat(near.get(0).path("properties").path("admin1").asString()).isEqualTo("Khojavend");
        JsonNode inArmenia = search("q=Martuni&country=ARM");
        inArmenia.forEach(f -> assertThat(f.path("properties").path("country").asString()).isEqualTo("ARM"));
    }

    @Test
    void gazetteerNeverPinsALookAlikeOutsideTheGivenProvince() throws Exception {
        // Norabak (Gegharkunik) was answered with Norabats (Ararat), 121 km away: now Norabak itself once the
        // gazetteer has it (40°09′N 45°52′E), else an empty list, still a 200
        HttpResponse<String> r = get("/gazetteer/search?q=Norabak&context=Gegharkunik");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        body(r).path("features").forEach(f -> {
            JsonNode point = f.path("properties").path("representative_point");
            assertThat(net.sf.geographiclib.Geodesic.WGS84.Inverse(point.get(1).asDouble(), point.get(0).asDouble(), 40.15, 45.86667).s12)
                    .as(f.path("id").asString()).isLessThan(5000);
        });
        // Tsaghkalanch is no village at all, one letter from Tsaghkalanj (Armavir): nothing in Tavush
        HttpResponse<String> none = get("/gazetteer/search?q=Tsaghkalanch&context=Tavush");
        assertThat(none.statusCode()).as(none.body()).isEqualTo(200);
        assertThat(body(none).path("features").size()).isZero();
        assertThat(body(none).path("numberReturned").asInt()).isZero();
        // a misspelling of a village the gazetteer has is still found, and says so
        JsonNode berdavan = search("q=Berdevan&context=Tavush").get(0);
        assertThat(berdavan.path("id").asString()).isEqualTo("arm-tavush-berdavan");
        assertThat(berdavan.path("properties").path("match").asString()).isEqualTo("fuzzy");
        assertThat(berdavan.path("properties").path("score").asDouble()).isBetween(0.875, 0.99);
        assertThat(berdavan.path("properties").path("geo_precision").asInt()).isEqualTo(1);
        JsonNode exact = search("q=Voskepar").get(0);
        assertThat(exact.path("properties").path("match").asString()).isEqualTo("exact");
        assertThat(exact.path("properties").path("score").asDouble()).isEqualTo(1.0);
    }

    @Test
    void gazetteerReturnsTheLachinCorridorAsALine() throws Exception {
        JsonNode corridor = search("q=" + encode("Lachin corridor")).get(0);
        assertThat(corridor.path("geometry").path("type").asString()).isEqualTo("LineString");
        assertThat(corridor.path("geometry").path("coordinates").size()).isGreaterThanOrEqualTo(8);
        assertThat(corridor.path("properties").path("representative_point").size()).isEqualTo(2);
        assertThat(corridor.path("properties").path("geo_precision").asInt()).isEqualTo(2);
    }

    @Test
    void gazetteerReadsArmenianAndCyrillicScript() throws Exception {
        for (String jermuk : List.of("Ջերմուկ", "Джермук", "Jermuk", "Dzhermuk")) {
            JsonNode first = search("q=" + encode(jermuk)).get(0);
            assertThat(first.path("properties").path("name").asString()).as(jermuk).isEqualTo("Jermuk");
            assertThat(first.path("properties").path("feature_type").asString()).as(jermuk).isEqualTo("town");
        }
    }

    @Test
    void gazetteerBatchGeocodesInOrder() throws Exception {
        HttpResponse<String> r = send("POST", "/gazetteer/geocode",
                "[{\"text\": \"Jermuk\"}, {\"text\": \"Chinarly\", \"context\": \"Tovuzgalin region\"}, {\"text\": \"Qqqxzzy\"}]",
                "Content-Type", "application/json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode results = body(r).path("results");
        assertThat(results.size()).isEqualTo(3);
        assertThat(results.get(0).path("result").path("properties").path("name").asString()).isEqualTo("Jermuk");
        assertThat(results.get(1).path("result").path("id").asString()).isEqualTo("arm-tavush-chinari");
        assertThat(results.get(2).path("result").isNull()).isTrue();
    }

    static Stream<Arguments> badGazetteerRequests() {
        return Stream.of(
                Arguments.of("/gazetteer/search"),
                Arguments.of("/gazetteer/search?q="),
                Arguments.of("/gazetteer/search?q=%20%20"),
                Arguments.of("/gazetteer/search?q=" + "a".repeat(201)),
                Arguments.of("/gazetteer/search?q=Goris&country=XXX"),
                Arguments.of("/gazetteer/search?q=Goris&country=am"),
                Arguments.of("/gazetteer/search?q=Goris&near=46.3"),
                Arguments.of("/gazetteer/search?q=Goris&near=46.3,39.5,7"),
                Arguments.of("/gazetteer/search?q=Goris&near=east,north"),
                Arguments.of("/gazetteer/search?q=Goris&near=46.3,139.5"),
                Arguments.of("/gazetteer/search?q=Goris&limit=0"),
                Arguments.of("/gazetteer/search?q=Goris&limit=500"),
                Arguments.of("/gazetteer/search?q=Goris&colour=red"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badGazetteerRequests")
    void badGazetteerRequestsGet400Json(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(body(r).path("description").asString()).isNotBlank();
    }

    @Test
    void badGeocodeBatchesGet400Json() throws Exception {
        for (String bad : List.of("{\"text\": \"Goris\"}", "[{\"context\": \"Syunik\"}]", "[1, 2]", "[{\"text\": \"Goris\", \"country\": \"XX\"}]", "not json")) {
            HttpResponse<String> r = send("POST", "/gazetteer/geocode", bad, "Content-Type", "application/json");
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(body(r).path("description").asString()).isNotBlank();
        }
    }

    @Test
    void placesAreACollectionPagedExactlyOnce() throws Exception {
        JsonNode first = body(get("/collections/places/items?limit=500"));
        long matched = first.path("numberMatched").asLong();
        assertThat(matched).isGreaterThan(2000);
        Set<String> ids = new HashSet<>();
        String next = url("/collections/places/items?limit=500");
        int fetched = 0;
        while (next != null) {
            JsonNode page = body(get(next));
            for (JsonNode f : page.path("features")) {
                assertThat(ids.add(f.path("id").asString())).as("feature %s twice", f.path("id")).isTrue();
                fetched++;
            }
            next = link(page, "next");
        }
        assertThat(fetched).isEqualTo(matched);
        JsonNode heights = body(get("/collections/places/items?feature_type=height&country=ARM"));
        heights.path("features").forEach(f -> assertThat(f.path("properties").path("feature_type").asString()).isEqualTo("height"));
        assertThat(heights.path("numberMatched").asLong()).isPositive();
        HttpResponse<String> one = get("/collections/places/items/road-lachin-corridor");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(body(one).path("geometry").path("type").asString()).isEqualTo("LineString");
        assertThat(get("/collections/places/items/no-such-place").statusCode()).isEqualTo(404);
        assertThat(get("/collections/places/items?feature_type=castle").statusCode()).isEqualTo(400);
        assertThat(get("/collections/places/items?datetime=2022-09-13").statusCode()).isEqualTo(400);
        assertThat(get("/collections/places/items?event_type=Battles").statusCode()).isEqualTo(400);
        // analysts write places (PlaceCorrectionContract); an incident is not a place
        assertThat(send("POST", "/collections/places/items", NEW_INCIDENT, "Content-Type", "application/geo+json",
                "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(422);
        assertThat(send("POST", "/collections/borders/items", NEW_INCIDENT, "Content-Type", "application/geo+json",
                "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(405);
    }

    // --- borders and proximity ---

    JsonNode demoIncident(String locationStartsWith) throws Exception {
        for (JsonNode f : body(get("/collections/incidents/items?limit=1000")).path("features")) {
            if (f.path("properties").path("location_name").asString().startsWith(locationStartsWith)) {
                return f;
            }
        }
        throw new AssertionError("no demo incident at " + locationStartsWith);
    }

    @Test
    void bordersAreACollectionOfNamedMultiLineStrings() throws Exception {
        JsonNode fc = body(get("/collections/borders/items?kind=international"));
        Map<String, JsonNode> byId = new java.util.HashMap<>();
        fc.path("features").forEach(f -> byId.put(f.path("id").asString(), f));
        assertThat(byId).containsKeys("ARM-AZE", "ARM-AZE-NAKH", "ARM-GEO", "AZE-GEO", "ARM-IRN", "AZE-IRN", "ARM-TUR", "AZE-TUR", "AZE-RUS");
        JsonNode armAze = byId.get("ARM-AZE");
        assertThat(armAze.path("geometry").path("type").asString()).isEqualTo("MultiLineString");
        assertThat(armAze.path("properties").path("country_a").asString()).isEqualTo("ARM");
        assertThat(armAze.path("properties").path("country_b").asString()).isEqualTo("AZE");
        assertThat(armAze.path("properties").path("source").asString()).contains("OpenStreetMap");
        assertThat(armAze.path("properties").path("vintage").asString()).isNotBlank();
        assertThat(byId.get("ARM-AZE-NAKH").path("properties").path("country_b").asString()).isEqualTo("AZE");
    }

    @Test
    void demoIncidentsCarryBorderMetrics() throws Exception {
        JsonNode nerkinHand = demoIncident("Nerkin Hand").path("properties");
        assertThat(nerkinHand.path("nearest_border").asString()).isEqualTo("ARM-AZE");
        assertThat(nerkinHand.path("border_side").asString()).isEqualTo("ARM");
        assertThat(nerkinHand.path("border_distance_m").asDouble()).isBetween(0.0, 5_000.0);
        assertThat(nerkinHand.path("nearest_border_point").size()).isEqualTo(2);
        JsonNode saribaba = demoIncident("Saribaba").path("properties");
        assertThat(saribaba.path("border_side").asString()).isEqualTo("AZE");
        JsonNode goris = demoIncident("Goris").path("properties");
        assertThat(goris.path("border_side").asString()).isEqualTo("ARM");
        // the stored figure is the one the distance endpoint measures
        JsonNode measured = body(get("/borders/ARM-AZE/distance?point=" + demoIncident("Goris").path("geometry").path("coordinates").get(0).asDouble()
                + "," + demoIncident("Goris").path("geometry").path("coordinates").get(1).asDouble()));
        assertThat(measured.path("distance_m").asDouble()).isCloseTo(goris.path("border_distance_m").asDouble(), org.assertj.core.data.Offset.offset(0.02));
        assertThat(measured.path("side").asString()).isEqualTo("ARM");
        assertThat(measured.path("nearest_point").size()).isEqualTo(2);
    }

    @Test
    void withinNMetresOfABorderAndSortingByDistance() throws Exception {
        JsonNode within = body(get("/collections/incidents/items?border=ARM-AZE&max-border-distance=8000&sortby=border_distance_m"));
        assertThat(within.path("numberMatched").asLong()).isEqualTo(within.path("numberReturned").asLong()).isPositive();
        double previous = -1;
        for (JsonNode f : within.path("features")) {
            JsonNode c = f.path("geometry").path("coordinates");
            double d = body(get("/borders/ARM-AZE/distance?point=" + c.get(0).asDouble() + "," + c.get(1).asDouble())).path("distance_m").asDouble();
            assertThat(d).isLessThanOrEqualTo(8000.0);
            double stored = f.path("properties").path("border_distance_m").asDouble();
            assertThat(stored).isGreaterThanOrEqualTo(previous);
            previous = stored;
        }
        long all = body(get("/collections/incidents/items?limit=1")).path("numberMatched").asLong();
        // numberMatched is left out for "any border" (no kept count): the features are counted instead
        long far = body(get("/collections/incidents/items?limit=10000&max-border-distance=100000000")).path("numberReturned").asLong();
        assertThat(far).isEqualTo(all);
        JsonNode combined = body(get("/collections/incidents/items?border=ARM-AZE&max-border-distance=8000&datetime=2022-09-13&bbox=45,39,47,41"));
        combined.path("features").forEach(f -> assertThat(f.path("properties").path("event_date").asString()).isEqualTo("2022-09-13"));
        JsonNode descending = body(get("/collections/incidents/items?sortby=-border_distance_m&limit=3"));
        JsonNode next = body(get(link(descending, "next")));
        assertThat(next.path("features").get(0).path("properties").path("border_distance_m").asDouble())
                .isLessThanOrEqualTo(descending.path("features").get(2).path("properties").path("border_distance_m").asDouble());
        JsonNode nearGoris = body(get("/collections/incidents/items?near=46.3417,39.5111&radius=3000"));
        List<String> names = new ArrayList<>();
        nearGoris.path("features").forEach(f -> names.add(f.path("properties").path("location_name").asString()));
        assertThat(names).anyMatch(n -> n.startsWith("Goris"));
        assertThat(names).noneMatch(n -> n.startsWith("Kapan"));
    }

    static Stream<Arguments> badProximityRequests() {
        return Stream.of(
                Arguments.of("/collections/incidents/items?border=NOPE&max-border-distance=5000"),
                Arguments.of("/collections/incidents/items?border=ARM-AZE&max-border-distance=-5"),
                Arguments.of("/collections/incidents/items?border=ARM-AZE&max-border-distance=far"),
                Arguments.of("/collections/incidents/items?border=ARM-AZE&max-border-distance=300000"),
                Arguments.of("/collections/incidents/items?near=46.3,39.5&radius=2000000"),
                Arguments.of("/collections/incidents/items?near=46.3,39.5&radius=-1"),
                Arguments.of("/collections/incidents/items?near=46.3&radius=1000"),
                Arguments.of("/collections/incidents/items?near=46.3,99&radius=1000"),
                Arguments.of("/collections/incidents/items?near=46.3,39.5"),
                Arguments.of("/collections/incidents/items?radius=1000"),
                Arguments.of("/collections/incidents/items?sortby=colour"),
                Arguments.of("/borders/ARM-AZE/distance?point=46.3"),
                Arguments.of("/borders/ARM-AZE/distance?point=east,north"),
                Arguments.of("/borders/ARM-AZE/distance"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badProximityRequests")
    void badProximityRequestsGet400Json(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(body(r).path("description").asString()).isNotBlank();
    }

    @Test
    void aCursorFromAnotherSortOrderIsRefused() throws Exception {
        String next = link(body(get("/collections/incidents/items?limit=2")), "next");
        String cursor = next.substring(next.indexOf("cursor=") + 7).replaceAll("&.*", "");
        assertThat(get("/collections/incidents/items?sortby=border_distance_m&cursor=" + cursor).statusCode()).isEqualTo(400);
        assertThat(get("/borders/NOPE/distance?point=46,39").statusCode()).isEqualTo(404);
    }

    JsonNode recomputeAfter(long run) throws Exception {
        for (int i = 0; i < 200; i++) {
            JsonNode status = body(get("/borders/recompute"));
            if (status.path("run").asLong() > run && status.path("state").asString().equals("done")) {
                return status;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the border metrics recompute did not finish");
    }

    @Test
    void analystsBorderLayersAreMeasuredAndRemoved() throws Exception {
        JsonNode jermuk = demoIncident("Jermuk");
        double lon = jermuk.path("geometry").path("coordinates").get(0).asDouble();
        double lat = jermuk.path("geometry").path("coordinates").get(1).asDouble();
        String layer = "{\"type\": \"Feature\", \"id\": \"TEST-CONTACT\", \"geometry\": {\"type\": \"LineString\", \"coordinates\": [["
                + (lon + 0.01) + ", " + (lat - 0.05) + "], [" + (lon + 0.01) + ", " + (lat + 0.05) + "]]},"
                + " \"properties\": {\"name\": \"test line of contact\", \"valid_from\": \"2020-11-10\"}}";
        long run = body(get("/borders/recompute")).path("run").asLong();
        assertThat(send("POST", "/borders", layer, "Content-Type", "application/geo+json").statusCode()).isEqualTo(401);
        HttpResponse<String> created = send("POST", "/borders", layer, "Content-Type", "application/geo+json", "Authorization", "Bearer " + TOKEN);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode status = recomputeAfter(run);
        assertThat(status.path("done").asLong()).isEqualTo(status.path("total").asLong()).isEqualTo(count());
        JsonNode moved = demoIncident("Jermuk").path("properties");
        assertThat(moved.path("nearest_border").asString()).isEqualTo("TEST-CONTACT");
        assertThat(moved.path("border_distance_m").asDouble()).isBetween(700.0, 1000.0);
        assertThat(body(get("/collections/incidents/items?border=TEST-CONTACT&max-border-distance=1000")).path("numberMatched").asLong()).isEqualTo(1);
        assertThat(body(get("/collections/borders/items/TEST-CONTACT")).path("properties").path("kind").asString()).isEqualTo("custom");

        long before = body(get("/borders/recompute")).path("run").asLong();
        assertThat(send("DELETE", "/borders/TEST-CONTACT", null, "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(204);
        recomputeAfter(before);
        assertThat(demoIncident("Jermuk").path("properties").path("nearest_border").asString()).isNotEqualTo("TEST-CONTACT");
        assertThat(get("/collections/borders/items/TEST-CONTACT").statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/borders/TEST-CONTACT", null, "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(404);

        // the same id again: counts start from nothing, not from what the deleted layer left
        long again = body(get("/borders/recompute")).path("run").asLong();
        assertThat(send("POST", "/borders", layer, "Content-Type", "application/geo+json", "Authorization", "Bearer " + TOKEN).statusCode())
                .isEqualTo(201);
        recomputeAfter(again);
        for (int km : List.of(1, 10, 100)) {
            JsonNode page = body(get("/collections/incidents/items?limit=1000&border=TEST-CONTACT&max-border-distance=" + km * 1000));
            assertThat(page.path("numberMatched").asLong()).as("within %d km", km).isEqualTo(page.path("features").size());
        }
        long last = body(get("/borders/recompute")).path("run").asLong();
        assertThat(send("DELETE", "/borders/TEST-CONTACT", null, "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(204);
        recomputeAfter(last);
    }

    @Test
    void badBorderLayersAreRefused() throws Exception {
        String point = "{\"type\": \"Feature\", \"id\": \"X1\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [45, 40]}, \"properties\": {\"name\": \"x\"}}";
        String noName = "{\"type\": \"Feature\", \"id\": \"X2\", \"geometry\": {\"type\": \"LineString\", \"coordinates\": [[45, 40], [45.1, 40.1]]}, \"properties\": {}}";
        String badDates = "{\"type\": \"Feature\", \"id\": \"X3\", \"geometry\": {\"type\": \"LineString\", \"coordinates\": [[45, 40], [45.1, 40.1]]}, \"properties\": {\"name\": \"x\", \"valid_from\": \"2024-01-01\", \"valid_to\": \"2023-01-01\"}}";
        String international = "{\"type\": \"Feature\", \"id\": \"ARM-AZE\", \"geometry\": {\"type\": \"LineString\", \"coordinates\": [[45, 40], [45.1, 40.1]]}, \"properties\": {\"name\": \"x\"}}";
        for (String bad : List.of(point, noName, badDates)) {
            HttpResponse<String> r = send("POST", "/borders", bad, "Content-Type", "application/geo+json", "Authorization", "Bearer " + TOKEN);
            assertThat(r.statusCode()).as(bad).isEqualTo(422);
            assertThat(body(r).path("errors").size()).isPositive();
        }
        assertThat(send("POST", "/borders", international, "Content-Type", "application/geo+json", "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(409);
        assertThat(send("DELETE", "/borders/ARM-AZE", null, "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(409);
        assertThat(send("POST", "/borders", "not json", "Content-Type", "application/geo+json", "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(400);
    }

    // --- GDAL as a real OGC API client ---

    @Test
    void gdalReadsTheServiceAndCopiesItToAGeoPackagePageByPage(@TempDir Path dir) throws Exception {
        ExternalTool ogrinfo = new ExternalTool("ogrinfo");
        ogrinfo.require();
        int expected = (int) count();
        ExternalTool.Result info = ogrinfo.run("-ro", "-al", "-so", "OAPIF:" + url("/"));
        assertThat(info.exitCode()).as(info.output()).isZero();
        assertThat(info.output()).contains("Layer name: incidents", "Layer name: places", "Layer name: borders");
        assertThat(featureCount(info.output(), "incidents")).as(info.output()).isEqualTo(expected);
        long places = body(get("/collections/places/items?limit=1")).path("numberMatched").asLong();
        assertThat(featureCount(info.output(), "places")).as(info.output()).isEqualTo(places);

        Path gpkg = dir.resolve("incidents.gpkg");
        ExternalTool.Result copy = new ExternalTool("ogr2ogr").run("-f", "GPKG", gpkg.toString(),
                "OAPIF:" + url("/collections/incidents"), "-oo", "PAGE_SIZE=2", "-preserve_fid");
        assertThat(copy.exitCode()).as(copy.output()).isZero();
        ExternalTool.Result copied = ogrinfo.run("-ro", "-al", gpkg.toString());
        assertThat(featureCount(copied.output(), "incidents")).as(copied.output()).isEqualTo(expected);
        assertThat(copied.output()).contains("location_name (String) = Nerkin Hand");
        // GDAL takes the integer feature ids as FIDs: the copy holds each served feature exactly once.
        Matcher fids = Pattern.compile("(?m)^OGRFeature\\(incidents\\):(\\d+)$").matcher(copied.output());
        List<String> copiedIds = new ArrayList<>();
        while (fids.find()) {
            copiedIds.add(fids.group(1));
        }
        List<String> servedIds = new ArrayList<>();
        body(get("/collections/incidents/items?limit=10000")).path("features").forEach(f -> servedIds.add(f.path("id").asString()));
        assertThat(copiedIds).containsExactlyInAnyOrderElementsOf(servedIds);
    }

    private static int featureCount(String ogrinfoOutput, String layer) {
        Matcher m = Pattern.compile("Layer name: " + layer + "\\R(?:.*\\R)*?Feature Count: (\\d+)").matcher(ogrinfoOutput);
        assertThat(m.find()).as(ogrinfoOutput).isTrue();
        return Integer.parseInt(m.group(1));
    }

    long count() throws IOException, InterruptedException {
        return body(get("/collections/incidents/items?limit=1")).path("numberMatched").asLong();
    }

    static String link(JsonNode doc, String rel) {
        for (JsonNode l : doc.path("links")) {
            if (l.path("rel").asString().equals(rel)) {
                return l.path("href").asString();
            }
        }
        return null;
    }
}
