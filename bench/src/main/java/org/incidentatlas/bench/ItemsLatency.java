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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Latency of one items query over HTTP, as a client sees it: sequential GETs on one keep-alive
 * HTTP/1.1 connection, each timed from sending the request to having the whole body (no
 * compression asked for), after a warm-up. Every response must be 200 with the same
 * {@code numberMatched}; that and the expected count (if given) are checked outside the timed part.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.incidentatlas.bench.ItemsLatency \
 *     --url 'http://127.0.0.1:8080/collections/incidents/items?max-border-distance=5000&amp;border=ARM-AZE&amp;limit=100' \
 *     [--warmup 200] [--requests 1000] [--follow-next] [--expect-matched N]
 * </pre>
 *
 * With {@code --follow-next} each request fetches the previous response's {@code next} link (back to
 * the first page after the last), so the run walks deeper pages instead of repeating the first.
 */
public final class ItemsLatency {

    public static void main(String[] args) throws Exception {
        String url = null;
        int warmup = 200;
        int requests = 1000;
        boolean followNext = false;
        Long expect = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--requests" -> requests = Integer.parseInt(args[++i]);
                case "--follow-next" -> followNext = true;
                case "--expect-matched" -> expect = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; usage: --url URL [--warmup N] [--requests N] [--follow-next] [--expect-matched N]");
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("--url is required");
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        JsonMapper json = JsonMapper.builder().build();

        String next = url;
        long[] nanos = new long[requests];
        long matched = -1;
        long bytes = 0;
        long returned = 0;
        int pages = 0;
        int restarts = 0;
        for (int i = -warmup; i < requests; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(next)).timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/geo+json").GET().build();
            long t0 = System.nanoTime();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            long t1 = System.nanoTime();
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode() + " for " + next + ": "
                        + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
            }
            JsonNode body = json.readTree(response.body());
            long m = body.path("numberMatched").asLong(-1);
            if (matched < 0) {
                matched = m;
            } else if (m != matched) {
                throw new IllegalStateException("numberMatched changed from " + matched + " to " + m + " at " + next);
            }
            if (followNext) {
                String link = null;
                for (JsonNode l : body.path("links")) {
                    if ("next".equals(l.path("rel").asString())) {
                        link = l.path("href").asString();
                    }
                }
                if (link == null) {
                    restarts++;
                }
                next = link == null ? url : link;
            }
            if (i >= 0) {
                nanos[i] = t1 - t0;
                bytes += response.body().length;
                returned += body.path("numberReturned").asLong();
                pages++;
            }
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "url            %s%s", url, followNext ? "  (following next links)" : ""));
        lines.add(String.format(Locale.ROOT, "requests       %d after %d warm-up, sequential, 1 connection", requests, warmup));
        lines.add(String.format(Locale.ROOT, "numberMatched  %d%s", matched,
                expect == null ? "" : matched == expect ? " (= expected " + expect + ")" : " (EXPECTED " + expect + ")"));
        lines.add(String.format(Locale.ROOT, "per response   %.1f features, %.0f bytes%s", (double) returned / pages, (double) bytes / pages,
                followNext ? ", " + restarts + " wrap-around(s) to the first page" : ""));
        lines.add(String.format(Locale.ROOT, "latency ms     p50 %.2f  p90 %.2f  p99 %.2f  max %.2f  mean %.2f  min %.2f",
                pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted[sorted.length - 1] / 1e6, mean, sorted[0] / 1e6));
        lines.forEach(System.out::println);
        if (expect != null && matched != expect) {
            System.exit(2);
        }
    }

    /** Nearest-rank percentile, in milliseconds. */
    private static double pct(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }
}
