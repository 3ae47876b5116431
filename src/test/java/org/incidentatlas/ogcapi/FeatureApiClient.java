package org.incidentatlas.ogcapi;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** HTTP helpers for the Part 2 / Part 3 contracts: requests, and demo incidents named by the first word of their location. */
final class FeatureApiClient {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final int port;

    FeatureApiClient(int port) {
        this.port = port;
    }

    String url(String pathAndQuery) {
        return pathAndQuery.startsWith("http") ? pathAndQuery : "http://localhost:" + port + pathAndQuery;
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url(pathAndQuery))).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode body(HttpResponse<String> r) {
        return json.readTree(r.body());
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The short name of a demo incident: the first word of its location name ("Goris", "Nerkin", "Saribaba" …). */
    static String shortName(JsonNode feature) {
        return feature.path("properties").path("location_name").asString().split("[ ,(]")[0];
    }

    /** Every feature a query selects, following next links, checking numberMatched on each page. */
    List<JsonNode> all(String pathAndQuery) throws IOException, InterruptedException {
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
            next = null;
            for (JsonNode l : page.path("links")) {
                if (l.path("rel").asString().equals("next")) {
                    next = l.path("href").asString();
                }
            }
        }
        if (matched != null && matched != features.size()) {
            throw new AssertionError("numberMatched " + matched + " but " + features.size() + " features for " + pathAndQuery);
        }
        return features;
    }

    /** The features of a query collected from its last page back to its first through the prev links. */
    List<JsonNode> allBackwards(String pathAndQuery) throws IOException, InterruptedException {
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

    private static String link(JsonNode page, String rel) {
        for (JsonNode l : page.path("links")) {
            if (l.path("rel").asString().equals(rel)) {
                return l.path("href").asString();
            }
        }
        return null;
    }

    /** The short names of the incidents selected by the query (in a sorted set). */
    TreeSet<String> names(String pathAndQuery) throws IOException, InterruptedException {
        TreeSet<String> names = new TreeSet<>();
        for (JsonNode f : all(pathAndQuery)) {
            if (!names.add(shortName(f))) {
                throw new AssertionError("incident " + shortName(f) + " served twice for " + pathAndQuery);
            }
        }
        return names;
    }

    TreeSet<String> filtered(String cql2Text) throws IOException, InterruptedException {
        return names("/collections/incidents/items?limit=1000&filter=" + enc(cql2Text));
    }

    TreeSet<String> filteredJson(String cql2Json) throws IOException, InterruptedException {
        return names("/collections/incidents/items?limit=1000&filter-lang=cql2-json&filter=" + enc(cql2Json));
    }
}
