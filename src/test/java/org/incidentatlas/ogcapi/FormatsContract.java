package org.incidentatlas.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.incidentatlas.testsupport.ApiClient;
import org.incidentatlas.testsupport.ExternalTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Items as CSV, FlatGeobuf and GeoPackage, opened by GDAL's ogrinfo as a real reader, and the
 * HTML pages; against the running service with its demo data, on each backend (subclasses).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"atlas.demo-data=true", "atlas.demo-data.source=coded"})
abstract class FormatsContract {

    /** A filter combining datetime, a property filter and the border distance. */
    static final String FILTER = "datetime=2022-09-01/2022-12-31&event_type=" + enc("Explosions/Remote violence")
            + "&max-border-distance=10000";

    private final ApiClient api = new ApiClient(() -> this.port);
    private final JsonMapper json = JsonMapper.builder().build();
    private final ExternalTool ogrinfo = new ExternalTool("ogrinfo");

    @Value("${local.server.port}")
    int port;

    static String enc(String s) {
        return ApiClient.enc(s);
    }

    String url(String pathAndQuery) {
        return api.url(pathAndQuery);
    }

    HttpResponse<byte[]> get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
        return api.getBytes(pathAndQuery, headers);
    }

    String text(String pathAndQuery, String... headers) throws IOException, InterruptedException {
        return new String(get(pathAndQuery, headers).body(), StandardCharsets.UTF_8);
    }

    JsonNode geoJson(String pathAndQuery) throws IOException, InterruptedException {
        return json.readTree(text(pathAndQuery));
    }

    static List<String> ids(JsonNode collection) {
        List<String> ids = new ArrayList<>();
        collection.path("features").forEach(f -> ids.add(f.path("id").asString()));
        return ids;
    }

    /** Downloads the items in {@code format} to a file GDAL recognises by its extension. */
    Path download(Path dir, String format, String query) throws Exception {
        HttpResponse<byte[]> r = get("/collections/incidents/items?f=" + format + "&" + query);
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"incidents." + format + "\"");
        Path file = dir.resolve("incidents-" + System.nanoTime() + "." + format);
        Files.write(file, r.body());
        return file;
    }

    static int featureCount(String ogrinfoOutput) {
        Matcher m = Pattern.compile("Feature Count: (\\d+)").matcher(ogrinfoOutput);
        assertThat(m.find()).as(ogrinfoOutput).isTrue();
        return Integer.parseInt(m.group(1));
    }

    static List<String> values(String ogrinfoOutput, String field) {
        Matcher m = Pattern.compile("(?m)^  " + Pattern.quote(field) + " \\((?:String|Integer64|Integer|Real)\\) = (.*)$")
                .matcher(ogrinfoOutput);
        List<String> values = new ArrayList<>();
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    // --- exports read by GDAL ---

    @ParameterizedTest
    @ValueSource(strings = {"csv", "fgb", "gpkg"})
    void gdalReadsTheFilteredExportWithTheSameFeaturesAndValues(String format, @TempDir Path dir) throws Exception {
        ogrinfo.require();
        JsonNode served = geoJson("/collections/incidents/items?limit=1000&" + FILTER);
        // all on one page; numberMatched is left out for this filter (no kept count answers it)
        int matched = served.path("numberReturned").asInt();
        assertThat(matched).as("the filter must select some but not all demo incidents").isBetween(2, 15);
        Path file = download(dir, format, "limit=1000&" + FILTER);

        ExternalTool.Result summary = ogrinfo.run("-ro", "-so", "-al", file.toString());
        assertThat(summary.exitCode()).as(summary.output()).isZero();
        assertThat(summary.output()).contains("Layer name: incidents");
        assertThat(featureCount(summary.output())).as(summary.output()).isEqualTo(matched);
        assertThat(summary.output()).contains("location_name: String", "claims: String", "sources: String");

        ExternalTool.Result all = ogrinfo.run("-ro", "-al", "-q", file.toString());
        assertThat(all.exitCode()).as(all.output()).isZero();
        assertThat(values(all.output(), "id")).containsExactlyElementsOf(ids(served));
        List<String> names = new ArrayList<>();
        served.path("features").forEach(f -> names.add(f.path("properties").path("location_name").asString()));
        assertThat(values(all.output(), "location_name")).containsExactlyElementsOf(names);
        assertThat(values(all.output(), "event_type")).hasSize(matched).containsOnly("Explosions/Remote violence");
        assertThat(values(all.output(), "event_date")).allSatisfy(d -> assertThat(d).startsWith("2022-09"));
        // nested claims survive as JSON text that parses back to the served claims
        JsonNode firstClaims = served.path("features").get(0).path("properties").path("claims");
        String claimsText = values(all.output(), "claims").get(0);
        assertThat(json.readTree(claimsText).get(0).path("claimant").asString())
                .isEqualTo(firstClaims.get(0).path("claimant").asString());
        // geometry: the first feature's point, longitude first
        JsonNode xy = served.path("features").get(0).path("geometry").path("coordinates");
        assertThat(all.output()).contains("POINT (" + trim(xy.get(0).asDouble()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "fgb", "gpkg"})
    void exportsHonourCrsWithEastingFirstFiles(String format, @TempDir Path dir) throws Exception {
        ogrinfo.require();
        String utm = "http://www.opengis.net/def/crs/EPSG/0/32638";
        JsonNode served = geoJson("/collections/incidents/items?limit=1&crs=" + enc(utm));
        JsonNode xy = served.path("features").get(0).path("geometry").path("coordinates");
        HttpResponse<byte[]> r = get("/collections/incidents/items?limit=1&f=" + format + "&crs=" + enc(utm));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Crs").orElseThrow()).isEqualTo("<" + utm + ">");
        Path file = dir.resolve("utm." + format);
        Files.write(file, r.body());
        ExternalTool.Result all = ogrinfo.run("-ro", "-al", file.toString());
        assertThat(all.exitCode()).as(all.output()).isZero();
        // eastings of a few hundred kilometres, northings of some 4,400 km: the same numbers as the GeoJSON in EPSG:32638
        Matcher point = Pattern.compile("POINT \\(([-0-9.e]+) ([-0-9.e]+)\\)").matcher(all.output());
        assertThat(point.find()).as(all.output()).isTrue();
        assertThat(Double.parseDouble(point.group(1))).isCloseTo(xy.get(0).asDouble(), org.assertj.core.data.Offset.offset(0.01));
        assertThat(Double.parseDouble(point.group(2))).isCloseTo(xy.get(1).asDouble(), org.assertj.core.data.Offset.offset(0.01));
        assertThat(xy.get(1).asDouble()).isBetween(4_000_000.0, 5_000_000.0);
        if (!format.equals("csv")) { // CSV carries no CRS of its own
            assertThat(all.output()).contains("UTM zone 38N");
        }
        // EPSG:4326 files stay longitude first, as GDAL and QGIS expect of files
        HttpResponse<byte[]> lonLat = get("/collections/incidents/items?limit=1&f=" + format + "&crs=" + enc("http://www.opengis.net/def/crs/EPSG/0/4326"));
        assertThat(lonLat.headers().firstValue("Content-Crs").orElseThrow()).isEqualTo("<http://www.opengis.net/def/crs/OGC/1.3/CRS84>");
    }

    private static String trim(double v) {
        String s = Double.toString(v);
        return s.length() > 7 ? s.substring(0, 7) : s;
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "fgb", "gpkg"})
    void exportsPageLikeTheJsonItems(String format, @TempDir Path dir) throws Exception {
        ogrinfo.require();
        JsonNode first = geoJson("/collections/incidents/items?limit=3&bbox=44,38,47,41");
        String next = ApiClient.link(first, "next");
        assertThat(next).isNotNull();
        JsonNode second = geoJson(next);
        String cursor = URI.create(next).getQuery().replaceAll(".*cursor=([^&]*).*", "$1");

        ExternalTool.Result page1 = ogrinfo.run("-ro", "-al", "-q", download(dir, format, "limit=3&bbox=44,38,47,41").toString());
        assertThat(values(page1.output(), "id")).containsExactlyElementsOf(ids(first));
        ExternalTool.Result page2 = ogrinfo.run("-ro", "-al", "-q",
                download(dir, format, "limit=3&bbox=44,38,47,41&cursor=" + cursor).toString());
        assertThat(values(page2.output(), "id")).containsExactlyElementsOf(ids(second)).doesNotContainAnyElementsOf(ids(first));
    }

    @Test
    void theGeoPackageIsWrittenToATemporaryFileThatIsRemovedAfterwards() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> before = temporaryGeoPackages(tmp);
        HttpResponse<byte[]> r = get("/collections/incidents/items?f=gpkg&limit=5");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValueAsLong("Content-Length").orElseThrow()).isEqualTo(r.body().length);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!before.containsAll(temporaryGeoPackages(tmp)) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(temporaryGeoPackages(tmp)).isSubsetOf(before);
    }

    private static List<Path> temporaryGeoPackages(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("atlas-incidents-.*\\.gpkg.*")).toList();
        }
    }

    @Test
    void aCql2FilterSelectsTheSameBordersInAnExportAsInGeoJson() throws Exception {
        String filter = "&filter=" + enc("country_a = 'ARM'");
        JsonNode served = geoJson("/collections/borders/items?limit=100" + filter);
        int matched = served.path("numberMatched").asInt();
        assertThat(matched).as("some but not all borders are Armenia's").isBetween(1, 11);
        String csv = text("/collections/borders/items?f=csv&limit=100" + filter);
        assertThat(csv.strip().split("\\R")).hasSize(matched + 1);
    }

    @Test
    void placesAndBordersExportToo(@TempDir Path dir) throws Exception {
        ogrinfo.require();
        for (String collection : List.of("places", "borders")) {
            long matched = geoJson("/collections/" + collection + "/items?limit=1").path("numberMatched").asLong();
            HttpResponse<byte[]> r = get("/collections/" + collection + "/items?f=fgb&limit=10000");
            assertThat(r.statusCode()).isEqualTo(200);
            Path file = dir.resolve(collection + ".fgb");
            Files.write(file, r.body());
            ExternalTool.Result info = ogrinfo.run("-ro", "-so", "-al", file.toString());
            assertThat(featureCount(info.output())).as(info.output()).isEqualTo(Math.min(matched, 10000));
        }
    }

    @Test
    void acceptHeadersChooseTheExportFormats() throws Exception {
        HttpResponse<byte[]> csv = get("/collections/incidents/items?limit=2", "Accept", "text/csv");
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).startsWith("WKT,id,event_date,");
        assertThat(new String(csv.body(), StandardCharsets.UTF_8).split("\r\n")).hasSize(3);

        HttpResponse<byte[]> fgb = get("/collections/incidents/items?limit=2", "Accept", "application/flatgeobuf");
        assertThat(fgb.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/flatgeobuf");
        assertThat(new String(fgb.body(), 0, 3, StandardCharsets.US_ASCII)).isEqualTo("fgb");

        HttpResponse<byte[]> gpkg = get("/collections/incidents/items?limit=2", "Accept", "application/geopackage+sqlite3");
        assertThat(gpkg.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/geopackage+sqlite3");
        assertThat(new String(gpkg.body(), 0, 15, StandardCharsets.US_ASCII)).isEqualTo("SQLite format 3");

        HttpResponse<byte[]> json = get("/collections/incidents/items?limit=2", "Accept", "application/json, text/csv;q=0.5");
        assertThat(json.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/geo+json");
        HttpResponse<byte[]> preferred = get("/collections/incidents/items?limit=2", "Accept", "application/json;q=0.5, text/csv");
        assertThat(preferred.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    }

    @Test
    void badQueriesGet400JsonInEveryFormat() throws Exception {
        for (String f : List.of("csv", "fgb", "gpkg", "html")) {
            HttpResponse<byte[]> r = get("/collections/incidents/items?f=" + f + "&datetime=yesterday");
            assertThat(r.statusCode()).as(f).isEqualTo(400);
            assertThat(json.readTree(r.body()).path("code").asString()).isEqualTo("InvalidParameterValue");
        }
        assertThat(get("/collections/incidents/items?f=shp").statusCode()).isEqualTo(400);
        assertThat(get("/collections/incidents/items/1?f=csv").statusCode()).isEqualTo(400);
    }

    @Test
    void jsonItemsLinkToTheirAlternateFormats() throws Exception {
        JsonNode page = geoJson("/collections/incidents/items?limit=2&" + FILTER);
        List<String> types = new ArrayList<>();
        page.path("links").forEach(l -> {
            if (l.path("rel").asString().equals("alternate")) {
                types.add(l.path("type").asString());
                assertThat(l.path("href").asString()).contains("event_type=", "max-border-distance=10000");
            }
        });
        assertThat(types).containsExactlyInAnyOrder("text/html", "text/csv", "application/flatgeobuf",
                "application/geopackage+sqlite3");
    }

    // --- HTML ---

    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @ParameterizedTest
    @ValueSource(strings = {"/", "/conformance", "/collections", "/collections/incidents", "/collections/places",
            "/collections/incidents/items?limit=5", "/collections/borders/items", "/collections/incidents/items/1"})
    void aBrowserGetsHtmlPages(String path) throws Exception {
        HttpResponse<byte[]> r = get(path, "Accept", BROWSER);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        String html = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<nav>", "</html>");
        String viaF = text(path + (path.contains("?") ? "&" : "?") + "f=html");
        assertThat(viaF).startsWith("<!DOCTYPE html>");
        // and the same URLs still give JSON to API clients
        assertThat(get(path).headers().firstValue("Content-Type").orElseThrow()).containsAnyOf("json");
    }

    @Test
    void conformanceDeclaresHtml() throws Exception {
        assertThat(text("/conformance")).contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html");
    }

    @Test
    void theItemsPageHasAMapPagingLinksAndFormats() throws Exception {
        String html = text("/collections/incidents/items?f=html&limit=5");
        assertThat(html).contains("id=\"map\"", "/webjars/leaflet/dist/leaflet.js", "Next page", ">CSV<", ">GeoPackage<");
        assertThat(Pattern.compile("<tr><td><a href=").matcher(html).results().count()).isEqualTo(5);
        String next = html.replaceAll("(?s).*<a href=\"([^\"]*)\">Next page</a>.*", "$1").replace("&amp;", "&");
        String page2 = text(next);
        assertThat(page2).contains("Previous page");
        assertThat(get("/webjars/leaflet/dist/leaflet.js").statusCode()).isEqualTo(200);
        assertThat(get("/atlas/feature-map.js").statusCode()).isEqualTo(200);
    }

    @Test
    void theItemPageShowsClaimsAndSourcesAndItsGeometry() throws Exception {
        JsonNode nerkinHand = null;
        for (JsonNode f : geoJson("/collections/incidents/items?limit=1000").path("features")) {
            if (f.path("properties").path("location_name").asString().startsWith("Nerkin Hand")) {
                nerkinHand = f;
            }
        }
        assertThat(nerkinHand).isNotNull();
        String html = text("/collections/incidents/items/" + nerkinHand.path("id").asString() + "?f=html");
        assertThat(html).contains("<th>claims</th>", "<th>sources</th>", "id=\"map-data\"",
                HtmlEscape.of(nerkinHand.path("properties").path("claims").get(0).path("claimant").asString()));
        assertThat(html).contains(String.valueOf(nerkinHand.path("geometry").path("coordinates").get(0).asDouble()));
    }

    @Test
    void htmlEscapesWhatTheClientSent() throws Exception {
        String html = text("/collections/incidents/items?f=html&admin1=" + enc("<script>alert(1)</script>"));
        assertThat(html).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;");
    }

    /** The minimal escaping the pages apply to text, for comparisons. */
    static final class HtmlEscape {
        static String of(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }
    }
}
