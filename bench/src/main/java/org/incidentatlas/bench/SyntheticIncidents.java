package org.incidentatlas.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.incidentatlas.borders.Border;
import org.incidentatlas.borders.BorderRegistry;
import org.incidentatlas.borders.BorderSet;
import org.incidentatlas.borders.BorderStore;
import org.incidentatlas.geodata.BorderDataLoader;
import org.incidentatlas.incidents.Casualties;
import org.incidentatlas.incidents.Claim;
import org.incidentatlas.incidents.DatePrecision;
import org.incidentatlas.incidents.EventTaxonomy;
import org.incidentatlas.incidents.FieldError;
import org.incidentatlas.incidents.IncidentData;
import org.incidentatlas.incidents.IncidentLocation;
import org.incidentatlas.incidents.IncidentStore;
import org.incidentatlas.incidents.IncidentValidator;
import org.incidentatlas.incidents.JdbcIncidentStore;
import org.incidentatlas.incidents.SourceRef;
import org.incidentatlas.storage.Migrations;
import org.incidentatlas.storage.PostgisDialect;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import tools.jackson.databind.json.JsonMapper;

/**
 * Generates synthetic incidents into a PostGIS database and times the two bulk paths of the
 * service: storing them with {@link JdbcIncidentStore#createAll} (border metrics computed per
 * incident, as on every write), and recomputing every incident's border metrics with
 * {@link IncidentStore#recomputeBorderMetrics} in batches of 2,000, one after the other, exactly as
 * the background {@code BorderMetricsJob} does.
 *
 * <p>The schema comes from the service's own Flyway migrations ({@code Migrations.locations("postgresql")}),
 * the borders and country polygons from the service's own loader ({@link BorderDataLoader}, which
 * records the data version, so the service started on this database afterwards finds them current
 * and starts no recompute of its own).
 *
 * <p>The incidents are deterministic for a seed: batch {@code b} is generated from
 * {@code new Random(seed * 1_000_003 + b)}, whichever thread stores it (ids may interleave between
 * threads, the stored set is the same). 60 % lie within 20 km of a border (uniform over a disc
 * around a point drawn uniformly along the border's length): half of those at ARM-AZE, a fifth at
 * ARM-AZE-NAKH, the rest spread over the other borders; 40 % uniform over lon 43.5–49.5,
 * lat 38.4–42.0. Dates uniform over 2020-01-01..2025-12-31, ACLED event and sub-event types.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.incidentatlas.bench.SyntheticIncidents \
 *     --url jdbc:postgresql://127.0.0.1:5432/atlas --user atlas --password atlas \
 *     [--count 1000000] [--seed 20261121] [--batch 2000] [--threads 2] [--truncate] [--no-load] [--no-recompute]
 * </pre>
 */
