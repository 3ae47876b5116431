package org.incidentatlas.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.incidentatlas.testsupport.ApiClient;
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
 * Report ingestion over real HTTP on each backend, with a scripted extractor (events written out
 * in the test reports) so that what is tested is the pipeline — storage, idempotency, fusion,
 * review state, provenance, errors — not extraction quality. The reports are the team's own text.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"atlas.write-token=" + ReportApiContract.TOKEN, "atlas.demo-data=false"})
@Import(ScriptedExtractor.Config.class)
abstract class ReportApiContract {

    static final String TOKEN = "report-test-token";
    static final String AUTH = "Bearer " + TOKEN;
    static final String SHELLING = "type=Explosions/Remote violence; sub=Shelling/artillery/missile attack";

    private final ApiClient api = new ApiClient(() -> this.port);
    private final JsonMapper json = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void emptyDatabase() {
        for (String table : List.of("report_claims", "report_events", "report_mentions", "reports", "incidents", "border_distance_bands")) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    // --- helpers ---

    HttpResponse<String> send(String method, String path, byte[] body, String... headers) throws IOException, InterruptedException {
        return api.sendBytes(method, path, body, headers);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    HttpResponse<String> postJson(String path, String body) throws IOException, InterruptedException {
        return send("POST", path, body.getBytes(StandardCharsets.UTF_8), "Authorization", AUTH, "Content-Type", "application/json");
    }

    JsonNode body(HttpResponse<String> r) {
        return api.body(r);
    }

    /** A report JSON body: our own wording around scripted events. */
    String report(String text, String publishedAt, String... events) {
        ObjectNode o = json.createObjectNode();
        StringBuilder t = new StringBuilder(text);
        for (String e : events) {
            t.append(" [[event ").append(e).append("]]");
        }
        o.put("text", t.toString());
        o.put("title", text.length() > 40 ? text.substring(0, 40) : text);
        o.put("outlet", "Test Wire");
        if (publishedAt != null) {
            o.put("published_at", publishedAt);
        }
        return o.toString();
    }

    JsonNode ingest(String reportJson) throws Exception {
        HttpResponse<String> r = postJson("/reports", reportJson);
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
        return body(r);
    }

    long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }

    JsonNode incidents() throws Exception {
        HttpResponse<String> r = get("/collections/incidents/items?limit=1000");
        assertThat(r.statusCode()).isEqualTo(200);
        return body(r).path("features");
    }

    // --- tests ---

    @Test
    void aNewReportIs201AndTheSameTextAgainIs200WithNothingNew() throws Exception {
        String report = report("Shelling hit the outskirts of Goris overnight, local officials said.", "2022-09-13",
                "date=2022-09-13; place=Goris; " + SHELLING + "; claimant=Ministry of Defence of Armenia; side=ARM; killed=2");
        HttpResponse<String> first = postJson("/reports", report);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        JsonNode created = body(first);
        long id = created.path("id").asLong();
        assertThat(first.headers().firstValue("Location").orElseThrow()).endsWith("/reports/" + id);
        assertThat(created.path("created").asBoolean()).isTrue();
        assertThat(created.path("incidents_created").size()).isEqualTo(1);
        long incidents = count("incidents");
        long mentions = count("report_mentions");

        HttpResponse<String> again = postJson("/reports", report);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(body(again).path("id").asLong()).isEqualTo(id);
        assertThat(body(again).path("created").asBoolean()).isFalse();
        assertThat(body(again).path("incidents_created").size()).isZero();
        assertThat(count("reports")).isEqualTo(1);
        assertThat(count("incidents")).isEqualTo(incidents);
        assertThat(count("report_mentions")).isEqualTo(mentions);
    }

    @Test
    void plainTextWithQueryMetadataAndTheReportShowsItsMentionsWithOffsets() throws Exception {
        String text = "Our correspondent reports a sniper attack near Jermuk. [[event date=2024-02-10; place=Jermuk; "
                + "type=Battles; sub=Armed clash; claimant=Ministry of Defence of Armenia; side=ARM; injured=1]]";
        HttpResponse<String> r = send("POST", "/reports?title=Jermuk%20sniper&outlet=Test%20Wire&published_at=2024-02-11&language=en",
                text.getBytes(StandardCharsets.UTF_8), "Authorization", AUTH, "Content-Type", "text/plain; charset=utf-8");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        long id = body(r).path("id").asLong();

        JsonNode report = body(get("/reports/" + id));
        assertThat(report.path("title").asString()).isEqualTo("Jermuk sniper");
        assertThat(report.path("outlet").asString()).isEqualTo("Test Wire");
        assertThat(report.path("published_at").asString()).startsWith("2024-02-11");
        assertThat(report.path("language").asString()).isEqualTo("en");
        assertThat(report.path("text").asString()).isEqualTo(text);
        JsonNode mentions = report.path("mentions");
        assertThat(mentions.size()).isGreaterThanOrEqualTo(2);
        List<String> kinds = new ArrayList<>();
        for (JsonNode m : mentions) {
            kinds.add(m.path("kind").asString());
            assertThat(text.substring(m.path("start").asInt(), m.path("end").asInt())).isEqualTo(m.path("text").asString());
        }
        assertThat(kinds).contains("place", "date", "figure");
        JsonNode place = mentions.valueStream().filter(m -> m.path("kind").asString().equals("place")).findFirst().orElseThrow();
        assertThat(place.path("text").asString()).isEqualTo("Jermuk");
        assertThat(place.path("resolved").asString()).isNotBlank();
        assertThat(report.path("incidents").size()).isEqualTo(1);

        JsonNode fc = body(get("/reports/" + id + "/incidents"));
        assertThat(fc.path("type").asString()).isEqualTo("FeatureCollection");
        assertThat(fc.path("features").size()).isEqualTo(1);
        assertThat(fc.path("features").get(0).path("properties").path("location_name").asString()).isEqualTo("Jermuk");
        assertThat(get("/reports/999999").statusCode()).isEqualTo(404);
        assertThat(get("/reports/abc/incidents").statusCode()).isEqualTo(404);
    }

    @Test
    void batchesAsJsonArrayAndAsNdjson() throws Exception {
        String a = report("Report A on shelling at Sotk.", "2022-09-13", "date=2022-09-13; place=Sotk; " + SHELLING);
        String b = report("Report B on shelling at Kapan.", "2022-09-13", "date=2022-09-13; place=Kapan; " + SHELLING);
        String c = report("Report C on shelling at Vardenis.", "2022-09-13", "date=2022-09-13; place=Vardenis; " + SHELLING);
        HttpResponse<String> r = postJson("/reports/batch", "[" + a + "," + b + "]");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(body(r).path("reports").asInt()).isEqualTo(2);
        assertThat(body(r).path("created").asInt()).isEqualTo(2);
        assertThat(body(r).path("results").size()).isEqualTo(2);
        assertThat(body(r).path("incidents_created").size()).isEqualTo(2);

        HttpResponse<String> nd = send("POST", "/reports/batch", (b + "\n" + c + "\n").getBytes(StandardCharsets.UTF_8),
                "Authorization", AUTH, "Content-Type", "application/x-ndjson");
        assertThat(nd.statusCode()).as(nd.body()).isEqualTo(200);
        assertThat(body(nd).path("created").asInt()).isEqualTo(1);
        assertThat(body(nd).path("duplicates").asInt()).isEqualTo(1);
        assertThat(body(nd).path("results").get(0).path("created").asBoolean()).isFalse();
        assertThat(count("reports")).isEqualTo(3);
        assertThat(incidents().size()).isEqualTo(3);
    }

    @Test
    void badReportsAre4xxJsonAndStoreNothing() throws Exception {
        String good = report("A good report about Goris.", "2022-09-13", "date=2022-09-13; place=Goris; " + SHELLING);
        byte[] latin1 = "Schie\u00dferei bei Goris".getBytes(StandardCharsets.ISO_8859_1);
        String huge = "x".repeat((1 << 20) + 1);
        List<Map.Entry<Integer, HttpResponse<String>>> answers = List.of(
                Map.entry(400, postJson("/reports", "{\"text\": \"\"}")),
                Map.entry(400, postJson("/reports", "{\"text\": \"   \\n \"}")),
                Map.entry(400, postJson("/reports", "{\"title\": \"no text\"}")),
                Map.entry(400, postJson("/reports", "{\"text\": 42}")),
                Map.entry(400, postJson("/reports", "{\"text\": \"ok\", \"publishd_at\": \"2022-01-01\"}")),
                Map.entry(400, postJson("/reports", "{\"text\": \"ok\", \"published_at\": \"13/09/2022\"}")),
                Map.entry(400, postJson("/reports", "{\"text\": \"ok\", \"published_at\": \"2022-02-30\"}")),
                Map.entry(400, postJson("/reports", "{\"text\": \"ok\"")),
                Map.entry(413, postJson("/reports", "{\"text\": \"" + huge + "\"}")),
                Map.entry(413, send("POST", "/reports", huge.getBytes(StandardCharsets.UTF_8), "Authorization", AUTH,
                        "Content-Type", "text/plain")),
                Map.entry(400, send("POST", "/reports", latin1, "Authorization", AUTH, "Content-Type", "text/plain")),
                Map.entry(400, send("POST", "/reports", ("{\"text\": \"" + new String(latin1, StandardCharsets.ISO_8859_1) + "\"}")
                        .getBytes(StandardCharsets.ISO_8859_1), "Authorization", AUTH, "Content-Type", "application/json")),
                Map.entry(400, send("POST", "/reports?published_at=yesterday", "Shelling at Goris".getBytes(StandardCharsets.UTF_8),
                        "Authorization", AUTH, "Content-Type", "text/plain")),
                Map.entry(400, postJson("/reports/batch", "[" + good + ", {\"text\": \"\"}]")),
                Map.entry(400, postJson("/reports/batch", "[]")),
                Map.entry(400, postJson("/reports/batch", "{\"text\": \"not an array\"}")),
                Map.entry(413, postJson("/reports/batch", "[" + String.join(",", java.util.Collections.nCopies(1001, "{\"text\": \"t\"}")) + "]")),
                Map.entry(401, send("POST", "/reports", good.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json")));
        for (Map.Entry<Integer, HttpResponse<String>> a : answers) {
            assertThat(a.getValue().statusCode()).as(a.getValue().body()).isEqualTo(a.getKey());
            assertThat(a.getValue().headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            assertThat(body(a.getValue()).path("code").asString()).isNotBlank();
            assertThat(body(a.getValue()).path("description").asString()).isNotBlank();
        }
        assertThat(count("reports")).isZero();
        assertThat(count("incidents")).isZero();
        assertThat(count("report_mentions")).isZero();
    }

    @Test
    void aReportWithNoDateAtAllGivesTheYearUpToItsArrivalNeverADay() throws Exception {
        JsonNode result = ingest(report("Artillery fire was reported near Jermuk; no date was given.", null,
                "place=Jermuk; " + SHELLING + "; confidence=0.6"));
        assertThat(result.path("incidents_created").size()).isEqualTo(1);
        JsonNode p = incidents().get(0).path("properties");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        assertThat(p.path("date_precision").asString()).isEqualTo("year");
        assertThat(p.path("event_date").asString()).isEqualTo(today.withDayOfYear(1).toString());
        java.time.LocalDate end = java.time.LocalDate.parse(p.path("event_date_end").asString());
        assertThat(end).isBetween(today.minusDays(1), today);
        assertThat(p.path("confidence").asDouble()).isEqualTo(0.3);
    }

    @Test
    void aReviewedIncidentIsNeverOverwrittenByLaterReports() throws Exception {
        JsonNode first = ingest(report("First report of shelling at Goris.", "2022-09-13",
                "date=2022-09-13; place=Goris; " + SHELLING + "; claimant=Ministry of Defence of Armenia; side=ARM; killed=2"));
        long id = first.path("incidents_created").get(0).asLong();
        HttpResponse<String> item = get("/collections/incidents/items/" + id);
        ObjectNode feature = (ObjectNode) body(item);
        assertThat(feature.path("properties").path("status").asString()).isEqualTo("extracted");
        ObjectNode props = (ObjectNode) feature.path("properties");
        props.put("status", "reviewed");
        props.put("notes", "Checked against the ministry's statement.");
        feature.remove("links");
        HttpResponse<String> put = send("PUT", "/collections/incidents/items/" + id, feature.toString().getBytes(StandardCharsets.UTF_8),
                "Authorization", AUTH, "Content-Type", "application/geo+json",
                "If-Match", item.headers().firstValue("ETag").orElseThrow());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        JsonNode reviewed = body(put).path("properties");
        assertThat(reviewed.path("status").asString()).isEqualTo("reviewed");

        JsonNode second = ingest(report("A second outlet says more died at Goris.", "2022-09-14",
                "date=2022-09-13; place=Goris; " + SHELLING + "; claimant=Ministry of Defence of Azerbaijan; side=ARM; killed=7"));
        assertThat(second.path("incidents_created").size()).isZero();
        assertThat(second.path("incidents_updated").size()).isZero();
        assertThat(second.path("incidents_linked").get(0).asLong()).isEqualTo(id);
        JsonNode after = body(get("/collections/incidents/items/" + id)).path("properties");
        assertThat(after.path("version").asInt()).isEqualTo(reviewed.path("version").asInt());
        assertThat(after.path("fatalities").asInt()).isEqualTo(2);
        assertThat(after.path("notes").asString()).isEqualTo("Checked against the ministry's statement.");
        assertThat(after.path("status").asString()).isEqualTo("reviewed");
        // the new report still knows which incident it is about
        JsonNode fromSecond = body(get("/reports/" + second.path("id").asLong() + "/incidents")).path("features");
        assertThat(fromSecond.size()).isEqualTo(1);
        assertThat(fromSecond.get(0).path("id").asLong()).isEqualTo(id);
        assertThat(count("incidents")).isEqualTo(1);

        // status and confidence are validated on writes
        props.put("status", "approved");
        props.put("confidence", 1.5);
        HttpResponse<String> bad = send("PUT", "/collections/incidents/items/" + id, feature.toString().getBytes(StandardCharsets.UTF_8),
                "Authorization", AUTH, "Content-Type", "application/geo+json");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("properties.status", "properties.confidence");
    }

    @Test
    void provenanceIsVisibleOnTheIncident() throws Exception {
        String body = report("Attack reported at Sotk, defence ministry says.", "2022-09-13",
                "date=2022-09-13; place=Sotk; " + SHELLING + "; claimant=Ministry of Defence of Armenia; side=ARM; killed=3; confidence=0.8");
        JsonNode r = ingest(body);
        long reportId = r.path("id").asLong();
        String text = body(get("/reports/" + reportId)).path("text").asString();
        long id = r.path("incidents_created").get(0).asLong();
        JsonNode p = body(get("/collections/incidents/items/" + id)).path("properties");
        assertThat(p.path("status").asString()).isEqualTo("extracted");
        assertThat(p.path("confidence").asDouble()).isEqualTo(0.8);
        assertThat(p.path("fatalities").asInt()).isEqualTo(3);
        JsonNode source = p.path("sources").get(0);
        assertThat(source.path("report").asLong()).isEqualTo(reportId);
        assertThat(source.path("outlet").asString()).isEqualTo("Test Wire");
        assertThat(source.path("published").asString()).isEqualTo("2022-09-13");
        JsonNode span = source.path("spans").get(0);
        assertThat(text.substring(span.path("start").asInt(), span.path("end").asInt())).startsWith("[[event").contains("Sotk");
        JsonNode claim = p.path("claims").get(0);
        assertThat(claim.path("source").asString()).isEqualTo(source.path("id").asString());
        assertThat(claim.path("claimant").asString()).isEqualTo("Ministry of Defence of Armenia");
        assertThat(claim.path("fatalities").asInt()).isEqualTo(3);
        assertThat(text.substring(claim.path("span").path("start").asInt(), claim.path("span").path("end").asInt())).isEqualTo("3");
    }

    @Test
    void fusionMergesReportsOfOneEventAndKeepsEveryClaim() throws Exception {
        ingest(report("Agency one: two killed at Goris.", "2022-09-13",
                "date=2022-09-13; place=Goris; " + SHELLING + "; claimant=Ministry of Defence of Armenia; side=ARM; killed=2"));
        JsonNode second = ingest(report("Agency two: the other side says five died at Goris.", "2022-09-14",
                "date=2022-09-14; place=Goris; type=Battles; sub=Armed clash; claimant=Ministry of Defence of Azerbaijan; side=ARM; killed=5"));
        ingest(report("Agency three: shelling at Kapan, far away.", "2022-09-13", "date=2022-09-13; place=Kapan; " + SHELLING));
        assertThat(second.path("incidents_updated").size()).isEqualTo(1);
        JsonNode features = incidents();
        assertThat(features.size()).isEqualTo(2);
        JsonNode goris = features.valueStream().filter(f -> f.path("properties").path("location_name").asString().equals("Goris"))
                .findFirst().orElseThrow().path("properties");
        assertThat(goris.path("sources").size()).isEqualTo(2);
        assertThat(goris.path("claims").size()).isEqualTo(2);
        // two claimants' figures for the same side's losses: alternatives, visible as such in the claims
        assertThat(goris.path("claims").valueStream().map(c -> c.path("claimant").asString() + "/" + c.path("side").asString()).toList())
                .containsExactlyInAnyOrder("Ministry of Defence of Armenia/ARM", "Ministry of Defence of Azerbaijan/ARM");
        assertThat(goris.path("fatalities_low").asInt()).isEqualTo(2);
        assertThat(goris.path("fatalities_high").asInt()).isEqualTo(5);
        assertThat(goris.path("event_date").asString()).isEqualTo("2022-09-13");
    }

    @Test
    void oneClashToldByEachSideIsOneIncidentAtTheVillageWithBothSidesLossesAdded() throws Exception {
        List<String> reports = List.of(
                report("Yerevan: Azerbaijani fire on Sotk, two of ours killed.", "2023-06-13",
                        "date=2023-06-12; place=Sotk; " + SHELLING + "; actor1=Military Forces of Azerbaijan; "
                                + "claimant=Ministry of Defence of Armenia; side=ARM; killed=2"),
                report("Baku: Armenian fire on our positions in the Kalbajar direction, one of ours killed.", "2023-06-13",
                        "date=2023-06-12; place=Kalbajar direction; type=Battles; sub=Armed clash; actor1=Military Forces of Armenia; "
                                + "claimant=Ministry of Defence of Azerbaijan; side=AZE; killed=1"),
                report("Kapan: unrelated shots the same night.", "2023-06-13",
                        "date=2023-06-12; place=Kapan; " + SHELLING + "; actor1=Military Forces of Azerbaijan"));
        assertThat(sameIncidentsInEveryOrder(reports, List.of(List.of(0, 1, 2), List.of(2, 1, 0), List.of(1, 2, 0)))).hasSize(2);
        JsonNode sotk = incidentAt("Sotk");
        assertThat(sotk.path("sources").size()).isEqualTo(2);
        assertThat(sotk.path("claims").valueStream().map(c -> c.path("claimant").asString() + "/" + c.path("side").asString()).toList())
                .containsExactlyInAnyOrder("Ministry of Defence of Armenia/ARM", "Ministry of Defence of Azerbaijan/AZE");
        // each side's own losses add up
        assertThat(sotk.path("fatalities").asInt()).isEqualTo(3);
        assertThat(sotk.path("geo_precision").asInt()).isEqualTo(1);
    }

    @Test
    void fusionDoesNotDependOnTheOrderReportsArrive() throws Exception {
        List<String> reports = List.of(
                report("Day one: shelling at Goris.", "2022-09-13",
                        "date=2022-09-13; place=Goris; " + SHELLING + "; claimant=Ministry of Defence of Armenia; side=ARM; killed=2; confidence=0.6"),
                report("Day two: fighting continued at Goris.", "2022-09-14",
                        "date=2022-09-14; place=Goris; type=Battles; sub=Armed clash; claimant=Ministry of Defence of Azerbaijan; side=AZE; killed=1"),
                report("Day three: Goris again.", "2022-09-15",
                        "date=2022-09-15; place=Goris; " + SHELLING + "; side=ARM; killed=4; killed_low=3; confidence=0.3"),
                report("Meanwhile at Jermuk and Sotk.", "2022-09-13",
                        "date=2022-09-13; place=Jermuk; " + SHELLING + "; injured=2", "date=2022-09-13; place=Sotk; " + SHELLING));
        List<List<Integer>> orders = List.of(List.of(0, 1, 2, 3), List.of(2, 0, 3, 1), List.of(3, 2, 1, 0), List.of(0, 2, 3, 1));
        // Goris on days 1-3 is one chain of adjacent days: one incident; Jermuk and Sotk are their own
        assertThat(sameIncidentsInEveryOrder(reports, orders)).hasSize(3);
        JsonNode goris = incidentAt("Goris");
        assertThat(goris.path("sources").size()).isEqualTo(3);
        assertThat(goris.path("claims").size()).isEqualTo(3);
        // ARM side: 2 or 3-4 (median 2, range 2-4); AZE side: 1 → 3, 3..5
        assertThat(goris.path("fatalities").asInt()).isEqualTo(3);
        assertThat(goris.path("fatalities_low").asInt()).isEqualTo(3);
        assertThat(goris.path("fatalities_high").asInt()).isEqualTo(5);
    }

    /** The incidents as order-independent text: no ids, report ids, timestamps or versions. */
    private List<String> snapshot() throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode f : incidents()) {
            ObjectNode copy = (ObjectNode) f.deepCopy();
            copy.remove("id");
            ObjectNode p = (ObjectNode) copy.path("properties");
            p.remove(List.of("id", "created_at", "updated_at", "version"));
            p.path("sources").forEach(s -> ((ObjectNode) s).remove("report"));
            out.add(copy.toString());
        }
        out.sort(null);
        return out;
    }

    @Test
    void theReportEndpointsAreInTheOpenApiDocument() throws Exception {
        JsonNode paths = body(get("/api")).path("paths");
        assertThat(paths.has("/reports")).isTrue();
        assertThat(paths.has("/reports/batch")).isTrue();
        assertThat(paths.has("/reports/{reportId}")).isTrue();
        assertThat(paths.has("/reports/{reportId}/incidents")).isTrue();
    }

    /** Ingests the reports in each order into an empty database; every order must give the first's incidents. */
    private List<String> sameIncidentsInEveryOrder(List<String> reports, List<List<Integer>> orders) throws Exception {
        List<String> expected = null;
        for (List<Integer> order : orders) {
            emptyDatabase();
            for (int i : order) {
                ingest(reports.get(i));
            }
            List<String> snapshot = snapshot();
            if (expected == null) {
                expected = snapshot;
            } else {
                assertThat(snapshot).as("order " + order).isEqualTo(expected);
            }
        }
        return expected;
    }

    /** The properties of the stored incident at this location name. */
    private JsonNode incidentAt(String locationName) throws Exception {
        return incidents().valueStream().filter(f -> f.path("properties").path("location_name").asString().equals(locationName))
                .findFirst().orElseThrow().path("properties");
    }
}
