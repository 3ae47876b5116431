package org.incidentatlas.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.incidentatlas.IncidentAtlasApplication;
import org.incidentatlas.incidents.BorderMetricsJob;
import org.incidentatlas.ingest.ReportManifest;
import org.incidentatlas.testsupport.PostgisTestDatabase;
import org.incidentatlas.testsupport.PostgisTestDatabase.DbCoordinates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Several instances on PostgreSQL's own replication, with real processes: a primary and a hot standby streaming from
 * it (pg_basebackup -R), and service instances started in this JVM on random ports, all writing to the primary and
 * reading from the standby. Reports posted to two instances at once, in shuffled order, give exactly the incidents one
 * instance gives posting them in order, also when one instance is shut down in the middle of a batch; a border-metrics
 * recompute requested on both runs once, and a run whose holder died is resumed; reads on the replica see a write
 * once replayed, the writer reads it from the primary at once; after the primary stops and the standby is promoted,
 * writes resume on the instance pointed at it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicationOnPostgisTest {

    private static final String TOKEN = "replication-test-token";
    private static final int REPORTS = 50;
    private static final int BATCH = 20;
    private static final Path LOG = Path.of("target", "replication-instance.log");

    private static PostgisTestDatabase primary;
    private static PostgisTestDatabase standby;
    private static DbCoordinates database;
    private static DbCoordinates onStandby;
    private static DbCoordinates reference;
    private static Instance first;
    private static Instance second;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One running service instance: in this JVM (context), or in a JVM of its own that can be killed (process). */
    private record Instance(ConfigurableApplicationContext context, Process process, int port) {

        void stop() {
            if (context != null) {
                context.close();
            } else {
                process.destroyForcibly();
            }
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        BorderMetricsJob job() {
            return context.getBean(BorderMetricsJob.class);
        }
    }

    @BeforeAll
    static void servers() {
        primary = PostgisTestDatabase.startPrivate();
        database = primary.createDatabase("replicated");
        reference = primary.createDatabase("reference");
        standby = primary.startStandby();
        onStandby = standby.sameDatabase(database);
    }

    @AfterAll
    static void stopAll() {
        for (Instance i : new Instance[] {first, second}) {
            if (i != null) {
                i.stop();
            }
        }
        if (standby != null) {
            standby.close();
        }
        if (primary != null) {
            primary.close();
        }
    }

    @Test
    @Order(1)
    void reportsPostedToTwoInstancesInParallelAndShuffledGiveTheIncidentsOfOneInstanceInOrderEvenWhenOneIsKilledMidBatch()
            throws Exception {
        List<ObjectNode> reports = reports();
        // two instances starting together on an empty database (migrations, places, borders), and one for the reference
        CompletableFuture<Instance> startFirst = CompletableFuture.supplyAsync(() -> start(database, onStandby));
        // the second in a JVM of its own, killed later
        Instance killable = spawn(database, onStandby);
        // Spring Boot's logging set-up is not safe for two applications starting at once in one JVM: the reference
        // instance starts once the first is up (the two that share the database still start together)
        first = startFirst.get();
        Instance alone = start(reference, null);
        try {
            for (ObjectNode r : reports) {
                HttpResponse<String> posted = post(alone, "/reports", r.toString());
                assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
            }
        } finally {
            alone.context().close();
        }
        List<String> expected = incidentRows(reference);
        assertThat(expected).hasSizeGreaterThan(5);
        second = awaitReady(killable);
        assertThat(count(database, "SELECT count(*) FROM dataset_loads")).isEqualTo(count(reference, "SELECT count(*) FROM dataset_loads"));
        assertThat(count(database, "SELECT count(*) FROM places")).isEqualTo(count(reference, "SELECT count(*) FROM places"));

        List<ObjectNode> shuffled = new ArrayList<>(reports);
        Collections.shuffle(shuffled, new Random(15));
        List<ObjectNode> singles = shuffled.subList(0, REPORTS - BATCH);
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < singles.size(); i++) {
                Instance to = i % 2 == 0 ? first : second;
                String body = singles.get(i).toString();
                answers.add(clients.submit(() -> post(to, "/reports", body)));
            }
            for (Future<HttpResponse<String>> a : answers) {
                assertThat(a.get().statusCode()).as(a.get().body()).isEqualTo(201);
            }
        } finally {
            clients.shutdown();
        }

        // the rest as one batch to the second instance, which is killed (SIGKILL) while it works through it
        ArrayNode batch = JSON.createArrayNode();
        shuffled.subList(REPORTS - BATCH, REPORTS).forEach(batch::add);
        CompletableFuture<Integer> cut = CompletableFuture.supplyAsync(() -> {
            try {
                return post(second, "/reports/batch", batch.toString()).statusCode();
            } catch (IOException | InterruptedException e) {
                return -1;
            }
        });
        long stored = singles.size();
        while (stored < singles.size() + 3 && !cut.isDone()) {
            Thread.sleep(10);
            stored = count(database, "SELECT count(*) FROM reports");
        }
        assertThat(cut.isDone()).as("the batch was still running when its instance stopped").isFalse();
        second.process().destroyForcibly().waitFor();
        second = null;
        assertThat(cut.get()).as("the client of the killed instance got no 200").isNotEqualTo(200);
        long survived = count(database, "SELECT count(*) FROM reports") - singles.size();
        assertThat(survived).isBetween(3L, BATCH - 1L);

        HttpResponse<String> again = post(first, "/reports/batch", batch.toString());
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).path("duplicates").asLong()).isEqualTo(survived);
        assertThat(count(database, "SELECT count(*) FROM reports")).isEqualTo((long) REPORTS);
        assertThat(incidentRows(database)).isEqualTo(expected);
    }

    @Test
    @Order(2)
    void aRecomputeRequestedOnBothInstancesRunsOnceAndARunWhoseHolderDiedIsResumed() throws Exception {
        second = start(database, onStandby);
        long before = status(first).path("run").asLong();
        String layer = "{\"type\": \"Feature\", \"id\": \"TEST-LINE\", \"geometry\": {\"type\": \"LineString\", \"coordinates\": "
                + "[[45.2, 39.9], [45.6, 40.3]]}, \"properties\": {\"name\": \"test line of contact\"}}";
        HttpResponse<String> created = send(first, HttpRequest.newBuilder(first.uri("/borders")).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/geo+json").POST(HttpRequest.BodyPublishers.ofString(layer)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        CompletableFuture<?> a = CompletableFuture.runAsync(() -> first.job().request("test on the first instance"));
        CompletableFuture<?> b = CompletableFuture.runAsync(() -> second.job().request("test on the second instance"));
        CompletableFuture.allOf(a, b).get();
        JsonNode done = awaitDone(second, before);
        // both instances polled (every second) since, and found nothing more to do
        Thread.sleep(2_500);
        assertThat(status(first).path("run").asLong()).isEqualTo(before + 1);
        assertThat(status(second).path("run").asLong()).isEqualTo(before + 1);
        long incidents = count(database, "SELECT count(*) FROM incidents");
        assertThat(done.path("done").asLong()).isEqualTo(done.path("total").asLong()).isEqualTo(incidents);
        assertThat(count(database, "SELECT count(*) FROM incidents WHERE nearest_border = 'TEST-LINE'")).isPositive();

        // an instance died in the middle of a run for a newer border version: its lease expired, the run resumes
        long middle = count(database, "SELECT id FROM incidents ORDER BY id OFFSET " + incidents / 2 + " LIMIT 1");
        long doneBefore = count(database, "SELECT count(*) FROM incidents WHERE id <= " + middle);
        try (Connection c = connect(database); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.executeUpdate("UPDATE border_version SET version = version + 1");
            st.executeUpdate("UPDATE job_leases SET holder = 'crashed-instance', expires_at = CURRENT_TIMESTAMP - INTERVAL '1' SECOND, "
                    + "run_number = run_number + 1, run_state = 'running', target_version = (SELECT version FROM border_version), "
                    + "after_id = " + middle + ", done_count = " + doneBefore + ", total_count = " + incidents
                    + " WHERE name = 'border-metrics'");
            c.commit();
        }
        JsonNode resumed = awaitDone(first, before + 1);
        assertThat(resumed.path("run").asLong()).as("resumed, not started again").isEqualTo(before + 2);
        assertThat(resumed.path("done").asLong()).isEqualTo(incidents);
        assertThat(count(database, "SELECT count(*) FROM job_leases WHERE name = 'border-metrics' AND holder IS NULL "
                + "AND done_version = (SELECT version FROM border_version)")).isEqualTo(1);
    }

    @Test
    @Order(3)
    void readsOnTheReplicaSeeAWriteOnceReplayedWhileTheWriterReadsItFromThePrimaryAtOnce() throws Exception {
        awaitReplayed();
        JsonNode health = JSON.readTree(get(first, "/actuator/health", false).body());
        assertThat(health.at("/components/readReplica/status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/readReplica/details/reads").asString()).isEqualTo("replica");

        execute(onStandby, "SELECT pg_wal_replay_pause()");
        ObjectNode report = JSON.createObjectNode();
        report.put("text", "Artillery fire struck the edge of Jermuk on 7 June 2024, the town's mayor told reporters.");
        report.put("published_at", "2024-06-08");
        HttpResponse<String> posted = post(first, "/reports", report.toString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        JsonNode createdIds = JSON.readTree(posted.body()).path("incidents_created");
        assertThat(createdIds.size()).as(posted.body()).isPositive();
        String item = "/collections/incidents/items/" + createdIds.get(0).asLong();

        assertThat(get(first, item, false).statusCode()).as("the paused replica does not have it yet").isEqualTo(404);
        assertThat(get(first, item, true).statusCode()).as("Cache-Control: no-cache reads the primary").isEqualTo(200);
        JsonNode lagging = JSON.readTree(get(first, "/actuator/health", false).body()).at("/components/readReplica/details");
        assertThat(lagging.path("lagBytes").asLong()).as(lagging.toString()).isPositive();
        assertThat(get(first, "/actuator/health/readiness", false).statusCode()).isEqualTo(200);

        execute(onStandby, "SELECT pg_wal_replay_resume()");
        long t0 = System.nanoTime();
        int status = 404;
        while (status == 404 && System.nanoTime() - t0 < Duration.ofSeconds(10).toNanos()) {
            status = get(first, item, false).statusCode();
        }
        System.out.printf("replication: the replica served the new incident %d ms after replay resumed%n",
                Duration.ofNanos(System.nanoTime() - t0).toMillis());
        assertThat(status).isEqualTo(200);
        long matched = JSON.readTree(get(first, "/collections/incidents/items?limit=1", false).body()).path("numberMatched").asLong();
        assertThat(matched).isEqualTo(count(database, "SELECT count(*) FROM incidents"));
    }

    @Test
    @Order(4)
    void afterThePrimaryStopsAndTheStandbyIsPromotedWritesResumeOnTheInstancePointedAtIt() throws Exception {
        awaitReplayed();
        long incidents = count(database, "SELECT count(*) FROM incidents");
        primary.stopServer(false);
        ObjectNode report = JSON.createObjectNode();
        report.put("text", "Two soldiers were wounded by sniper fire near Sotk on 12 June 2024, the ministry said.");
        report.put("published_at", "2024-06-12");
        assertThat(post(first, "/reports", report.toString()).statusCode()).as("no primary").isEqualTo(503);

        standby.promote();
        first.stop();
        second.stop();
        second = null;
        first = start(onStandby, null);
        HttpResponse<String> posted = post(first, "/reports", report.toString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        assertThat(count(onStandby, "SELECT count(*) FROM incidents")).isGreaterThan(incidents);
        assertThat(get(first, "/actuator/health/readiness", false).statusCode()).isEqualTo(200);
    }

    /**
     * The figures of docs/BENCHMARKS.md, "Replication (issue 15)" (bench/replication.sh; not part of the build):
     * the same reports ingested by one instance and by two, 8 concurrent clients each time, on databases of their own,
     * with the incidents compared; then item reads served by the replica, counted on the standby.
     */
    @Test
    @Order(0)
    @EnabledIfSystemProperty(named = "atlas.bench", matches = "true")
    void benchIngestionOnOneInstanceAgainstTwoAndItemReadsFromTheReplica() throws Exception {
        int n = Integer.getInteger("atlas.bench.reports", 200);
        List<ObjectNode> reports = reports(n, "bench");
        DbCoordinates one = primary.createDatabase("bench_one");
        DbCoordinates two = primary.createDatabase("bench_two");
        DbCoordinates twoOnStandby = standby.sameDatabase(two);
        Instance alone = start(one, null);
        double oneRate;
        try {
            oneRate = ingest(reports, List.of(alone));
        } finally {
            alone.stop();
        }
        Instance a = start(two, twoOnStandby);
        Instance b = start(two, twoOnStandby);
        try {
            double twoRate = ingest(reports, List.of(a, b));
            List<String> expected = incidentRows(one);
            assertThat(count(two, "SELECT count(*) FROM reports")).isEqualTo((long) n);
            assertThat(incidentRows(two)).as("two instances give the incidents one gives").isEqualTo(expected);

            List<Long> ids = new ArrayList<>();
            query(two, "SELECT id FROM incidents ORDER BY id", rs -> ids.add(rs.getLong(1)));
            for (int i = 0; i < 400 && count(two, "SELECT count(*) FROM incidents") != count(twoOnStandby, "SELECT count(*) FROM incidents"); i++) {
                Thread.sleep(50);
            }
            String xacts = "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()";
            long before = count(twoOnStandby, xacts);
            int reads = 1000;
            long t0 = System.nanoTime();
            for (int i = 0; i < reads; i++) {
                HttpResponse<String> r = get(a, "/collections/incidents/items/" + ids.get(i % ids.size()), false);
                assertThat(r.statusCode()).isEqualTo(200);
            }
            double readRate = reads / ((System.nanoTime() - t0) / 1e9);
            Thread.sleep(600); // the statistics collector reports every 500 ms
            long onReplica = count(twoOnStandby, xacts) - before;
            for (long id : ids) {
                String item = "/collections/incidents/items/" + id;
                assertThat(get(a, item, false).body()).as("replica and primary agree").isEqualTo(get(a, item, true).body());
            }
            System.out.printf("replication bench: %d reports, %d incidents | one instance %.1f reports/s | two instances %.1f reports/s"
                    + " | ratio %.2f | item reads %.0f/s, %d of %d transactions on the standby | incidents equal: yes%n",
                    n, ids.size(), oneRate, twoRate, twoRate / oneRate, readRate, onReplica, reads);
            assertThat(onReplica).as("item reads served by the replica").isGreaterThanOrEqualTo(reads);
        } finally {
            a.stop();
            b.stop();
        }
    }

    /** Posts the reports with 8 concurrent clients spread over the instances; reports per second. */
    private static double ingest(List<ObjectNode> reports, List<Instance> instances) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            long t0 = System.nanoTime();
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < reports.size(); i++) {
                Instance to = instances.get(i % instances.size());
                String body = reports.get(i).toString();
                answers.add(clients.submit(() -> post(to, "/reports", body)));
            }
            for (Future<HttpResponse<String>> a : answers) {
                assertThat(a.get().statusCode()).as(a.get().body()).isEqualTo(201);
            }
            return reports.size() / ((System.nanoTime() - t0) / 1e9);
        } finally {
            clients.shutdown();
        }
    }

    // --- instances

    private static Instance start(DbCoordinates db, DbCoordinates replica) {
        String[] args = arguments(db, replica, 0);
        ConfigurableApplicationContext context = IncidentAtlasApplication.application(args).run(args);
        return new Instance(context, null, context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }

    /** An instance in a JVM of its own (this test's class path), its output in target/replication-instance.log. */
    private static Instance spawn(DbCoordinates db, DbCoordinates replica) {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), IncidentAtlasApplication.class.getName()));
        command.addAll(List.of(arguments(db, replica, port)));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(LOG.toFile()).start();
            return new Instance(null, p, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instance awaitReady(Instance spawned) throws Exception {
        long until = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < until) {
            if (!spawned.process().isAlive()) {
                throw new AssertionError("the instance exited with " + spawned.process().exitValue() + ": " + Files.readString(LOG));
            }
            try {
                if (get(spawned, "/actuator/health/readiness", false).statusCode() == 200) {
                    return spawned;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the instance did not become ready: " + Files.readString(LOG));
    }

    private static String[] arguments(DbCoordinates db, DbCoordinates replica, int port) {
        return new String[] {"--server.port=" + port, "--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(), "--atlas.db.read-url=" + (replica == null ? "" : replica.jdbcUrl()),
                "--atlas.write-token=" + TOKEN, "--atlas.demo-data=false", "--atlas.jobs.poll-seconds=1", "--atlas.jobs.lease-seconds=3",
                "--atlas.db.read-max-lag-seconds=60", "--server.shutdown=immediate", "--spring.main.banner-mode=off"};
    }

    // --- the reports: the team's demo reports, each copy made unique by a trailing line; the copies fuse

    private static List<ObjectNode> reports() throws IOException {
        return reports(REPORTS, "copy");
    }

    private static List<ObjectNode> reports(int n, String tag) throws IOException {
        ReportManifest manifest = ReportManifest.parse(resource("MANIFEST.tsv"));
        List<ObjectNode> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, String> row = manifest.rows().get(i % manifest.rows().size());
            ObjectNode r = JSON.createObjectNode();
            r.put("text", resource(row.get("file")) + "\n\n(" + tag + " " + i + ")");
            r.put("published_at", row.get("published_at"));
            r.put("outlet", row.get("outlet"));
            r.put("title", row.get("title"));
            out.add(r);
        }
        return out;
    }

    private static String resource(String file) throws IOException {
        return new ClassPathResource("geodata/demo/reports/" + file).getContentAsString(StandardCharsets.UTF_8);
    }

    // --- the database, read with connections of the test's own

    /** The incidents as an analyst sees them (ids and report ids differ between runs, so they are left out). */
    private static List<String> incidentRows(DbCoordinates db) throws SQLException {
        List<String> out = new ArrayList<>();
        query(db, "SELECT event_date, event_type, place_id, ST_AsText(geom), geo_precision, fatalities, fatalities_low,"
                + " fatalities_high, injured, jsonb_array_length(sources), jsonb_array_length(claims), actor1, actor2,"
                + " (SELECT count(*) FROM report_events e WHERE e.incident_id = i.id), nearest_border, round(border_distance_m)"
                + " FROM incidents i ORDER BY 1, 2, 3, 4, 10", rs -> {
                    StringBuilder row = new StringBuilder();
                    for (int c = 1; c <= 16; c++) {
                        row.append(rs.getString(c)).append(" | ");
                    }
                    out.add(row.toString());
                });
        query(db, "SELECT border_id, band, incidents FROM border_distance_bands ORDER BY 1, 2",
                rs -> out.add("band " + rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)));
        return out;
    }

    /** Waits until the standby has replayed everything the primary wrote. */
    private static void awaitReplayed() throws Exception {
        for (int i = 0; i < 200; i++) {
            if (count(database, "SELECT count(*) FROM incidents") == count(onStandby, "SELECT count(*) FROM incidents")
                    && count(database, "SELECT count(*) FROM pg_stat_replication WHERE replay_lsn = pg_current_wal_lsn()") == 1) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the standby did not catch up");
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(DbCoordinates db, String sql, Row row) throws SQLException {
        try (Connection c = connect(db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                row.read(rs);
            }
        }
    }

    private static void execute(DbCoordinates db, String sql) throws SQLException {
        try (Connection c = connect(db); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static long count(DbCoordinates db, String sql) throws SQLException {
        long[] n = new long[1];
        query(db, sql, rs -> n[0] = rs.getLong(1));
        return n[0];
    }

    private static Connection connect(DbCoordinates db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }

    // --- HTTP

    private static JsonNode status(Instance i) throws Exception {
        return JSON.readTree(get(i, "/borders/recompute", false).body());
    }

    private static JsonNode awaitDone(Instance i, long afterRun) throws Exception {
        for (int n = 0; n < 600; n++) {
            JsonNode s = status(i);
            if (s.path("run").asLong() > afterRun && s.path("state").asString().equals("done")) {
                return s;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the border metrics recompute did not finish: " + status(i));
    }

    private static HttpResponse<String> post(Instance i, String path, String json) throws IOException, InterruptedException {
        return send(i, HttpRequest.newBuilder(i.uri(path)).timeout(Duration.ofMinutes(2)).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static HttpResponse<String> get(Instance i, String path, boolean fromPrimary) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(i.uri(path)).timeout(Duration.ofSeconds(30)).GET();
        if (fromPrimary) {
            request.header("Cache-Control", "no-cache");
        }
        return send(i, request);
    }

    private static HttpResponse<String> send(Instance i, HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
