package org.incidentatlas.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;

import net.sf.geographiclib.Geodesic;
import org.incidentatlas.IncidentAtlasApplication;
import org.incidentatlas.testsupport.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Analysts correct the gazetteer over real HTTP, with the real extractor, on each backend: a
 * report names a village the gazetteer lacks and lands at the province; the analyst adds the
 * village; the gazetteer answers it at once; re-geocoding moves the incident to it, but never a
 * reviewed one; a new application on the same database still knows the village. Bad places are
 * refused with a 4xx naming the field and leave nothing behind. The reports are our own text, and
 * the village names are invented so that no committed row can ever answer them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"atlas.write-token=" + PlaceCorrectionContract.TOKEN, "atlas.demo-data=false"})
abstract class PlaceCorrectionContract {

    static final String TOKEN = "place-test-token";
    private static final String AUTH = "Bearer " + TOKEN;

    private final ApiClient api = new ApiClient(() -> this.port);
    private final JsonMapper json = JsonMapper.builder().build();

    /** The database of this test class (see OnH2gis / OnPostgis), for a second application on it. */
    @Value("${spring.datasource.url}")
    String datasourceUrl;
    @Value("${spring.datasource.username}")
    String datasourceUser;
    @Value("${spring.datasource.password:}")
    String datasourcePassword;

