package org.incidentatlas.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.incidentatlas.ingest.ReportManifest;
import org.incidentatlas.testsupport.PostgisTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * PostgreSQL stopped under a running service, on a server of the test's own: clients get 503 with
 * {@code Retry-After} and a JSON body within 2 s, readiness fails while liveness holds, the gazetteer goes on
 * answering, and the service answers again within 5 s of the database's return without a restart. A crash in the
 * middle of a report batch leaves no report half-written, and the batch posted again ends exactly where a clean run
 * ends.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"atlas.write-token=" + DatabaseOutageOnPostgisTest.TOKEN, "atlas.demo-data=false"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseOutageOnPostgisTest {

    static final String TOKEN = "outage-test-token";
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(2);
    private static final Duration RECOVER_WITHIN = Duration.ofSeconds(5);
    private static final int BATCH = 120;

    private static PostgisTestDatabase server;
    private static PostgisTestDatabase.DbCoordinates database;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void privateServer(DynamicPropertyRegistry registry) {
        server = PostgisTestDatabase.startPrivate();
        database = server.createDatabase("outage");
        registry.add("spring.datasource.url", database::jdbcUrl);
        registry.add("spring.datasource.username", database::user);
        registry.add("spring.datasource.password", database::password);
    }

    @AfterAll
    static void removeServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void whileTheDatabaseIsDownClientsGet503WithRetryAfterAndTheServiceRecoversWithoutARestart() throws Exception {
        assertThat(get("/collections/incidents/items?limit=5").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);

        // A client loop runs through the whole outage: every answer is 200 or a well-formed 503, each within 2 s.
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> badAnswers = new ConcurrentLinkedQueue<>();
        CompletableFuture<Integer> loop = CompletableFuture.supplyAsync(() -> {
            int n = 0;
            while (running.get()) {
                try {
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = get("/collections/incidents/items?limit=5");
                    Duration took = Duration.ofNanos(System.nanoTime() - t0);
                    String problem = problem(r, took);
                    if (problem != null) {
                        badAnswers.add(problem);
                    }
                    n++;
                } catch (IOException | InterruptedException e) {
                    badAnswers.add("request failed: " + e);
                }
            }
            return n;
        });

        server.stopServer(true);
        long downSince = System.nanoTime();
        for (String path : List.of("/collections/incidents/items?limit=5", "/collections/incidents/items/1",
                "/collections/incidents/items?bbox=45,39,46,40", "/reports/1")) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = get(path);
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            assertThat(r.statusCode()).as(path).isEqualTo(503);
            assertThat(problem(r, took)).as(path).isNull();
        }
        HttpResponse<String> write = send(HttpRequest.newBuilder(uri("/reports"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"Shelling was reported near Jermuk on 3 May 2024.\","
                        + " \"published_at\": \"2024-05-04\"}")));
        assertThat(write.statusCode()).isEqualTo(503);
        assertThat(write.headers().firstValue("Retry-After")).isPresent();

        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).as("readiness while the database is down").isEqualTo(503);
        assertThat(get("/actuator/health/liveness").statusCode()).as("liveness: the process is fine").isEqualTo(200);
        HttpResponse<String> health = get("/actuator/health");
        assertThat(json.readTree(health.body()).at("/components/db/status").asString()).isEqualTo("DOWN");
        assertThat(get("/gazetteer/search?q=Jermuk").statusCode()).as("the gazetteer is in memory").isEqualTo(200);

        while (Duration.ofNanos(System.nanoTime() - downSince).compareTo(Duration.ofSeconds(4)) < 0) {
            Thread.sleep(100);
        }
        server.startServer();
        long backSince = System.nanoTime();
        int status = 0;
        while (status != 200 && Duration.ofNanos(System.nanoTime() - backSince).compareTo(Duration.ofSeconds(30)) < 0) {
            status = get("/collections/incidents/items?limit=5").statusCode();
        }
        Duration recovery = Duration.ofNanos(System.nanoTime() - backSince);
        System.out.printf("database outage: service answered again %d ms after PostgreSQL was back%n", recovery.toMillis());
        assertThat(status).isEqualTo(200);
        assertThat(recovery).isLessThanOrEqualTo(RECOVER_WITHIN);
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);

        running.set(false);
        int requests = loop.get();
        assertThat(requests).isPositive();
        assertThat(badAnswers).as("answers of the client loop during the outage").isEmpty();
    }

    @Test
    @Order(2)
    void aCrashInTheMiddleOfABatchLeavesNoHalfWrittenReportAndPostingItAgainReachesTheCleanEndState() throws Exception {
        String batch = batch();
        HttpResponse<String> clean = postBatch(batch);
        assertThat(clean.statusCode()).as(clean.body()).isEqualTo(200);
        Map<String, String> cleanReports = reportRows();
        List<String> cleanIncidents = incidentRows();
        assertThat(cleanReports).hasSize(BATCH);
        assertThat(cleanIncidents).isNotEmpty();
        emptyDatabase();

        CompletableFuture<HttpResponse<String>> cut = CompletableFuture.supplyAsync(() -> {
            try {
                return postBatch(batch);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        int stored = 0;
        while (stored < BATCH / 3 && !cut.isDone()) {
            Thread.sleep(20);
            stored = count("SELECT count(*) FROM reports");
        }
        assertThat(cut.isDone()).as("the batch was still running when PostgreSQL was killed").isFalse();
        server.stopServer(true);
        HttpResponse<String> answer = cut.get();
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        server.startServer();

        // Every report that survived the crash is whole: the same mentions, events and claims as in the clean run.
        // the test server runs with synchronous_commit = off, so a crash may take the last few acknowledged commits
        // with it; what survived must be whole either way
        Map<String, String> survived = reportRows();
        assertThat(survived.size()).isBetween(1, BATCH - 1);
        survived.forEach((digest, parts) -> assertThat(parts).as(digest).isEqualTo(cleanReports.get(digest)));

        HttpResponse<String> again = postBatch(batch);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        JsonNode totals = json.readTree(again.body());
        assertThat(totals.get("duplicates").asInt()).isEqualTo(survived.size());
        assertThat(totals.get("created").asInt()).isEqualTo(BATCH - survived.size());
        assertThat(reportRows()).isEqualTo(cleanReports);
        assertThat(incidentRows()).isEqualTo(cleanIncidents);
    }

    // --- the batch: the team's demo reports, each copy made unique by a trailing line, so none is a duplicate

    private String batch() throws IOException {
        ReportManifest manifest = ReportManifest.parse(resource("MANIFEST.tsv"));
        ArrayNode reports = json.createArrayNode();
        for (int i = 0; i < BATCH; i++) {
            Map<String, String> row = manifest.rows().get(i % manifest.rows().size());
            ObjectNode r = reports.addObject();
            r.put("text", resource(row.get("file")) + "\n\n(copy " + i + ")");
            r.put("published_at", row.get("published_at"));
            r.put("outlet", row.get("outlet"));
            r.put("title", row.get("title"));
        }
        return json.writeValueAsString(reports);
    }

    private static String resource(String file) throws IOException {
        return new ClassPathResource("geodata/demo/reports/" + file).getContentAsString(StandardCharsets.UTF_8);
    }

    // --- what is stored, read with a connection of the test's own

    /** Per report (by digest): its mentions, events and claims, which must be whole or absent. */
    private Map<String, String> reportRows() throws SQLException {
        Map<String, String> out = new TreeMap<>();
        query("SELECT r.content_sha256,"
                + " (SELECT count(*) FROM report_mentions m WHERE m.report_id = r.id),"
                + " (SELECT count(*) FROM report_events e WHERE e.report_id = r.id),"
                + " (SELECT count(*) FROM report_claims c WHERE c.report_id = r.id),"
                + " (SELECT count(*) FROM report_events e WHERE e.report_id = r.id AND e.incident_id IS NULL)"
                + " FROM reports r", rs -> out.put(rs.getString(1),
                        rs.getLong(2) + " mentions, " + rs.getLong(3) + " events, " + rs.getLong(4) + " claims, "
                                + rs.getLong(5) + " events without an incident"));
        return out;
    }

    /** The incidents as an analyst sees them (ids and report ids differ between runs, so they are left out). */
    private List<String> incidentRows() throws SQLException {
        List<String> out = new ArrayList<>();
        query("SELECT event_date, event_type, place_id, ST_AsText(geom), geo_precision, fatalities, fatalities_low,"
                + " fatalities_high, injured, jsonb_array_length(sources), jsonb_array_length(claims), actor1, actor2,"
                + " (SELECT count(*) FROM report_events e WHERE e.incident_id = i.id)"
                + " FROM incidents i ORDER BY 1, 2, 3, 4, 10", rs -> {
                    StringBuilder row = new StringBuilder();
                    for (int c = 1; c <= 14; c++) {
                        row.append(rs.getString(c)).append(" | ");
                    }
                    out.add(row.toString());
                });
        query("SELECT border_id, band, incidents FROM border_distance_bands ORDER BY 1, 2",
                rs -> out.add("band " + rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)));
        return out;
    }

    private void emptyDatabase() throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            for (String table : List.of("report_claims", "report_events", "report_mentions", "reports", "incidents",
                    "border_distance_bands")) {
                st.executeUpdate("DELETE FROM " + table);
            }
        }
    }

    private int count(String sql) throws SQLException {
        int[] n = new int[1];
        query(sql, rs -> n[0] = rs.getInt(1));
        return n[0];
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Row row) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                row.read(rs);
            }
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }

    // --- HTTP

    /** Null when the answer is a 200 or a well-formed 503 within the bound, else what is wrong with it. */
    private String problem(HttpResponse<String> r, Duration took) {
        if (r.statusCode() == 200) {
            return null;
        }
        if (r.statusCode() != 503) {
            return "status " + r.statusCode() + ": " + r.body();
        }
        if (took.compareTo(ANSWER_WITHIN) > 0) {
            return "503 after " + took.toMillis() + " ms";
        }
        if (r.headers().firstValue("Retry-After").isEmpty()) {
            return "503 without Retry-After";
        }
        if (!r.headers().firstValue("Content-Type").orElse("").startsWith("application/json")
                || !"DatabaseUnavailable".equals(json.readTree(r.body()).path("code").asString())) {
            return "503 body: " + r.body();
        }
        return null;
    }

    private HttpResponse<String> postBatch(String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri("/reports/batch")).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
