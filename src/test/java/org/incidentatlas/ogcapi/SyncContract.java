package org.incidentatlas.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.incidentatlas.incidents.IncidentChanges;
import org.incidentatlas.ingest.ScriptedExtractor;
import org.incidentatlas.testsupport.ApiClient;
import org.incidentatlas.testsupport.DemoServiceContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Incremental sync over real HTTP on each backend: a mirror (a map of features kept by this test, as a client would)
 * follows /collections/incidents/changes through creates, updates, deletes, report ingestion whose fusion merges
 * incidents, and raw SQL, and is compared after each round with the live collection — ids, versions, every property.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"atlas.write-token=" + SyncContract.TOKEN, "atlas.demo-data=false"})
@Import(ScriptedExtractor.Config.class)
abstract class SyncContract {

    static final String TOKEN = "sync-test-token";
    private static final String AUTH = "Bearer " + TOKEN;
    private static final String SHELLING = "type=Explosions/Remote violence; sub=Shelling/artillery/missile attack";

    private final JsonMapper json = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;

    private final ApiClient api = new ApiClient(() -> port);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IncidentChanges changes;

    @BeforeEach
    void emptyDatabase() {
        // deleting logs tombstones: a new mirror's first copy must leave them out
        for (String table : List.of("report_claims", "report_events", "report_mentions", "reports", "incidents", "border_distance_bands")) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    /** A client's copy of the collection: feature JSON by id, and where it stands. */
    final class Mirror {
        final Map<Long, String> features = new TreeMap<>();
        final String filters;
        String cursor;
        int pages;
        int removals;

        Mirror(String filters) {
            this.filters = filters;
        }

        /** Follows next links until caught up, applying every change. */
        void sync(int limit) throws Exception {
            String url = "/collections/incidents/changes?limit=" + limit + filters + (cursor == null ? "" : "&since=" + cursor);
            while (url != null) {
                HttpResponse<String> r = get(url);
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/geo+json");
                JsonNode page = json.readTree(r.body());
                pages++;
                for (JsonNode f : page.path("features")) {
                    long id = f.path("id").asLong();
                    if (f.path("properties").path("deleted").asBoolean(false)) {
                        assertThat(f.path("geometry").isNull()).isTrue();
                        features.remove(id);
                        removals++;
                    } else {
                        features.put(id, f.toString());
                    }
                }
                cursor = page.path("cursor").asString();
                assertThat(cursor).isNotBlank();
                String next = ApiClient.link(page, "next");
                assertThat(next == null).as("caught_up and no next link go together: " + page.path("links"))
                        .isEqualTo(page.path("caught_up").asBoolean());
                url = next;
            }
        }

        void assertEqualsLive() throws Exception {
            HttpResponse<String> r = get("/collections/incidents/items?limit=10000" + filters);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            Map<Long, String> live = new TreeMap<>();
            for (JsonNode f : json.readTree(r.body()).path("features")) {
                live.put(f.path("id").asLong(), f.toString());
            }
            assertThat(features).isEqualTo(live);
        }
    }

    // --- helpers ---

    HttpResponse<String> send(String method, String path, String body, String... headers) throws IOException, InterruptedException {
        return api.send(method, path, body, headers);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    long create(String location, String country) throws Exception {
        ObjectNode f = (ObjectNode) json.readTree(DemoServiceContract.NEW_INCIDENT);
        ((ObjectNode) f.path("properties")).put("location_name", location).put("country", country);
        HttpResponse<String> r = send("POST", "/collections/incidents/items", f.toString(), "Content-Type", "application/geo+json",
                "Authorization", AUTH);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json.readTree(r.body()).path("id").asLong();
    }

    void replace(long id, String property, String value) throws Exception {
        HttpResponse<String> read = get("/collections/incidents/items/" + id);
        ObjectNode f = (ObjectNode) json.readTree(read.body());
        f.remove("links");
        ((ObjectNode) f.path("properties")).put(property, value);
        HttpResponse<String> put = send("PUT", "/collections/incidents/items/" + id, f.toString(), "Content-Type", "application/geo+json",
                "Authorization", AUTH, "If-Match", read.headers().firstValue("ETag").orElseThrow());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    }

    void delete(long id) throws Exception {
        HttpResponse<String> r = send("DELETE", "/collections/incidents/items/" + id, null, "Authorization", AUTH);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
    }

    void ingest(String text, String publishedAt, String event) throws Exception {
        ObjectNode o = json.createObjectNode();
        o.put("text", text + " [[event " + event + "]]");
        o.put("title", text);
        o.put("outlet", "Test Wire");
        o.put("published_at", publishedAt);
        HttpResponse<String> r = send("POST", "/reports", o.toString(), "Authorization", AUTH, "Content-Type", "application/json");
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
    }

    // --- tests ---

    @Test
    void aMirrorStaysExactThroughCreatesUpdatesDeletesReextractionAndRawSql() throws Exception {
        Mirror mirror = new Mirror("");
        mirror.sync(2);
        assertThat(mirror.features).as("the deletions of the set-up come before the first copy: not sent").isEmpty();
        assertThat(mirror.removals).isZero();

        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(create("Village " + i, "ARM"));
        }
        mirror.sync(2);
        assertThat(mirror.pages).as("pages of two").isGreaterThanOrEqualTo(3);
        mirror.assertEqualsLive();
        assertThat(mirror.features).hasSize(5);

        replace(ids.get(0), "notes", "first edit");
        replace(ids.get(0), "notes", "second edit");
        replace(ids.get(3), "location_name", "Renamed village");
        delete(ids.get(1));
        long late = create("Late village", "AZE");
        mirror.sync(2);
        mirror.assertEqualsLive();
        assertThat(mirror.features).containsKey(late).doesNotContainKey(ids.get(1));
        assertThat(json.readTree(mirror.features.get(ids.get(0))).path("properties").path("version").asInt()).isEqualTo(3);
        assertThat(mirror.removals).isEqualTo(1);

        // ingestion: two reports of Goris two days apart are two incidents; the day between joins them into one
        // chain, and fusion replaces the two with one
        ingest("Day one: shelling at Goris.", "2022-09-13", "date=2022-09-13; place=Goris; " + SHELLING + "; side=ARM; killed=2");
        ingest("Day three: Goris again.", "2022-09-15", "date=2022-09-15; place=Goris; " + SHELLING + "; side=ARM; killed=4");
        mirror.sync(3);
        mirror.assertEqualsLive();
        int removalsBefore = mirror.removals;
        ingest("Day two: fighting continued at Goris.", "2022-09-14",
                "date=2022-09-14; place=Goris; type=Battles; sub=Armed clash; side=AZE; killed=1");
        mirror.sync(3);
        mirror.assertEqualsLive();
        assertThat(mirror.removals).as("fusion merged two incidents: one went").isGreaterThan(removalsBefore);

        // raw SQL, past the store: the database triggers log it too
        jdbc.update("UPDATE incidents SET notes = 'fixed by hand' WHERE id = ?", ids.get(2));
        jdbc.update("DELETE FROM incidents WHERE id = ?", ids.get(4));
        mirror.sync(100);
        mirror.assertEqualsLive();

        // caught up: the same cursor again answers nothing new
        HttpResponse<String> again = get("/collections/incidents/changes?since=" + mirror.cursor);
        JsonNode page = json.readTree(again.body());
        assertThat(page.path("numberReturned").asInt()).isZero();
        assertThat(page.path("caught_up").asBoolean()).isTrue();
        assertThat(page.path("cursor").asString()).isEqualTo(mirror.cursor);
    }

    @Test
    void aFilteredMirrorLosesTheIncidentsThatLeaveItsFilter() throws Exception {
        Mirror armenia = new Mirror("&country=ARM");
        long a = create("Village A", "ARM");
        long b = create("Village B", "ARM");
        create("Village C", "AZE");
        armenia.sync(1);
        armenia.assertEqualsLive();
        assertThat(armenia.features.keySet()).containsExactly(a, b);
        assertThat(armenia.removals).as("a first copy sends no removals").isZero();

        replace(b, "country", "AZE");
        armenia.sync(10);
        armenia.assertEqualsLive();
        assertThat(armenia.features.keySet()).containsExactly(a);
    }

    @Test
    void badAndExpiredCursorsAreRefusedWithJson() throws Exception {
        for (String bad : List.of("abc", "1", "1.x", "-1.2", "1.2~x")) {
            HttpResponse<String> r = get("/collections/incidents/changes?since=" + bad);
            assertThat(r.statusCode()).as(bad + ": " + r.body()).isEqualTo(400);
            assertThat(json.readTree(r.body()).path("description").asString()).contains("since");
        }
        assertThat(get("/collections/incidents/changes?since=999999999999.1").statusCode()).as("a cursor never given out").isEqualTo(400);
        assertThat(get("/collections/incidents/changes?sortby=-event_date").statusCode()).isEqualTo(400);
        assertThat(get("/collections/incidents/changes?cursor=1").statusCode()).isEqualTo(400);
        assertThat(get("/collections/incidents/changes?f=csv").statusCode()).isEqualTo(400);
        assertThat(get("/collections/incidents/changes?colour=red").statusCode()).isEqualTo(400);

        Mirror mirror = new Mirror("");
        long id = create("Doomed village", "ARM");
        mirror.sync(10);
        String before = mirror.cursor;
        delete(id);
        assertThat(get("/collections/incidents/changes?since=" + before).statusCode()).isEqualTo(200);
        Thread.sleep(5);
        assertThat(changes.purgeTombstones(Duration.ZERO)).isPositive();
        HttpResponse<String> gone = get("/collections/incidents/changes?since=" + before);
        assertThat(gone.statusCode()).as(gone.body()).isEqualTo(410);
        assertThat(gone.headers().firstValue("Content-Type").orElseThrow()).contains("json");
        assertThat(json.readTree(gone.body()).path("description").asString()).contains("copy the collection again");
        // a full copy still works, and continues incrementally
        Mirror fresh = new Mirror("");
        fresh.sync(10);
        fresh.assertEqualsLive();
        assertThat(get("/collections/incidents/changes?since=" + fresh.cursor).statusCode()).isEqualTo(200);
    }

    @Test
    void theCollectionAdvertisesItsChanges() throws Exception {
        JsonNode collection = json.readTree(get("/collections/incidents").body());
        assertThat(ApiClient.link(collection, "changes")).endsWith("/collections/incidents/changes");
        JsonNode api = json.readTree(get("/api").body());
        assertThat(api.path("paths").has("/collections/incidents/changes")).isTrue();
    }
}
