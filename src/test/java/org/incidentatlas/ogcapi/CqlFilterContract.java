package org.incidentatlas.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.incidentatlas.testsupport.ApiClient;
import org.incidentatlas.testsupport.ExternalTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.JsonNode;

/**
 * OGC API - Features Part 3 (CQL2 filters), sortby and properties against the running service
 * with the demo incidents: every conformance class selects the incidents known to match, in
 * both encodings, combined with the other parameters and paged. Subclasses pick the backend.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"atlas.demo-data=true", "atlas.demo-data.source=coded"})
abstract class CqlFilterContract {

    static final Set<String> ARMENIA = Set.of("Artanish", "Goris", "Ishkhanasar", "Jermuk", "Kapan", "Martuni", "Sotk",
            "Vardenis", "Nerkin");
    static final Set<String> DIRECTIONS = Set.of("Dashkasan", "Kalbajar", "Lachin", "Zangilan");

    @Value("${local.server.port}")
    int port;

    final ApiClient api = new ApiClient(() -> this.port);

    private void assertSelects(String filter, String... expected) throws Exception {
        assertThat(api.filtered(filter)).as(filter).containsExactlyInAnyOrderElementsOf(List.of(expected));
    }

    private void assertSelects(String filter, Set<String> expected) throws Exception {
        assertThat(api.filtered(filter)).as(filter).containsExactlyInAnyOrderElementsOf(expected);
    }

    // --- Basic CQL2 ---

    @Test
    void basicComparisonsSelectTheKnownIncidents() throws Exception {
        assertSelects("country = 'ARM'", ARMENIA);
        assertSelects("fatalities > 0", "Saribaba", "Nerkin");
        assertSelects("fatalities >= 0 AND country = 'AZE'", "Saribaba", "Kokhanabi", "Zangilan");
        assertSelects("NOT (event_type = 'Battles') AND admin1 = 'Syunik'", "Goris", "Ishkhanasar", "Kapan", "Nerkin");
        assertSelects("actor2 IS NULL", "Martuni");
        assertSelects("event_date = DATE('2024-02-13')", "Nerkin");
        assertSelects("event_date < DATE('2022-09-01') or event_date > date('2024-02-12')", "Nagorno-Karabakh", "Saribaba", "Nerkin");
        assertSelects("geo_precision <> 1 AND country = 'ARM'", "Ishkhanasar", "Nerkin");
        assertSelects("injured > fatalities", "Saribaba", "Zangilan");
        assertSelects("true AND \"country\" = 'AZE' AND fatalities IS NOT NULL", "Saribaba", "Kokhanabi", "Zangilan");
    }

    // --- Advanced comparison operators ---

    @Test
    void likeBetweenAndInSelectTheKnownIncidents() throws Exception {
        assertSelects("location_name LIKE '%direction%'", DIRECTIONS);
        assertSelects("location_name NOT LIKE '%direction%' AND country = 'AZE'", "Nagorno-Karabakh", "Saribaba", "Kokhanabi");
        assertSelects("location_name LIKE 'K_pan'", "Kapan");
        assertSelects("fatalities BETWEEN 1 AND 3", "Saribaba");
        assertSelects("fatalities NOT BETWEEN 1 AND 3", "Kokhanabi", "Zangilan", "Nerkin");
        assertSelects("admin1 IN ('Gegharkunik', 'Vayots Dzor')", "Artanish", "Martuni", "Sotk", "Vardenis", "Jermuk");
        assertSelects("country = 'ARM' AND admin1 NOT IN ('Gegharkunik', 'Syunik')", "Jermuk");
        assertSelects("event_date BETWEEN DATE('2024-01-01') AND DATE('2024-12-31')", "Kokhanabi", "Zangilan", "Nerkin");
    }

    // --- Case- and accent-insensitive comparison ---

    @Test
    void caseiAndAccentiIgnoreCaseAndAccents() throws Exception {
        assertSelects("admin1 = 'SYUNIK'");
        assertSelects("CASEI(admin1) = casei('SYUNIK')", "Goris", "Ishkhanasar", "Kapan", "Nerkin");
        assertSelects("CASEI(location_name) LIKE CASEI('%DIRECTION%')", DIRECTIONS);
        assertSelects("ACCENTI(location_name) = ACCENTI('Gorís')", "Goris");
        assertSelects("location_name = 'Gorís'");
        assertSelects("CASEI(ACCENTI(location_name)) = CASEI(ACCENTI('KÁPAN'))", "Kapan");
    }

    // --- Basic spatial functions, spatial functions ---

    @Test
    void spatialFunctionsSelectByGeometry() throws Exception {
        assertSelects("S_INTERSECTS(geometry, BBOX(46.3, 39.0, 46.6, 39.6))", "Goris", "Kapan", "Nerkin");
        assertSelects("S_INTERSECTS(geometry, POINT(46.34168 39.51111))", "Goris");
        String box = "POLYGON((46.3 39.0, 46.6 39.0, 46.6 39.6, 46.3 39.6, 46.3 39.0))";
        assertSelects("S_WITHIN(geometry, " + box + ")", "Goris", "Kapan", "Nerkin");
        assertSelects("S_CONTAINS(" + box + ", geometry)", "Goris", "Kapan", "Nerkin");
        assertSelects("S_DISJOINT(geometry, BBOX(45, 39.5, 47, 41))", "Kapan", "Zangilan", "Nerkin");
        assertSelects("S_EQUALS(geometry, POINT(46.34168 39.51111))", "Goris");
        assertSelects("S_TOUCHES(geometry, LINESTRING(46.34168 39.51111, 47 40))", "Goris");
        // points cross and overlap nothing; a line crossing a box does, whatever the incident
        assertSelects("S_CROSSES(geometry, LINESTRING(45 39, 47 41)) OR S_OVERLAPS(geometry, BBOX(45, 39, 47, 41))");
        assertSelects("S_CROSSES(LINESTRING(45 39, 47 41), BBOX(45.5, 39, 46, 41)) AND country = 'ARM'", ARMENIA);
        assertSelects("S_OVERLAPS(BBOX(45, 39, 46, 40), BBOX(45.5, 39.5, 47, 41)) AND country = 'ARM'", ARMENIA);
        assertSelects("S_INTERSECTS(geometry, MULTIPOINT((46.34168 39.51111), (46.40678 39.20762)))", "Goris", "Kapan");
        assertSelects("S_INTERSECTS(geometry, GEOMETRYCOLLECTION(POINT(46.34168 39.51111), LINESTRING(0 0, 1 1)))", "Goris");
    }

    // --- Temporal functions, on the incident's days ---

    @Test
    void temporalFunctionsSelectByTheEventDays() throws Exception {
        assertSelects("T_BEFORE(event_interval, DATE('2022-09-13'))", "Nagorno-Karabakh", "Saribaba");
        assertSelects("T_AFTER(event_date, DATE('2022-09-13'))", "Kokhanabi", "Zangilan", "Nerkin");
        assertSelects("T_INTERSECTS(event_interval, INTERVAL('2024-02-12', '2024-02-12'))", "Kokhanabi", "Zangilan");
        assertSelects("T_INTERSECTS(event_interval, INTERVAL('2024-01-01', '..'))", "Kokhanabi", "Zangilan", "Nerkin");
        assertSelects("T_DURING(event_interval, INTERVAL('2022-08-01', '2022-08-31'))", "Nagorno-Karabakh", "Saribaba");
        assertSelects("T_EQUALS(event_date, DATE('2024-02-13'))", "Nerkin");
        assertSelects("T_DISJOINT(event_interval, INTERVAL('2022-09-01', '2024-01-01'))",
                "Nagorno-Karabakh", "Saribaba", "Kokhanabi", "Zangilan", "Nerkin");
        assertSelects("T_MEETS(INTERVAL('2024-02-10', '2024-02-13'), event_interval) OR T_METBY(event_interval, DATE('2022-08-01'))",
                "Nerkin");
        assertSelects("T_METBY(event_interval, INTERVAL('2022-07-01', '2022-08-02'))", "Nagorno-Karabakh");
        assertSelects("T_STARTS(event_interval, INTERVAL('2024-02-13', '2024-03-01'))", "Nerkin");
        assertSelects("T_FINISHES(event_interval, INTERVAL('2022-08-01', '2022-08-03'))", "Saribaba");
        assertSelects("T_CONTAINS(INTERVAL('2024-02-11', '2024-02-13'), event_interval)", "Kokhanabi", "Zangilan");
        assertSelects("T_AFTER(created_at, TIMESTAMP('2000-01-01T00:00:00Z')) AND fatalities = 4", "Nerkin");
    }

    // --- Arithmetic ---

    @Test
    void arithmeticIsComputedInTheDatabase() throws Exception {
        assertSelects("fatalities + injured > 10", "Saribaba");
        assertSelects("fatalities * 2 = 8", "Nerkin");
        assertSelects("injured - fatalities >= 1", "Saribaba", "Zangilan");
        assertSelects("fatalities div 3 = 1", "Saribaba", "Nerkin");
        assertSelects("fatalities % 2 = 1", "Saribaba");
        assertSelects("fatalities / 2 = 1.5", "Saribaba");
        assertSelects("2 ^ fatalities = 16", "Nerkin");
        assertSelects("-fatalities < -3", "Nerkin");
        assertSelects("(fatalities + 1) * 2 = 8", "Saribaba");
    }

    // --- the JSON encoding gives the same answers ---

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "country = 'ARM' | {\"op\":\"=\",\"args\":[{\"property\":\"country\"},\"ARM\"]}",
        "fatalities > 0 AND country = 'ARM' | {\"op\":\"and\",\"args\":[{\"op\":\">\",\"args\":[{\"property\":\"fatalities\"},0]},{\"op\":\"=\",\"args\":[{\"property\":\"country\"},\"ARM\"]}]}",
        "location_name LIKE '%direction%' | {\"op\":\"like\",\"args\":[{\"property\":\"location_name\"},\"%direction%\"]}",
        "fatalities BETWEEN 1 AND 3 | {\"op\":\"between\",\"args\":[{\"property\":\"fatalities\"},1,3]}",
        "admin1 IN ('Gegharkunik', 'Vayots Dzor') | {\"op\":\"in\",\"args\":[{\"property\":\"admin1\"},[\"Gegharkunik\",\"Vayots Dzor\"]]}",
        "CASEI(admin1) = casei('SYUNIK') | {\"op\":\"=\",\"args\":[{\"op\":\"casei\",\"args\":[{\"property\":\"admin1\"}]},{\"op\":\"casei\",\"args\":[\"SYUNIK\"]}]}",
        "S_INTERSECTS(geometry, BBOX(46.3, 39.0, 46.6, 39.6)) | {\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"bbox\":[46.3,39.0,46.6,39.6]}]}",
        "S_INTERSECTS(geometry, POINT(46.34168 39.51111)) | {\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"Point\",\"coordinates\":[46.34168,39.51111]}]}",
        "S_WITHIN(geometry, POLYGON((46.3 39.0, 46.6 39.0, 46.6 39.6, 46.3 39.6, 46.3 39.0))) | {\"op\":\"s_within\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"Polygon\",\"coordinates\":[[[46.3,39.0],[46.6,39.0],[46.6,39.6],[46.3,39.6],[46.3,39.0]]]}]}",
        "T_BEFORE(event_interval, DATE('2022-09-13')) | {\"op\":\"t_before\",\"args\":[{\"property\":\"event_interval\"},{\"date\":\"2022-09-13\"}]}",
        "T_INTERSECTS(event_interval, INTERVAL('2024-01-01', '..')) | {\"op\":\"t_intersects\",\"args\":[{\"property\":\"event_interval\"},{\"interval\":[\"2024-01-01\",\"..\"]}]}",
        "fatalities + injured > 10 | {\"op\":\">\",\"args\":[{\"op\":\"+\",\"args\":[{\"property\":\"fatalities\"},{\"property\":\"injured\"}]},10]}",
        "NOT (actor2 IS NULL) AND country = 'ARM' | {\"op\":\"and\",\"args\":[{\"op\":\"not\",\"args\":[{\"op\":\"isNull\",\"args\":[{\"property\":\"actor2\"}]}]},{\"op\":\"=\",\"args\":[{\"property\":\"country\"},\"ARM\"]}]}",
    })
    void cql2JsonGivesTheSameIncidentsAsCql2Text(String text, String json) throws Exception {
        TreeSet<String> fromText = api.filtered(text.strip());
        assertThat(fromText).as(text).isNotEmpty();
        assertThat(api.filteredJson(json.strip())).as(json).isEqualTo(fromText);
    }

    // --- combined with the other parameters, paged ---

    @Test
    void aFilterCombinesWithBboxDatetimePropertyFiltersBorderAndNear() throws Exception {
        String filter = "&filter=" + ApiClient.enc("country = 'ARM'");
        String base = "/collections/incidents/items?limit=1000";
        TreeSet<String> armenia = api.names(base + filter);
        for (String other : List.of("bbox=46,39,47,40", "datetime=2024-02-13", "admin1=Syunik", "max-border-distance=5000",
                "border=ARM-AZE&max-border-distance=20000", "near=46.34168,39.51111&radius=40000", "sortby=-event_date")) {
            TreeSet<String> alone = api.names(base + "&" + other);
            TreeSet<String> expected = new TreeSet<>(armenia);
            expected.retainAll(alone);
            assertThat(api.names(base + "&" + other + filter)).as(other).isEqualTo(expected);
        }
        assertThat(api.names(base + "&bbox=46,39,47,40" + filter)).containsExactly("Goris", "Ishkhanasar", "Kapan", "Nerkin");
    }

    @Test
    void filteredPagesWalkEveryMatchOnceInEveryOrder() throws Exception {
        String filter = ApiClient.enc("country = 'ARM' OR fatalities >= 0");
        TreeSet<String> all = api.filtered("country = 'ARM' OR fatalities >= 0");
        assertThat(all).hasSize(12);
        for (String sortby : List.of("id", "-event_date,fatalities", "country,-fatalities,location_name", "-border_distance_m",
                "admin1,-id", "-fatalities,-event_date")) {
            List<JsonNode> paged = api.all("/collections/incidents/items?limit=2&sortby=" + ApiClient.enc(sortby)
                    + "&filter=" + filter);
            List<JsonNode> whole = api.all("/collections/incidents/items?limit=100&sortby=" + ApiClient.enc(sortby)
                    + "&filter=" + filter);
            assertThat(paged.stream().map(ApiClient::shortName).toList()).as(sortby)
                    .isEqualTo(whole.stream().map(ApiClient::shortName).toList())
                    .containsExactlyInAnyOrderElementsOf(all);
            List<JsonNode> backwards = api.allBackwards("/collections/incidents/items?limit=3&sortby=" + ApiClient.enc(sortby)
                    + "&filter=" + filter);
            assertThat(backwards.stream().map(ApiClient::shortName).toList()).as("back through prev links, " + sortby)
                    .isEqualTo(whole.stream().map(ApiClient::shortName).toList());
        }
    }

    @Test
    void sortbyOrdersBySeveralKeysEachWayWithTheIdLast() throws Exception {
        List<JsonNode> sorted = api.all("/collections/incidents/items?limit=5&sortby=" + ApiClient.enc("-event_date,+fatalities"));
        Comparator<JsonNode> expected = Comparator.<JsonNode, String>comparing(f -> f.path("properties").path("event_date").asString())
                .reversed()
                .thenComparing(f -> f.path("properties").path("fatalities").isNull() ? -1 : f.path("properties").path("fatalities").asInt())
                .thenComparing(f -> f.path("id").asLong());
        List<JsonNode> resorted = new ArrayList<>(sorted);
        resorted.sort(expected);
        assertThat(sorted).hasSize(16);
        assertThat(sorted.stream().map(ApiClient::shortName).toList())
                .isEqualTo(resorted.stream().map(ApiClient::shortName).toList());
        assertThat(ApiClient.shortName(sorted.get(0))).isEqualTo("Nerkin");
        HttpResponse<String> bad = api.get("/collections/incidents/items?sortby=colour");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("colour");
        assertThat(api.get("/collections/incidents/items?sortby=id,event_date").statusCode()).isEqualTo(400);
    }

    @Test
    void propertiesSelectsTheReturnedProperties() throws Exception {
        HttpResponse<String> r = api.get("/collections/incidents/items?limit=3&properties=event_date,fatalities");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode features = api.body(r).path("features");
        assertThat(features.size()).isEqualTo(3);
        for (JsonNode f : features) {
            List<String> names = new ArrayList<>(f.path("properties").propertyNames());
            assertThat(names).containsExactly("event_date", "fatalities");
            assertThat(f.path("geometry").path("type").asString()).isEqualTo("Point");
            assertThat(f.has("id")).isTrue();
        }
        assertThat(api.body(r).path("links").size()).isGreaterThan(1);
        String id = features.get(0).path("id").asString();
        JsonNode one = api.body(api.get("/collections/incidents/items/" + id + "?properties=country"));
        assertThat(new ArrayList<>(one.path("properties").propertyNames())).containsExactly("country");
        assertThat(one.path("links").size()).isEqualTo(3); // self, alternate (HTML), collection
        HttpResponse<String> bad = api.get("/collections/incidents/items?properties=event_date,colour");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("colour");
    }

    // --- refusals ---

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "country = | character",
        "country = 'ARM' AND | character 20",
        "colour = 'red' | 'colour'",
        "country > 5 | cannot compare",
        "S_INTERSECTS(geometry, POINT(46 )) | character",
        "T_AFTER(country, DATE('2022-01-01')) | 'country'",
        "event_date = DATE('2022-13-45') | 2022-13-45",
        "frobnicate(country) = 1 | frobnicate",
        "S_INTERSECTS(country, BBOX(1,2,3,4)) | geometry",
    })
    void malformedFiltersAreRefusedNamingTheProblem(String filter, String named) throws Exception {
        HttpResponse<String> r = api.get("/collections/incidents/items?filter=" + ApiClient.enc(filter.strip()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode error = api.body(r);
        assertThat(error.path("code").asString()).isEqualTo("InvalidParameterValue");
        assertThat(error.path("description").asString()).contains("filter").contains(named.strip());
    }

    @Test
    void otherRefusals() throws Exception {
        assertThat(api.get("/collections/incidents/items?filter-lang=cql2-json&filter=" + ApiClient.enc("{\"op\":")).statusCode())
                .isEqualTo(400);
        assertThat(api.get("/collections/incidents/items?filter-lang=cql2-json&filter="
                + ApiClient.enc("{\"op\":\"=\",\"args\":[{\"property\":\"colour\"},1]}")).body()).contains("colour");
        assertThat(api.get("/collections/incidents/items?filter-lang=ecql&filter=x%3D1").body()).contains("ecql");
        assertThat(api.get("/collections/incidents/items?filter-crs=EPSG:9999&filter=x%3D1").body()).contains("EPSG:9999");
        assertThat(api.get("/collections/places/items?filter=" + ApiClient.enc("colour = 'ARM'")).body()).contains("colour");
    }

    // --- places and borders take filters too ---

    @Test
    void placesAndBordersAreFilteredLikeTheirParametersAndTheirProperties() throws Exception {
        String places = "/collections/places/items?limit=10000";
        List<String> byParameters = ids(places + "&feature_type=city&country=ARM");
        assertThat(byParameters).isNotEmpty();
        assertThat(ids(places + "&filter=" + ApiClient.enc("feature_type = 'city' AND country = 'ARM'"))).isEqualTo(byParameters);
        List<String> armenian = new ArrayList<>();
        for (JsonNode b : api.all("/collections/borders/items?limit=1000")) {
            JsonNode p = b.path("properties");
            if (p.path("country_a").asString().equals("ARM") || p.path("country_b").asString().equals("ARM")) {
                armenian.add(b.path("id").asString());
            }
        }
        assertThat(armenian).contains("ARM-AZE");
        assertThat(ids("/collections/borders/items?filter=" + ApiClient.enc("country_a = 'ARM' OR country_b = 'ARM'")))
                .containsExactlyInAnyOrderElementsOf(armenian);
        assertThat(ids("/collections/borders/items?filter=" + ApiClient.enc("S_INTERSECTS(geometry, POINT(0 0))"))).isEmpty();
        assertThat(api.get("/collections/borders/queryables").statusCode()).isEqualTo(200);
        assertThat(api.body(api.get("/collections/places/queryables")).path("properties").has("population")).isTrue();
    }

    private List<String> ids(String query) throws Exception {
        return api.all(query).stream().map(f -> f.path("id").asString()).toList();
    }

    // --- queryables and conformance ---

    @Test
    void queryablesDescribeTheIncidentPropertiesAsJsonSchema() throws Exception {
        HttpResponse<String> r = api.get("/collections/incidents/queryables");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/schema+json");
        JsonNode schema = api.body(r);
        assertThat(schema.path("$schema").asString()).contains("json-schema.org");
        JsonNode p = schema.path("properties");
        assertThat(p.path("geometry").path("format").asString()).isEqualTo("geometry-any");
        assertThat(p.path("event_date").path("format").asString()).isEqualTo("date");
        assertThat(p.path("fatalities").path("type").asString()).isEqualTo("integer");
        assertThat(p.path("country").path("type").asString()).isEqualTo("string");
        List<String> rels = new ArrayList<>();
        api.body(api.get("/collections/incidents")).path("links").forEach(l -> rels.add(l.path("rel").asString()));
        assertThat(rels).contains("http://www.opengis.net/def/rel/ogc/1.0/queryables");
        List<String> classes = new ArrayList<>();
        api.body(api.get("/conformance")).path("conformsTo").forEach(c -> classes.add(c.asString()));
        assertThat(classes).contains("http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
                "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
                "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
                "http://www.opengis.net/spec/cql2/1.0/conf/case-insensitive-comparison",
                "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
                "http://www.opengis.net/spec/cql2/1.0/conf/spatial-functions",
                "http://www.opengis.net/spec/cql2/1.0/conf/temporal-functions",
                "http://www.opengis.net/spec/cql2/1.0/conf/arithmetic",
                "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
                "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json");
    }

    @Test
    void openApiDocumentsTheNewParameters() throws Exception {
        JsonNode api = this.api.body(this.api.get("/api"));
        List<String> parameters = new ArrayList<>();
        api.path("paths").path("/collections/{collectionId}/items").path("get").path("parameters")
                .forEach(p -> parameters.add(p.path("name").asString()));
        assertThat(parameters).contains("filter", "filter-lang", "filter-crs", "crs", "bbox-crs", "sortby", "properties");
        assertThat(api.path("paths").has("/collections/{collectionId}/queryables")).isTrue();
    }

    // --- GDAL as a real client ---

    @Test
    void gdalReadsAFilteredLayer() throws Exception {
        ExternalTool ogrinfo = new ExternalTool("ogrinfo");
        ogrinfo.require();
        ExternalTool.Result r = ogrinfo.run("-ro", "-al", "-so", "OAPIF:" + api.url("/collections/incidents"),
                "-where", "country = 'ARM'");
        assertThat(r.exitCode()).as(r.output()).isEqualTo(0);
        assertThat(r.output()).contains("Feature Count: 9");
        // GDAL 3.6 sends what it can as query parameters (country=ARM) and filters the rest itself
        ExternalTool.Result mixed = ogrinfo.run("-ro", "-al", "-so", "OAPIF:" + api.url("/collections/incidents"),
                "-where", "country = 'ARM' AND fatalities > 0");
        assertThat(mixed.output()).contains("Feature Count: 1");
    }
}