    @Value("${local.server.port}")
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void noReports() {
        for (String table : List.of("report_claims", "report_events", "report_mentions", "reports", "incidents", "border_distance_bands")) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    HttpResponse<String> send(String method, String path, String body, String... headers) throws IOException, InterruptedException {
        return api.send(method, path, body, headers);
    }

    HttpResponse<String> write(String method, String path, String body, String... more) throws Exception {
        String[] headers = new String[4 + more.length];
        headers[0] = "Authorization";
        headers[1] = AUTH;
        headers[2] = "Content-Type";
        headers[3] = "application/geo+json";
        System.arraycopy(more, 0, headers, 4, more.length);
        return send(method, path, body, headers);
    }

    JsonNode getJson(String path) throws Exception {
        HttpResponse<String> r = send("GET", path, null);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    JsonNode ingest(String text, String publishedAt) throws Exception {
        ObjectNode o = json.createObjectNode();
        o.put("text", text);
        o.put("published_at", publishedAt);
        o.put("outlet", "Test Wire");
        HttpResponse<String> r = send("POST", "/reports", o.toString(), "Authorization", AUTH, "Content-Type", "application/json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json.readTree(r.body());
    }

    /** A village feature as an analyst would send it. */
    String village(String id, String name, double lon, double lat, String source) {
        ObjectNode f = json.createObjectNode();
        f.put("type", "Feature");
        if (id != null) {
            f.put("id", id);
        }
        ObjectNode g = f.putObject("geometry");
        g.put("type", "Point");
        g.putArray("coordinates").add(lon).add(lat);
        ObjectNode p = f.putObject("properties");
        p.put("name", name);
        p.put("feature_type", "village");
        p.put("country", "ARM");
        p.put("admin1", "Tavush");
        if (source != null) {
            p.put("source", source);
        }
        p.put("uncertainty_m", 700);
        p.putArray("alt_names").addObject().put("lang", "ru").put("name", name + "o");
        return f.toString();
    }

    JsonNode onlyIncidentOf(JsonNode ingested) throws Exception {
        JsonNode created = ingested.path("incidents_created");
        assertThat(created.size()).as(ingested.toString()).isEqualTo(1);
        return getJson("/collections/incidents/items/" + created.get(0).asLong());
    }

    static double metres(JsonNode feature, double lon, double lat) {
        JsonNode c = feature.path("geometry").path("coordinates");
        return Geodesic.WGS84.Inverse(c.get(1).asDouble(), c.get(0).asDouble(), lat, lon).s12;
    }

    @Test
    void anAddedVillageIsAnsweredAtOnceAndReGeocodingMovesTheFallbackIncidentButNotTheReviewedOne() throws Exception {
        double lon = 45.2460;
        double lat = 41.0720;
        // two accounts of different days in a village the gazetteer does not know: both at the province
        JsonNode first = onlyIncidentOf(ingest("A farmer was wounded by gunfire near the village of Zmrukhtavan "
                + "in Tavush province on Monday, the regional governor said.", "2024-03-05"));
        JsonNode second = onlyIncidentOf(ingest("Two houses were damaged by shelling in the village of Zmrukhtavan "
                + "in Tavush province on Friday, the local mayor told reporters.", "2024-05-11"));
        for (JsonNode incident : List.of(first, second)) {
            assertThat(incident.path("properties").path("geo_precision").asInt()).as(incident.toString()).isEqualTo(3);
            assertThat(incident.path("properties").path("admin1").asString()).isEqualTo("Tavush");
            assertThat(metres(incident, lon, lat)).isGreaterThan(10_000);
        }
        assertThat(getJson("/gazetteer/search?q=Zmrukhtavan").path("numberReturned").asInt()).isZero();

        // an analyst reviews the second incident: it is theirs now
        long reviewedId = second.path("id").asLong();
        HttpResponse<String> read = send("GET", "/collections/incidents/items/" + reviewedId, null);
        ObjectNode reviewed = (ObjectNode) json.readTree(read.body());
        ((ObjectNode) reviewed.path("properties")).put("status", "reviewed");
        HttpResponse<String> put = write("PUT", "/collections/incidents/items/" + reviewedId, reviewed.toString(),
                "If-Match", read.headers().firstValue("ETag").orElseThrow());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

        // the analyst adds the village: stored, and answered at once by the gazetteer
        HttpResponse<String> posted = write("POST", "/collections/places/items",
                village("arm-tavush-zmrukhtavan", "Zmrukhtavan", lon, lat, "Analyst test: village survey sheet 7"));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        assertThat(posted.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(posted.headers().firstValue("Location").orElseThrow()).endsWith("/collections/places/items/arm-tavush-zmrukhtavan");
        JsonNode found = getJson("/gazetteer/search?q=Zmrukhtavan&context=Tavush").path("features").get(0);
        assertThat(found.path("id").asString()).isEqualTo("arm-tavush-zmrukhtavan");
        assertThat(found.path("properties").path("uncertainty_m").asInt()).isEqualTo(700);
        assertThat(getJson("/gazetteer/search?q=Zmrukhtavano").path("features").get(0).path("id").asString())
                .as("the alternate name is indexed too").isEqualTo("arm-tavush-zmrukhtavan");
        assertThat(getJson("/collections/places/items/arm-tavush-zmrukhtavan").path("properties").path("source").asString())
                .isEqualTo("Analyst test: village survey sheet 7");

        // re-geocoding one report moves its fallback incident to the village
        HttpResponse<String> one = send("POST", "/reports/" + first.path("properties").path("sources").get(0).path("report").asLong()
                + "/regeocode", null, "Authorization", AUTH);
        assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
        assertThat(json.readTree(one.body()).path("events_replaced").asInt()).as(one.body()).isEqualTo(1);
        // and re-geocoding all reports leaves the reviewed incident where the analyst left it
        HttpResponse<String> all = send("POST", "/reports/regeocode", null, "Authorization", AUTH);
        assertThat(all.statusCode()).as(all.body()).isEqualTo(200);

        JsonNode incidents = getJson("/collections/incidents/items?limit=100").path("features");
        JsonNode moved = null;
        JsonNode kept = null;
        for (JsonNode i : incidents) {
            if (i.path("id").asLong() == reviewedId) {
                kept = i;
            } else if ("arm-tavush-zmrukhtavan".equals(i.path("properties").path("place_id").asString())) {
                moved = i;
            }
        }
        assertThat(incidents.size()).as(incidents.toString()).isEqualTo(2);
        assertThat(moved).as(incidents.toString()).isNotNull();
        assertThat(metres(moved, lon, lat)).isLessThan(1);
        assertThat(moved.path("properties").path("geo_precision").asInt()).isIn(1, 2);
        assertThat(moved.path("properties").path("location_uncertainty_m").asInt()).isEqualTo(700);
        assertThat(moved.path("properties").path("event_date").asString()).isEqualTo("2024-03-04");
        assertThat(kept).isNotNull();
        assertThat(kept.path("properties").path("geo_precision").asInt()).isEqualTo(3);
        assertThat(kept.path("properties").path("place_id").asString()).isEqualTo(second.path("properties").path("place_id").asString());
        assertThat(kept.path("properties").path("status").asString()).isEqualTo("reviewed");

        // a new application on the same database (a restart) still knows the village
        try (ConfigurableApplicationContext restarted = restart()) {
            assertThat(restarted.getBean(JdbcTemplate.class).queryForList("SELECT id FROM place_corrections", String.class))
                    .as("the restarted application's database").contains("arm-tavush-zmrukhtavan");
            LiveGazetteer gazetteer = restarted.getBean(LiveGazetteer.class);
            assertThat(gazetteer.current().place("arm-tavush-zmrukhtavan")).as("the restarted gazetteer").isPresent();
            assertThat(gazetteer.current().search(GeocodeQuery.of("Zmrukhtavan")).stream().map(c -> c.place().id()).toList())
                    .contains("arm-tavush-zmrukhtavan");
            assertThat(restarted.getBean(PlaceStore.class).find("arm-tavush-zmrukhtavan").orElseThrow().uncertaintyM()).isEqualTo(700);
        }
    }

    @Test
    void badPlacesGetA4xxNamingTheFieldAndNothingIsStored() throws Exception {
        long before = jdbc.queryForObject("SELECT count(*) FROM place_corrections", Long.class);
        String noSource = village("arm-tavush-voskehovit", "Voskehovit", 45.3, 41.0, null);
        String badCountry = village("arm-tavush-voskehovit", "Voskehovit", 45.3, 41.0, "test").replace("\"ARM\"", "\"XXX\"");
        String badType = village("arm-tavush-voskehovit", "Voskehovit", 45.3, 41.0, "test").replace("\"village\"", "\"hamlet\"");
        String bowtie = village("arm-tavush-voskehovit", "Voskehovit", 45.3, 41.0, "test").replace(
                "{\"type\":\"Point\",\"coordinates\":[45.3,41.0]}",
                "{\"type\":\"Polygon\",\"coordinates\":[[[45.0,41.0],[45.1,41.1],[45.1,41.0],[45.0,41.1],[45.0,41.0]]]}");
        assertThat(bowtie).contains("Polygon");
        String outside = village("arm-tavush-voskehovit", "Voskehovit", 245.3, 41.0, "test");
        String tooUncertain = village("arm-tavush-voskehovit", "Voskehovit", 45.3, 41.0, "test").replace("700", "600000");
        record Case(String body, String field) {
        }
        for (Case c : List.of(new Case(noSource, "properties.source"), new Case(badCountry, "properties.country"),
                new Case(badType, "properties.feature_type"), new Case(bowtie, "geometry"), new Case(outside, "geometry"),
                new Case(tooUncertain, "properties.uncertainty_m"))) {
            HttpResponse<String> r = write("POST", "/collections/places/items", c.body());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("json");
            JsonNode error = json.readTree(r.body());
            assertThat(error.path("errors").findValuesAsString("field")).as(r.body()).contains(c.field());
        }
        HttpResponse<String> duplicate = write("POST", "/collections/places/items",
                village("arm-tavush-chinari", "Chinari", 45.57, 40.85, "test"));
        assertThat(duplicate.statusCode()).as(duplicate.body()).isEqualTo(409);
        assertThat(json.readTree(duplicate.body()).path("description").asString()).contains("arm-tavush-chinari");
        HttpResponse<String> noToken = send("POST", "/collections/places/items",
                village("arm-tavush-voskehovit", "Voskehovit", 45.3, 41.0, "test"), "Content-Type", "application/geo+json");
        assertThat(noToken.statusCode()).isEqualTo(401);
        HttpResponse<String> notJson = write("POST", "/collections/places/items", "{not json");
        assertThat(notJson.statusCode()).isEqualTo(400);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM place_corrections", Long.class)).isEqualTo(before);
        assertThat(getJson("/gazetteer/search?q=Voskehovit").path("numberReturned").asInt()).isZero();
        assertThat(send("GET", "/collections/places/items/arm-tavush-voskehovit", null).statusCode()).isEqualTo(404);
        assertThat(getJson("/collections/places/items/arm-tavush-chinari").path("properties").path("name").asString()).isEqualTo("Chinari");
    }

    @Test
    void aCommittedPlaceIsReplacedAndWithdrawnWithIfMatch() throws Exception {
        JsonNode search = getJson("/gazetteer/search?q=Kokhanabi&context=Tovuz").path("features").get(0);
        assertThat(search.path("id").asString()).isEqualTo("aze-tovuz-kokhanabi");
        assertThat(search.path("properties").path("uncertainty_m").asInt()).as("the derived radius").isEqualTo(4000);
        String replacement = village("aze-tovuz-kokhanabi", "Kokhanabi", 45.61, 40.85, "Analyst test: a measured point")
                .replace("\"ARM\"", "\"AZE\"").replace("\"Tavush\"", "\"Tovuz\"");
        HttpResponse<String> stale = write("PUT", "/collections/places/items/aze-tovuz-kokhanabi", replacement, "If-Match", "\"5\"");
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(412);
        HttpResponse<String> put = write("PUT", "/collections/places/items/aze-tovuz-kokhanabi", replacement, "If-Match", "\"0\"");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(put.headers().firstValue("ETag")).contains("\"1\"");
        JsonNode now = getJson("/gazetteer/search?q=Kokhanabi&context=Tovuz").path("features").get(0);
        assertThat(now.path("properties").path("source").asString()).isEqualTo("Analyst test: a measured point");
        assertThat(now.path("properties").path("uncertainty_m").asInt()).isEqualTo(700);
        assertThat(getJson("/collections/places/items/aze-tovuz-kokhanabi").path("properties").path("uncertainty_m").asInt()).isEqualTo(700);

        HttpResponse<String> deleted = send("DELETE", "/collections/places/items/aze-tovuz-kokhanabi", null,
                "Authorization", AUTH, "If-Match", "\"1\"");
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        JsonNode after = getJson("/gazetteer/search?q=Kokhanabi&context=Tovuz");
        for (JsonNode f : after.path("features")) {
            assertThat(f.path("id").asString()).isNotEqualTo("aze-tovuz-kokhanabi");
        }
        assertThat(send("GET", "/collections/places/items/aze-tovuz-kokhanabi", null).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/collections/places/items/aze-tovuz-kokhanabi", null, "Authorization", AUTH).statusCode()).isEqualTo(404);
    }

    private ConfigurableApplicationContext restart() {
        SpringApplication app = IncidentAtlasApplication.application();
        app.setWebApplicationType(WebApplicationType.NONE);
        return app.run("--spring.datasource.url=" + datasourceUrl, "--spring.datasource.username=" + datasourceUser,
                "--spring.datasource.password=" + datasourcePassword,
                "--atlas.demo-data=false", "--spring.main.banner-mode=off", "--logging.level.root=WARN");
    }
}
