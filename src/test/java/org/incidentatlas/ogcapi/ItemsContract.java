package org.incidentatlas.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.incidentatlas.testsupport.ApiClient;
import org.incidentatlas.testsupport.DemoServiceContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;

/**
 * The OGC API - Features core over real HTTP, against the running service with its demo data:
 * landing page, conformance, OpenAPI, collections, reading and paging items, malformed requests.
 * The same tests on each backend (subclasses choose the database).
 */
abstract class ItemsContract extends DemoServiceContract {

    // --- capabilities ---

    @Test
    void landingPageLinksToEveryRequiredResourceAndTheyAnswer() throws Exception {
        HttpResponse<String> r = api.get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        Map<String, String> links = new java.util.HashMap<>();
        api.body(r).path("links").forEach(l -> links.put(l.path("rel").asString(), l.path("href").asString()));
        assertThat(links).containsKeys("self", "service-desc", "service-doc", "conformance", "data");
        for (String href : links.values()) {
            assertThat(api.get(href).statusCode()).as(href).isEqualTo(200);
        }
    }

    @Test
    void conformanceDeclaresCoreGeoJsonAndOpenApi() throws Exception {
        JsonNode conformsTo = api.body(api.get("/conformance")).path("conformsTo");
        List<String> classes = new ArrayList<>();
        conformsTo.forEach(c -> classes.add(c.asString()));
        assertThat(classes).contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30");
    }

    @Test
    void openApiDocumentDescribesTheItemsEndpoint() throws Exception {
        HttpResponse<String> r = api.get("/api");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode document = api.body(r);
        assertThat(document.path("openapi").asString()).startsWith("3.0");
        JsonNode items = document.path("paths").path("/collections/{collectionId}/items");
        assertThat(items.path("get").isMissingNode()).isFalse();
        List<String> parameters = new ArrayList<>();
        items.path("get").path("parameters").forEach(p -> parameters.add(p.path("name").asString()));
        assertThat(parameters).contains("bbox", "datetime", "limit", "cursor");
        assertThat(document.path("paths").has("/collections/{collectionId}/items/{featureId}")).isTrue();
        assertThat(api.get("/api.html").statusCode()).isEqualTo(200);
    }

    @Test
    void collectionsDescribeIncidentsWithTheirExtent() throws Exception {
        JsonNode collections = api.body(api.get("/collections")).path("collections");
        List<String> ids = new ArrayList<>();
        collections.forEach(c -> ids.add(c.path("id").asString()));
        assertThat(ids).contains("incidents", "places", "borders");
        JsonNode incidents = api.body(api.get("/collections/incidents"));
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
        HttpResponse<String> r = api.get("/collections/incidents/items?limit=1000");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/geo+json");
        JsonNode fc = api.body(r);
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
        JsonNode features = api.body(api.get("/collections/incidents/items?datetime=2024-02-13&country=ARM")).path("features");
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
        String next = api.url("/collections/incidents/items?limit=3");
        String last = null;
        int pages = 0;
        while (next != null) {
            JsonNode page = api.body(api.get(next));
            assertThat(page.path("numberMatched").asInt()).isEqualTo(expected);
            assertThat(page.path("numberReturned").asInt()).isEqualTo(page.path("features").size()).isLessThanOrEqualTo(3);
            page.path("features").forEach(f -> forward.add(f.path("id").asString()));
            last = next;
            next = ApiClient.link(page, "next");
            assertThat(ApiClient.link(page, "prev") == null).isEqualTo(pages == 0);
            pages++;
        }
        assertThat(forward).hasSize(expected).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo((expected + 2) / 3);

        List<String> backward = new ArrayList<>();
        String prev = last;
        while (prev != null) {
            JsonNode page = api.body(api.get(prev));
            List<String> ids = new ArrayList<>();
            page.path("features").forEach(f -> ids.add(f.path("id").asString()));
            backward.addAll(0, ids);
            prev = ApiClient.link(page, "prev");
        }
        assertThat(backward).containsExactlyElementsOf(forward);
    }

    @Test
    void bboxAndDatetimeFilterAndCountExactly() throws Exception {
        JsonNode all = api.body(api.get("/collections/incidents/items?limit=1000")).path("features");
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
        JsonNode day = api.body(api.get("/collections/incidents/items?datetime=2022-09-13T12:00:00Z"));
        assertThat(day.path("numberMatched").asLong()).isEqualTo(onDay);
        JsonNode interval = api.body(api.get("/collections/incidents/items?datetime=2022-09-13/2022-09-13"));
        assertThat(interval.path("numberMatched").asLong()).isEqualTo(onDay);
        JsonNode openStart = api.body(api.get("/collections/incidents/items?datetime=../2023-01-01"));
        JsonNode openEnd = api.body(api.get("/collections/incidents/items?datetime=2023-01-01/.."));
        assertThat(openStart.path("numberMatched").asLong() + openEnd.path("numberMatched").asLong()).isEqualTo(all.size());
        JsonNode box = api.body(api.get("/collections/incidents/items?bbox=45.0,39.5,46.0,40.5"));
        assertThat(box.path("numberMatched").asLong()).isEqualTo(inBox);
    }

    @Test
    void oneFeatureHasAnETagAndAnswersIfNoneMatch() throws Exception {
        String id = api.body(api.get("/collections/incidents/items?limit=1")).path("features").get(0).path("id").asString();
        HttpResponse<String> r = api.get("/collections/incidents/items/" + id);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/geo+json");
        String etag = r.headers().firstValue("ETag").orElseThrow();
        assertThat(api.body(r).path("id").asString()).isEqualTo(id);
        assertThat(api.get("/collections/incidents/items/" + id, "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(api.get("/collections/incidents/items/" + id, "Accept", "application/json").statusCode()).isEqualTo(200);
        assertThat(api.get("/collections/incidents/items/" + id + "?f=json").statusCode()).isEqualTo(200);
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
        HttpResponse<String> r = api.get(path);
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode error = api.body(r);
        assertThat(error.path("code").asString()).isNotBlank();
        assertThat(error.path("description").asString()).isNotBlank();
    }

    @Test
    void anAcceptHeaderThatRulesOutJsonGets406() throws Exception {
        HttpResponse<String> r = api.get("/collections/incidents/items", "Accept", "image/png");
        assertThat(r.statusCode()).isEqualTo(406);
        assertThat(api.body(r).path("code").asString()).isEqualTo("NotAcceptable");
    }

    @Test
    void aLimitAboveTheMaximumIsServedAsTheMaximum() throws Exception {
        HttpResponse<String> r = api.get("/collections/incidents/items?limit=20000");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(api.body(r).path("numberReturned").asInt()).isEqualTo(demoIncidentCount());
    }
}
