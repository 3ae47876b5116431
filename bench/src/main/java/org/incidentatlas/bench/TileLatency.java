package org.incidentatlas.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Vector tile latency and throughput over HTTP. Tiles are drawn uniformly (fixed seed) from the
 * columns and rows of one zoom that cover a lon/lat box. Latency: each tile fetched once in full
 * ("cold": the service renders it; it keeps no tile cache) and then revalidated with its ETag
 * ("warm": what a browser or proxy cache costs, a 304), sequentially on one connection.
 * Throughput: {@code --threads} clients fetch random tiles in full for {@code --seconds}.
 * No dependencies: runs as {@code java bench/src/main/java/org/incidentatlas/bench/TileLatency.java …}.
 *
 * <pre>
 * TileLatency --base http://127.0.0.1:8080 --zoom 11 --box 43.5,38.4,49.5,42.0 [--tiles 200]
 *             [--threads 8 --seconds 20] [--query 'event_type=Battles'] [--plain /conformance]
 * </pre>
 * With {@code --plain PATH} the throughput clients fetch that one cheap endpoint instead of tiles: the
 * "plain HTTP loop", what the service's HTTP path alone costs on the same machine in the same run.
 */
public final class TileLatency {

    public static void main(String[] args) throws Exception {
        String base = null;
        String query = "";
        String plain = null;
        int zoom = 11;
        int tiles = 200;
        int threads = 0;
        int seconds = 20;
        double[] box = {43.5, 38.4, 49.5, 42.0};
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--base" -> base = args[++i];
                case "--zoom" -> zoom = Integer.parseInt(args[++i]);
                case "--tiles" -> tiles = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--query" -> query = args[++i];
                case "--plain" -> plain = args[++i];
                case "--box" -> box = Arrays.stream(args[++i].split(",")).mapToDouble(Double::parseDouble).toArray();
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        int[] range = range(zoom, box);
        String prefix = base + "/collections/incidents/tiles/WebMercatorQuad/" + zoom + "/";
        String suffix = query.isEmpty() ? "" : "?" + query;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        SplittableRandom random = new SplittableRandom(20261201L + zoom);
        if (threads == 0) {
            long[] cold = new long[tiles];
            long[] warm = new long[tiles];
            long bytes = 0;
            int empty = 0;
            for (int i = 0; i < tiles; i++) {
                URI uri = URI.create(prefix + tile(random, range) + suffix);
                long t0 = System.nanoTime();
                HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
                cold[i] = System.nanoTime() - t0;
                check(r, 200, uri);
                bytes += r.body().length;
                empty += r.body().length == 0 ? 1 : 0;
                String etag = r.headers().firstValue("ETag").orElseThrow();
                t0 = System.nanoTime();
                HttpResponse<byte[]> again = client.send(HttpRequest.newBuilder(uri).header("If-None-Match", etag).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                warm[i] = System.nanoTime() - t0;
                check(again, 304, uri);
            }
            System.out.printf(Locale.ROOT, "zoom %d, %d tiles (cols %d-%d, rows %d-%d), %d empty, mean %.1f kB%n", zoom, tiles,
                    range[0], range[1], range[2], range[3], empty, bytes / 1024.0 / tiles);
            System.out.println("  cold (rendered): " + percentiles(cold));
            System.out.println("  warm (ETag 304): " + percentiles(warm));
            return;
        }
        URI plainUri = plain == null ? null : URI.create(base + plain);
        AtomicLong done = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            SplittableRandom own = random.split();
            HttpClient c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Thread w = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        URI uri = plainUri != null ? plainUri : URI.create(prefix + tile(own, range) + suffix);
                        HttpResponse<byte[]> r = c.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
                        check(r, 200, uri);
                        done.incrementAndGet();
                        bytes.addAndGet(r.body().length);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            w.start();
            workers.add(w);
        }
        for (Thread w : workers) {
            w.join();
        }
        // over the time until the last request in flight at the deadline has its answer, as pgbench counts
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%s, %d connections, %.1f s: %d %s = %.2f %s/s (mean %.1f kB)%n",
                plain == null ? "zoom " + zoom : "plain HTTP " + plain, threads, elapsed, done.get(), plain == null ? "tiles" : "requests",
                done.get() / elapsed, plain == null ? "tiles" : "requests", bytes.get() / 1024.0 / Math.max(1, done.get()));
    }

    /** First and last column, first and last row of the tiles over the box. */
    static int[] range(int z, double[] box) {
        return new int[] {col(z, box[0]), col(z, box[2]), row(z, box[3]), row(z, box[1])};
    }

    static int col(int z, double lon) {
        return (int) Math.floor((lon + 180) / 360 * (1 << z));
    }

    static int row(int z, double lat) {
        double r = Math.toRadians(lat);
        return (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * (1 << z));
    }

    static String tile(SplittableRandom random, int[] range) {
        return random.nextInt(range[2], range[3] + 1) + "/" + random.nextInt(range[0], range[1] + 1);
    }

    static void check(HttpResponse<byte[]> r, int status, URI uri) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(uri + ": " + r.statusCode() + " " + new String(r.body()));
        }
    }

    static String percentiles(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms", ms(s, 0.50), ms(s, 0.90),
                ms(s, 0.99), s[s.length - 1] / 1e6);
    }

    static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