public final class SyntheticIncidents {

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);
    private static final double METRES_PER_DEGREE = 111_320;
    private static final double NEAR_BORDER_SHARE = 0.60;
    private static final double NEAR_RADIUS_M = 20_000;
    private static final double MIN_LON = 43.5, MAX_LON = 49.5, MIN_LAT = 38.4, MAX_LAT = 42.0;
    private static final LocalDate FIRST_DAY = LocalDate.of(2020, 1, 1);
    private static final int DAYS = (int) (LocalDate.of(2025, 12, 31).toEpochDay() - FIRST_DAY.toEpochDay()) + 1;
    /** Recompute batch size: BorderMetricsJob.BATCH. */
    private static final int RECOMPUTE_BATCH = 2_000;

    private static final String[] ARM_ACTORS = {"Military Forces of Armenia (2018-)", "Police Forces of Armenia (2018-)",
        "Civilians (Armenia)"};
    private static final String[] AZE_ACTORS = {"Military Forces of Azerbaijan (2003-)", "Police Forces of Azerbaijan (2003-)",
        "Civilians (Azerbaijan)"};
    private static final String[] OUTLETS = {"Example Wire", "Other Outlet", "Regional Daily", "Ministry statement"};

    private record Options(String url, String user, String password, long count, long seed, int batch, int threads,
                           boolean truncate, boolean load, boolean recompute) {
    }

    /** A border as a list of segments with cumulative lengths, to draw points uniformly along it. */
    private record Track(String borderId, double[] lon1, double[] lat1, double[] lon2, double[] lat2, double[] cumulative) {

        static Track of(Border b) {
            List<double[]> segs = new ArrayList<>();
            Geometry g = b.geometry();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (g.getGeometryN(i) instanceof LineString line) {
                    Coordinate[] c = line.getCoordinates();
                    for (int k = 1; k < c.length; k++) {
                        segs.add(new double[] {c[k - 1].x, c[k - 1].y, c[k].x, c[k].y});
                    }
                }
            }
            int n = segs.size();
            double[] a = new double[n], b1 = new double[n], c2 = new double[n], d = new double[n], cum = new double[n];
            double total = 0;
            for (int i = 0; i < n; i++) {
                double[] s = segs.get(i);
                a[i] = s[0];
                b1[i] = s[1];
                c2[i] = s[2];
                d[i] = s[3];
                double dx = (s[2] - s[0]) * Math.cos(Math.toRadians((s[1] + s[3]) / 2));
                total += Math.hypot(dx, s[3] - s[1]);
                cum[i] = total;
            }
            return new Track(b.id(), a, b1, c2, d, cum);
        }

        double[] pointAlong(Random r) {
            double at = r.nextDouble() * cumulative[cumulative.length - 1];
            int i = java.util.Arrays.binarySearch(cumulative, at);
            i = i >= 0 ? i : Math.min(-i - 1, cumulative.length - 1);
            double start = i == 0 ? 0 : cumulative[i - 1];
            double len = cumulative[i] - start;
            double t = len == 0 ? 0 : (at - start) / len;
            return new double[] {lon1[i] + t * (lon2[i] - lon1[i]), lat1[i] + t * (lat2[i] - lat1[i])};
        }
    }

    private final Options options;
    private final BorderSet borders;
    private final List<Track> tracks = new ArrayList<>();
    private final double[] trackWeights;
    private final List<String> eventTypes = EventTaxonomy.eventTypes();

    private SyntheticIncidents(Options options, BorderSet borders) {
        this.options = options;
        this.borders = borders;
        Map<String, Double> weights = new LinkedHashMap<>();
        List<Border> all = borders.borders();
        long others = all.stream().filter(b -> !b.id().equals("ARM-AZE") && !b.id().equals("ARM-AZE-NAKH")).count();
        for (Border b : all) {
            double w = switch (b.id()) {
                case "ARM-AZE" -> 0.50;
                case "ARM-AZE-NAKH" -> 0.20;
                default -> 0.30 / others;
            };
            weights.put(b.id(), w);
            tracks.add(Track.of(b));
        }
        trackWeights = new double[tracks.size()];
        double sum = 0;
        for (int i = 0; i < tracks.size(); i++) {
            sum += weights.get(tracks.get(i).borderId());
            trackWeights[i] = sum;
        }
        for (int i = 0; i < trackWeights.length; i++) {
            trackWeights[i] /= sum;
        }
    }

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(o.url());
        hc.setUsername(o.user());
        hc.setPassword(o.password());
        hc.setMaximumPoolSize(o.threads() + 2);
        hc.setPoolName("synthetic");
        try (HikariDataSource ds = new HikariDataSource(hc)) {
            run(o, ds);
        }
    }

    private static void run(Options o, DataSource ds) throws Exception {
        long t0 = System.nanoTime();
        var migrate = Flyway.configure().dataSource(ds).locations(Migrations.locations("postgresql")).load().migrate();
        log("Flyway: %d migrations applied, schema at version %s", migrate.migrationsExecuted, migrate.targetSchemaVersion);

        JdbcTemplate jdbc = new JdbcTemplate(ds);
        DataSourceTransactionManager tx = new DataSourceTransactionManager(ds);
        PostgisDialect dialect = new PostgisDialect();
        BorderStore borderStore = new BorderStore(jdbc, tx, dialect);
        // The service's own loader: loads (or keeps) the committed countries and borders and records their version.
        BorderRegistry registry = new BorderRegistry(borderStore, tx, event -> { });
        new BorderDataLoader(borderStore, registry, new org.incidentatlas.storage.DatasetLoads(jdbc), tx, event -> { },
                JsonMapper.builder().build()).load();
        BorderSet set = registry.current();
        log("Borders: %d (%s), countries: %d", set.borders().size(),
                String.join(", ", set.borders().stream().map(Border::id).toList()),
                jdbc.queryForObject("SELECT count(*) FROM countries", Long.class));
        JdbcIncidentStore store = new JdbcIncidentStore(jdbc, tx, dialect, registry::current);

        if (o.truncate()) {
            jdbc.execute("TRUNCATE incidents, incident_border_distances, border_distance_bands RESTART IDENTITY");
            log("Truncated incidents and incident_border_distances");
        }
        SyntheticIncidents generator = new SyntheticIncidents(o, set);
        if (o.load()) {
            long existing = jdbc.queryForObject("SELECT count(*) FROM incidents", Long.class);
            if (existing > 0) {
                throw new IllegalStateException("the database already holds " + existing
                        + " incidents; pass --truncate to replace them, or --no-load to reuse them");
            }
            generator.load(store);
            vacuum(jdbc, "after load");
        }
        long incidents = jdbc.queryForObject("SELECT count(*) FROM incidents", Long.class);
        String before = distanceSummary(jdbc);
        log("Stored: %,d incidents; incident_border_distances: %s", incidents, before);
        if (o.recompute()) {
            recompute(store, set, incidents);
            String after = distanceSummary(jdbc);
            log("After recompute: incident_border_distances: %s (%s)", after,
                    after.equals(before) ? "identical to the load's" : "DIFFERENT from the load's");
            vacuum(jdbc, "after recompute");
        }
        Long within = jdbc.queryForObject("SELECT count(DISTINCT incident_id) FROM incident_border_distances "
                + "WHERE border_id = 'ARM-AZE' AND distance_m <= 5000", Long.class);
        log("Incidents within 5,000 m of ARM-AZE (SQL): %,d", within);
        log("Sizes: incidents %s, incident_border_distances %s, database %s",
                jdbc.queryForObject("SELECT pg_size_pretty(pg_total_relation_size('incidents'))", String.class),
                jdbc.queryForObject("SELECT pg_size_pretty(pg_total_relation_size('incident_border_distances'))", String.class),
                jdbc.queryForObject("SELECT pg_size_pretty(pg_database_size(current_database()))", String.class));
        log("Total: %.1f s", seconds(System.nanoTime() - t0));
    }

    // --- load ---

    private void load(JdbcIncidentStore store) throws Exception {
        int batches = (int) ((options.count() + options.batch() - 1) / options.batch());
        AtomicLong stored = new AtomicLong();
        AtomicLong generateNanos = new AtomicLong();
        AtomicLong storeNanos = new AtomicLong();
        IncidentValidator validator = new IncidentValidator();
        log("Loading %,d incidents in %,d batches of %,d on %d thread(s), seed %d", options.count(), batches, options.batch(),
                options.threads(), options.seed());
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < options.threads(); t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    for (int b = thread; b < batches; b += options.threads()) {
                        long g0 = System.nanoTime();
                        List<IncidentData> batch = batch(b);
                        // cheap guard that the synthetic data is what the API would accept
                        List<FieldError> problems = validator.problems(batch.get(0));
                        if (!problems.isEmpty()) {
                            throw new IllegalStateException("generated an invalid incident: " + problems);
                        }
                        long g1 = System.nanoTime();
                        store.createAll(batch);
                        long g2 = System.nanoTime();
                        generateNanos.addAndGet(g1 - g0);
                        storeNanos.addAndGet(g2 - g1);
                        long done = stored.addAndGet(batch.size());
                        if (done % 100_000 < batch.size()) {
                            log("  %,d stored, %.0f s, %,.0f incidents/s", done, seconds(System.nanoTime() - start),
                                    done / seconds(System.nanoTime() - start));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double elapsed = seconds(System.nanoTime() - start);
        log("LOAD: %,d incidents in %.1f s = %,.0f incidents/s (wall; generation %.1f s and createAll %.1f s summed over threads)",
                stored.get(), elapsed, stored.get() / elapsed, seconds(generateNanos.get()), seconds(storeNanos.get()));
    }

    /** Batch {@code b}: the incidents numbered b*batch .. b*batch+batch-1, from a Random of their own. */
    private List<IncidentData> batch(int b) {
        Random r = new Random(options.seed() * 1_000_003L + b);
        long first = (long) b * options.batch();
        int size = (int) Math.min(options.batch(), options.count() - first);
        List<IncidentData> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(incident(r, first + i));
        }
        return out;
    }

    private IncidentData incident(Random r, long n) {
        double lon, lat;
        if (r.nextDouble() < NEAR_BORDER_SHARE) {
            Track t = pickTrack(r.nextDouble());
            double[] p = t.pointAlong(r);
            double dist = NEAR_RADIUS_M * Math.sqrt(r.nextDouble());
            double bearing = r.nextDouble() * 2 * Math.PI;
            lat = p[1] + dist * Math.cos(bearing) / METRES_PER_DEGREE;
            lon = p[0] + dist * Math.sin(bearing) / (METRES_PER_DEGREE * Math.cos(Math.toRadians(p[1])));
        } else {
            lon = MIN_LON + r.nextDouble() * (MAX_LON - MIN_LON);
            lat = MIN_LAT + r.nextDouble() * (MAX_LAT - MIN_LAT);
        }
        lon = Math.round(lon * 1e6) / 1e6;
        lat = Math.round(lat * 1e6) / 1e6;
        LocalDate day = FIRST_DAY.plusDays(r.nextInt(DAYS));
        String country = borders.side(lon, lat);
        String eventType = eventTypes.get(r.nextInt(eventTypes.size()));
        List<String> subTypes = EventTaxonomy.subEventTypes(eventType);
        String subType = subTypes.get(r.nextInt(subTypes.size()));
        boolean armFirst = r.nextBoolean();
        String actor1 = armFirst ? ARM_ACTORS[r.nextInt(ARM_ACTORS.length)] : AZE_ACTORS[r.nextInt(AZE_ACTORS.length)];
        String actor2 = r.nextInt(4) == 0 ? null
                : armFirst ? AZE_ACTORS[r.nextInt(AZE_ACTORS.length)] : ARM_ACTORS[r.nextInt(ARM_ACTORS.length)];
        int low = r.nextInt(3);
        int best = low + r.nextInt(3);
        int high = best + r.nextInt(3);
        Casualties fatalities = r.nextInt(3) == 0 ? Casualties.UNKNOWN : new Casualties(best, low, high);
        DatePrecision precision = r.nextInt(10) == 0 ? DatePrecision.WEEK : DatePrecision.DAY;
        LocalDate end = precision == DatePrecision.WEEK ? day.plusDays(6) : null;
        String outlet = OUTLETS[r.nextInt(OUTLETS.length)];
        List<SourceRef> sources = List.of(new SourceRef("s1", "https://example.org/synthetic/" + n, outlet, day.plusDays(r.nextInt(3))));
        List<Claim> claims = List.of(new Claim(outlet, fatalities.best(), null, "Synthetic claim " + n + ".", "s1"));
        IncidentLocation location = new IncidentLocation(WGS84.createPoint(new Coordinate(lon, lat)), "Synthetic place " + (n % 5000),
                null, country, null, null, 1 + r.nextInt(2));
        return new IncidentData(day, end, precision, eventType, subType, actor1, actor2, location, fatalities, Casualties.UNKNOWN,
                claims, sources, "synthetic incident " + n);
    }

    private Track pickTrack(double u) {
        for (int i = 0; i < trackWeights.length; i++) {
            if (u < trackWeights[i]) {
                return tracks.get(i);
            }
        }
        return tracks.get(tracks.size() - 1);
    }

    // --- recompute ---

    /** What BorderMetricsJob.runOnce does: batches of 2,000 after the last id, one at a time, until none is left. */
    private static void recompute(IncidentStore store, BorderSet set, long total) {
        log("Recomputing border metrics of all %,d incidents in batches of %,d (as BorderMetricsJob does)", total, RECOMPUTE_BATCH);
        long start = System.nanoTime();
        long done = 0;
        long after = 0;
        while (true) {
            IncidentStore.RecomputedBatch batch = store.recomputeBorderMetrics(set, after, RECOMPUTE_BATCH);
            if (batch.count() == 0) {
                break;
            }
            done += batch.count();
            after = batch.lastId();
            if (done % 100_000 < batch.count()) {
                log("  %,d recomputed, %.0f s, %,.0f incidents/s", done, seconds(System.nanoTime() - start),
                        done / seconds(System.nanoTime() - start));
            }
        }
        double elapsed = seconds(System.nanoTime() - start);
        log("RECOMPUTE: %,d incidents in %.1f s = %,.0f incidents/s", done, elapsed, done / elapsed);
    }

    // --- helpers ---

    private static void vacuum(JdbcTemplate jdbc, String when) {
        long start = System.nanoTime();
        jdbc.execute("VACUUM ANALYZE incidents");
        jdbc.execute("VACUUM ANALYZE incident_border_distances");
        log("VACUUM ANALYZE %s: %.1f s", when, seconds(System.nanoTime() - start));
    }

    private static String distanceSummary(JdbcTemplate jdbc) {
        // numeric sums are exact, so the figure does not depend on the order rows are read in
        return jdbc.queryForObject("SELECT to_char(count(*), 'FM999,999,999') || ' rows, sum(distance_m) = '"
                + " || round(sum(distance_m::numeric), 6) FROM incident_border_distances", String.class);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[%tT] %s%n", System.currentTimeMillis(), String.format(Locale.ROOT, format, args));
    }

    private static Options parse(String[] args) {
        String url = null, user = null, password = null;
        long count = 1_000_000, seed = 20261121;
        int batch = 2_000, threads = 2;
        boolean truncate = false, load = true, recompute = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--user" -> user = args[++i];
                case "--password" -> password = args[++i];
                case "--count" -> count = Long.parseLong(args[++i].replace("_", "").replace(",", ""));
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--truncate" -> truncate = true;
                case "--no-load" -> load = false;
                case "--no-recompute" -> recompute = false;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; usage: --url JDBC --user U --password P [--count N] [--seed S] [--batch B] [--threads T] "
                        + "[--truncate] [--no-load] [--no-recompute]");
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("--url jdbc:postgresql://host:port/db is required");
        }
        return new Options(url, user, password, count, seed, batch, threads, truncate, load, recompute);
    }
}
