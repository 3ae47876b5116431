package org.incidentatlas.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.IntSupplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one HTTP helper of the API contracts: requests to the service under test (a real server on
 * a random port), JSON bodies, and walking feature pages by their links. Demo incidents are named
 * by the first word of their location.
 */
public final class ApiClient {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final IntSupplier port;

    /** {@code port} is read at each request, so a test may build the client before Spring injects the port. */
    public ApiClient(IntSupplier port) {
        this.port = port;
    }

    public String url(String pathAndQuery) {
        return pathAndQuery.startsWith("http") ? pathAndQuery : "http://localhost:" + port.getAsInt() + pathAndQuery;
    }

    /** A request to the service: a path (or an absolute URL) and header name/value pairs. */
    public HttpRequest.Builder request(String pathAndQuery, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(pathAndQuery)));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return b;
    }

    public HttpResponse<String> get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
        return send(request(pathAndQuery, headers).GET());
    }

    public HttpResponse<byte[]> getBytes(String pathAndQuery, String... headers) throws IOException, InterruptedException {
        return http.send(request(pathAndQuery, headers).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> send(String method, String path, String body, String... headers) throws IOException, InterruptedException {
        return sendBytes(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
    }

    public HttpResponse<String> sendBytes(String method, String path, byte[] body, String... headers) throws IOException, InterruptedException {
        return send(request(path, headers)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Any other request (a streamed body, a timeout of its own), answered as text. */
    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public JsonNode body(HttpResponse<String> r) {
        return json.readTree(r.body());
    }

    public JsonMapper json() {
        return json;
    }

    public static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The short name of a demo incident: the first word of its location name ("Goris", "Nerkin", "Saribaba" …). */
    public static String shortName(JsonNode feature) {
        return feature.path("properties").path("location_name").asString().split("[ ,(]")[0];
    }

    /** Every feature a query selects, following next links, checking numberMatched on each page. */
    public List<JsonNode> all(String pathAndQuery) throws IOException, InterruptedException {
        List<JsonNode> features = new ArrayList<>();
        String next = pathAndQuery;
        Integer matched = null;
        while (next != null) {
            HttpResponse<String> r = get(next);
            if (r.statusCode() != 200) {
                throw new AssertionError(r.statusCode() + " for " + next + ": " + r.body());
            }
            JsonNode page = body(r);
            int m = page.path("numberMatched").asInt();
            if (matched != null && matched != m) {
                throw new AssertionError("numberMatched changed between pages: " + matched + " then " + m);
            }
            matched = m;
            page.path("features").forEach(features::add);
            next = link(page, "next");
        }
        if (matched != null && matched != features.size()) {
            throw new AssertionError("numberMatched " + matched + " but " + features.size() + " features for " + pathAndQuery);
        }
        return features;
    }

    /** The features of a query collected from its last page back to its first through the prev links. */
    public List<JsonNode> allBackwards(String pathAndQuery) throws IOException, InterruptedException {
        String last = pathAndQuery;
        for (String next = pathAndQuery; next != null; next = link(body(get(next)), "next")) {
            last = next;
        }
        List<JsonNode> features = new ArrayList<>();
        for (String page = last; page != null; ) {
            JsonNode doc = body(get(page));
            List<JsonNode> these = new ArrayList<>();
            doc.path("features").forEach(these::add);
            features.addAll(0, these);
            page = link(doc, "prev");
        }
        return features;
    }

    /** The href of a document's first link with relation {@code rel}, or null. */
    public static String link(JsonNode doc, String rel) {
        for (JsonNode l : doc.path("links")) {
            if (l.path("rel").asString().equals(rel)) {
                return l.path("href").asString();
            }
        }
        return null;
    }

    /** The short names of the incidents selected by the query (in a sorted set). */
    public TreeSet<String> names(String pathAndQuery) throws IOException, InterruptedException {
        TreeSet<String> names = new TreeSet<>();
        for (JsonNode f : all(pathAndQuery)) {
            if (!names.add(shortName(f))) {
                throw new AssertionError("incident " + shortName(f) + " served twice for " + pathAndQuery);
            }
        }
        return names;
    }

    public TreeSet<String> filtered(String cql2Text) throws IOException, InterruptedException {
        return names("/collections/incidents/items?limit=1000&filter=" + enc(cql2Text));
    }

    public TreeSet<String> filteredJson(String cql2Json) throws IOException, InterruptedException {
        return names("/collections/incidents/items?limit=1000&filter-lang=cql2-json&filter=" + enc(cql2Json));
    }
}
