package org.incidentatlas.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.incidentatlas.testsupport.ExternalTool;
import org.incidentatlas.testsupport.QgisPython;
import org.incidentatlas.testsupport.ApiClient;
import org.incidentatlas.testsupport.DemoServiceContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.wololo.flatgeobuf.HeaderMeta;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whole exports (/collections/{id}/download) read by GDAL, paged exports walked by their Link
 * headers, ETags with 304, and gzip; against the running service with its demo data, on each
 * backend (subclasses).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"atlas.demo-data=true", "atlas.demo-data.source=coded", "atlas.write-token=" + DownloadContract.TOKEN})
abstract class DownloadContract {

    static final String TOKEN = "download-test-token";
    static final String FILTER = "datetime=2022-09-01/2023-12-31&event_type=" + enc("Explosions/Remote violence");
    static final String AREA = "45.0,39.0,46.0,40.5";

    private final JsonMapper json = JsonMapper.builder().build();
    private final ExternalTool ogrinfo = new ExternalTool("ogrinfo");

    @Value("${local.server.port}")
    int port;

    private final ApiClient api = new ApiClient(() -> port);

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    String url(String pathAndQuery) {
        return api.url(pathAndQuery);
    }

    HttpResponse<byte[]> get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
        return api.getBytes(pathAndQuery, headers);
    }

    JsonNode geoJson(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = get(pathAndQuery);
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return json.readTree(r.body());
    }

    /** Ids of every incident the filter matches, from JSON pages. */
    List<String> matchedIds(String query) throws IOException, InterruptedException {
        return new ArrayList<>(matchedFeatures(query).keySet());
    }

    Path downloadFile(Path dir, String format, String query) throws Exception {
        HttpResponse<byte[]> r = get("/collections/incidents/download?f=" + format + (query.isEmpty() ? "" : "&" + query));
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        String extension = format.equals("json") ? "geojson" : format;
        assertThat(r.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"incidents." + extension + "\"");
        Path file = dir.resolve("incidents-" + System.nanoTime() + "." + extension);
        Files.write(file, r.body());
        return file;
    }

    static List<String> ids(String ogrinfoOutput) {
        Matcher m = Pattern.compile("(?m)^  id \\((?:String|Integer64|Integer)\\) = (.*)$").matcher(ogrinfoOutput);
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    // --- whole exports ---

    @ParameterizedTest
    @ValueSource(strings = {"json", "csv", "fgb", "gpkg"})
    void everyMatchingFeatureDownloadsInOneRequestInEveryFormat(String format, @TempDir Path dir) throws Exception {
        ogrinfo.require();
        for (String query : List.of("", FILTER)) {
            List<String> expected = matchedIds(query);
            assertThat(expected).as("demo data for " + query).hasSizeGreaterThan(3);
            Path file = downloadFile(dir, format, query);
            ExternalTool.Result summary = ogrinfo.run("-ro", "-so", "-al", file.toString());
            assertThat(summary.exitCode()).as(summary.output()).isZero();
            assertThat(FormatsContract.featureCount(summary.output())).as(summary.output()).isEqualTo(expected.size());
            assertThat(summary.output()).contains("location_name: String", "event_type: String");
            ExternalTool.Result all = ogrinfo.run("-ro", "-al", "-q", file.toString());
            assertThat(all.exitCode()).as(all.output()).isZero();
            if (format.equals("json")) {
                // GeoJSON ids are the feature ids, not a property
                assertThat(all.output().split("OGRFeature\\(").length - 1).isEqualTo(expected.size());
            } else {
                assertThat(new HashSet<>(ids(all.output()))).isEqualTo(new HashSet<>(expected));
            }
        }
    }

    @Test
    void theFlatGeobufDownloadCarriesAPackedRTreeThatAnswersSpatialQueriesOverHttp(@TempDir Path dir) throws Exception {
        ogrinfo.require();
        Path file = downloadFile(dir, "fgb", "");
        byte[] bytes = Files.readAllBytes(file);
        HeaderMeta header = HeaderMeta.read(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN));
        List<String> every = matchedIds("");
        assertThat(header.indexNodeSize).isEqualTo(16);
        assertThat(header.featuresCount).isEqualTo(every.size());
        assertThat(header.envelope).isNotNull();

        List<String> inArea = matchedIds("bbox=" + AREA);
        assertThat(inArea).isNotEmpty().hasSizeLessThan(every.size());
        String[] spat = AREA.split(",");
        // on the file, and on the URL through /vsicurl/ (byte ranges, as QGIS opens it)
        for (String source : List.of(file.toString(), "/vsicurl/" + url("/collections/incidents/download?f=fgb"))) {
            ExternalTool.Result hits = ogrinfo.run("-ro", "-q", "-al", "-spat", spat[0], spat[1], spat[2], spat[3], source);
            assertThat(hits.exitCode()).as(hits.output()).isZero();
            assertThat(new HashSet<>(ids(hits.output()))).as(source).isEqualTo(new HashSet<>(inArea));
        }
    }

    /** Every incident the filter matches, from JSON pages: id → feature. */
    Map<String, JsonNode> matchedFeatures(String query) throws IOException, InterruptedException {
        Map<String, JsonNode> features = new LinkedHashMap<>();
        String next = "/collections/incidents/items?limit=10000" + (query.isEmpty() ? "" : "&" + query);
        while (next != null) {
            JsonNode page = geoJson(next);
            page.path("features").forEach(f -> features.put(f.path("id").asString(), f));
            next = ApiClient.link(page, "next");
        }
        return features;
    }

    /** Runs src/test/resources/qgis/load_download.py: what QGIS read from {@code url}, every feature reported. */
    JsonNode loadInQgis(Path home, String url, String... options) throws Exception {
        QgisPython.require();
        Path script = home.resolve("load_download.py");
        try (var in = DownloadContract.class.getResourceAsStream("/qgis/load_download.py")) {
            Files.write(script, in.readAllBytes());
        }
        List<String> args = new ArrayList<>(List.of(url, "--features"));
        args.addAll(List.of(options));
        QgisPython.Result r = QgisPython.run(script, home, args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.stderr() + r.stdout()).isZero();
        String[] lines = r.stdout().strip().split("\n");
        JsonNode loaded = json.readTree(lines[lines.length - 1]);
        assertThat(loaded.path("valid").asBoolean()).as(r.stdout()).isTrue();
        return loaded;
    }

    /** QGIS read every matching incident once, with its attributes and position as the API serves them. */
    static void assertEveryFeatureArrived(JsonNode loaded, Map<String, JsonNode> served) {
        assertThat(fields(loaded)).contains("id", "event_date", "event_type", "fatalities", "claims", "border_distance_m");
        assertFeaturesArrived(loaded, served);
    }

    static List<String> fields(JsonNode loaded) {
        List<String> fields = new ArrayList<>();
        loaded.path("fields").forEach(f -> fields.add(f.asString()));
        return fields;
    }

    /** As {@link #assertEveryFeatureArrived}, whichever columns the layer has (id, event_date, event_type, location_name, country, fatalities at least). */
    static void assertFeaturesArrived(JsonNode loaded, Map<String, JsonNode> served) {
        assertThat(loaded.path("read").asInt()).isEqualTo(served.size());
        assertThat(loaded.path("featureCount").asInt()).isEqualTo(served.size());
        assertThat(loaded.path("withoutGeometry").asInt()).isZero();
        assertThat(loaded.path("crs").asString()).isEqualTo("EPSG:4326");
        Set<String> seen = new HashSet<>();
        for (JsonNode q : loaded.path("features")) {
            String id = q.path("id").asString();
            assertThat(seen.add(id)).as("feature " + id + " read twice").isTrue();
            JsonNode f = served.get(id);
            assertThat(f).as("feature " + id + " is not served").isNotNull();
            JsonNode p = f.path("properties");
            for (String name : List.of("event_date", "event_type", "location_name", "country")) {
                assertThat(q.path(name).asString()).as(id + " " + name).isEqualTo(p.path(name).asString());
            }
            assertThat(q.path("fatalities").isNull()).as(id + " fatalities").isEqualTo(p.path("fatalities").isNull());
            assertThat(q.path("fatalities").asInt()).as(id + " fatalities").isEqualTo(p.path("fatalities").asInt());
            JsonNode geometry = f.path("geometry");
            if (geometry.path("type").asString().equals("Point")) {
                assertThat(q.path("geometry").get(0).asDouble()).as(id + " x")
                        .isCloseTo(geometry.path("coordinates").get(0).asDouble(), within(1e-9));
                assertThat(q.path("geometry").get(1).asDouble()).as(id + " y")
                        .isCloseTo(geometry.path("coordinates").get(1).asDouble(), within(1e-9));
            } else {
                assertThat(q.path("geometry").asString()).as(id).startsWith(geometry.path("type").asString());
            }
        }
        assertThat(seen).isEqualTo(served.keySet());
    }

    @Test
    void qgisOpensTheFlatGeobufDownloadByItsUrl(@TempDir Path home) throws Exception {
        Map<String, JsonNode> every = matchedFeatures("");
        List<String> inArea = matchedIds("bbox=" + AREA);
        JsonNode loaded = loadInQgis(home, url("/collections/incidents/download?f=fgb"), "--box", AREA);
        assertEveryFeatureArrived(loaded, every);
        Set<String> box = new HashSet<>();
        loaded.path("inBox").forEach(id -> box.add(id.asString()));
        assertThat(box).isEqualTo(new HashSet<>(inArea));
    }

    @Test
    void qgisReadsTheStreamedFlatGeobufWhileTheServiceWritesIt(@TempDir Path home) throws Exception {
        for (String query : List.of("", FILTER)) {
            Map<String, JsonNode> matched = matchedFeatures(query);
            JsonNode loaded = loadInQgis(home, url("/collections/incidents/download?f=fgb&index=false"
                    + (query.isEmpty() ? "" : "&" + query)), "--streaming");
            assertEveryFeatureArrived(loaded, matched);
        }
    }

    @Test
    void qgisReadsTheStreamedFlatGeobufWithOnlyTheSelectedProperties(@TempDir Path home) throws Exception {
        String select = "properties=country,event_date,location_name,fatalities,event_type";
        for (String query : List.of("", FILTER)) {
            Map<String, JsonNode> matched = matchedFeatures(query);
            JsonNode loaded = loadInQgis(home, url("/collections/incidents/download?f=fgb&index=false&" + select
                    + (query.isEmpty() ? "" : "&" + query)), "--streaming");
            assertThat(fields(loaded)).as("the id, then the selected columns in the table's order")
                    .containsExactly("id", "event_date", "event_type", "location_name", "country", "fatalities");
            assertFeaturesArrived(loaded, matched);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "fgb", "fgb&index=false", "gpkg"})
    void propertiesSelectTheColumnsOfTableDownloadsAndPages(String format, @TempDir Path dir) throws Exception {
        ogrinfo.require();
        Map<String, JsonNode> served = matchedFeatures(FILTER);
        for (String path : List.of("/collections/incidents/download?", "/collections/incidents/items?limit=10000&")) {
            // index= is the download's only
            String f = path.contains("/items") ? format.replace("&index=false", "") : format;
            HttpResponse<byte[]> r = get(path + "f=" + f + "&properties=fatalities,event_date&" + FILTER);
            assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
            Path file = dir.resolve("selected-" + System.nanoTime() + "." + format.replace("&index=false", ""));
            Files.write(file, r.body());
            ExternalTool.Result summary = ogrinfo.run("-ro", "-so", "-al", file.toString());
            assertThat(summary.exitCode()).as(summary.output()).isZero();
            Matcher m = Pattern.compile("(?m)^(\\w+): (?:String|Integer64|Integer|Real) ").matcher(summary.output());
            List<String> columns = new ArrayList<>();
            while (m.find()) {
                columns.add(m.group(1));
            }
            columns.remove("WKT"); // CSV's geometry
            assertThat(columns).as(path + format).containsExactly("id", "event_date", "fatalities");
            String all = ogrinfo.run("-ro", "-al", "-q", file.toString()).output();
            assertThat(new HashSet<>(ids(all))).as(path + format).isEqualTo(served.keySet());
            // per feature: a FlatGeobuf null is unset, which ogrinfo leaves out; CSV's is empty
            for (String feature : all.split("OGRFeature\\(")) {
                List<String> id = ids(feature);
                if (id.isEmpty()) {
                    continue;
                }
                JsonNode p = served.get(id.get(0)).path("properties");
                assertThat(FormatsContract.values(feature, "event_date")).as(id.get(0)).containsExactly(p.path("event_date").asString());
                List<String> fatalities = FormatsContract.values(feature, "fatalities");
                if (p.path("fatalities").isNull()) {
                    assertThat(fatalities).as(id.get(0)).isSubsetOf("(null)", "");
                } else {
                    assertThat(fatalities).as(id.get(0)).containsExactly(p.path("fatalities").asString());
                }
            }
        }
        // a property the files do not carry (status is GeoJSON's only), or none at all: 400 with JSON naming it
        for (String bad : List.of("colour", "status", "event_date,,country")) {
            HttpResponse<byte[]> r = get("/collections/incidents/download?f=" + format + "&properties=" + bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(json.readTree(r.body()).path("description").asString()).as(bad).contains(bad.split(",")[0]);
        }
    }

    @Test
    void aGeoJsonDownloadSelectsAPropertyTheTablesDoNotCarry() throws Exception {
        HttpResponse<byte[]> r = get("/collections/incidents/download?properties=status,fatalities&" + FILTER);
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        JsonNode features = json.readTree(r.body()).path("features");
        assertThat(features).isNotEmpty();
        for (JsonNode f : features) {
            assertThat(new ArrayList<>(f.path("properties").propertyNames())).containsExactlyInAnyOrder("status", "fatalities");
        }
    }

    @Test
    void theStreamedFlatGeobufHasNoIndexAndNoByteRanges(@TempDir Path dir) throws Exception {
        ogrinfo.require();
        HttpResponse<byte[]> r = get("/collections/incidents/download?f=fgb&index=false", "Range", "bytes=0-99");
        assertThat(r.statusCode()).as("a stream is whole: no ranges").isEqualTo(200);
        assertThat(r.headers().firstValue("Accept-Ranges")).isEmpty();
        HeaderMeta header = HeaderMeta.read(ByteBuffer.wrap(r.body()).order(ByteOrder.LITTLE_ENDIAN));
        assertThat(header.indexNodeSize).isZero();
        assertThat(header.featuresCount).as("unknown until the end").isZero();
        Path file = dir.resolve("streamed.fgb");
        Files.write(file, r.body());
        ExternalTool.Result all = ogrinfo.run("-ro", "-al", "-q", file.toString());
        assertThat(all.exitCode()).as(all.output()).isZero();
        assertThat(new HashSet<>(ids(all.output()))).isEqualTo(new HashSet<>(matchedIds("")));
        for (String query : List.of("f=fgb&index=maybe", "f=csv&index=false", "f=fgb&index=false&index=true")) {
            HttpResponse<byte[]> bad = get("/collections/incidents/download?" + query);
            assertThat(bad.statusCode()).as(query).isEqualTo(400);
            assertThat(json.readTree(bad.body()).path("description").asString()).as(query).contains("index");
        }
    }

    @Test
    void fileDownloadsAnswerByteRanges() throws Exception {
        HttpResponse<byte[]> whole = get("/collections/incidents/download?f=gpkg");
        assertThat(whole.headers().firstValue("Accept-Ranges")).contains("bytes");
        HttpResponse<byte[]> part = get("/collections/incidents/download?f=gpkg", "Range", "bytes=100-199");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).contains("bytes 100-199/" + whole.body().length);
        assertThat(part.body()).isEqualTo(java.util.Arrays.copyOfRange(whole.body(), 100, 200));
        assertThat(get("/collections/incidents/download?f=gpkg", "Range", "bytes=" + whole.body().length + "-").statusCode())
                .isEqualTo(416);
    }

    @Test
    void placesAndBordersDownloadToo(@TempDir Path dir) throws Exception {
        ogrinfo.require();
        for (String collection : List.of("places", "borders")) {
            int expected = geoJson("/collections/" + collection + "/download").path("numberReturned").asInt();
            assertThat(expected).isPositive();
            HttpResponse<byte[]> r = get("/collections/" + collection + "/download?f=fgb");
            Path file = dir.resolve(collection + ".fgb");
            Files.write(file, r.body());
            ExternalTool.Result summary = ogrinfo.run("-ro", "-so", "-al", file.toString());
            assertThat(FormatsContract.featureCount(summary.output())).as(summary.output()).isEqualTo(expected);
        }
    }

    @Test
    void pagingParametersAndBadFiltersGet400Json() throws Exception {
        for (String query : List.of("limit=10", "cursor=abc", "bbox=1,2,3", "f=xml", "colour=red")) {
            HttpResponse<byte[]> r = get("/collections/incidents/download?" + query);
            assertThat(r.statusCode()).as(query).isEqualTo(400);
            assertThat(json.readTree(r.body()).path("description").asString()).as(query).isNotBlank();
        }
        assertThat(get("/collections/nothing/download").statusCode()).isEqualTo(404);
    }

    @Test
    void theCollectionLinksItsDownloadsAsEnclosures() throws Exception {
        JsonNode collection = geoJson("/collections/incidents");
        List<String> types = new ArrayList<>();
        for (JsonNode l : collection.path("links")) {
            if (l.path("rel").asString().equals("enclosure")) {
                types.add(l.path("type").asString());
                assertThat(get(l.path("href").asString()).statusCode()).isEqualTo(200);
            }
        }
        assertThat(types).containsExactlyInAnyOrder("application/geo+json", "text/csv", "application/flatgeobuf",
                "application/geopackage+sqlite3");
    }

    // --- paged exports: Link headers ---

    @ParameterizedTest
    @ValueSource(strings = {"csv", "fgb", "gpkg"})
    void linkHeadersFollowedToTheEndGiveEveryFeatureOnce(String format, @TempDir Path dir) throws Exception {
        ogrinfo.require();
        Set<String> expected = new HashSet<>(matchedIds(FILTER));
        List<String> seen = new ArrayList<>();
        String next = "/collections/incidents/items?limit=3&f=" + format + "&" + FILTER;
        int pages = 0;
        while (next != null) {
            HttpResponse<byte[]> r = get(next);
            assertThat(r.statusCode()).isEqualTo(200);
            List<String> links = r.headers().allValues("Link");
            assertThat(links).anySatisfy(l -> assertThat(l).contains("rel=\"self\""));
            Path file = dir.resolve("page-" + pages++ + "." + format);
            Files.write(file, r.body());
            seen.addAll(ids(ogrinfo.run("-ro", "-q", "-al", file.toString()).output()));
            next = links.stream().filter(l -> l.contains("rel=\"next\"")).map(l -> l.substring(1, l.indexOf('>'))).findFirst()
                    .orElse(null);
            if (pages > 1 && next != null) {
                assertThat(links).anySatisfy(l -> assertThat(l).contains("rel=\"prev\""));
            }
        }
        assertThat(pages).isGreaterThan(1);
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(expected);
    }

    // --- ETag and 304, gzip ---

    @Test
    void unchangedReadsAnswer304UntilAWriteChangesTheEtag() throws Exception {
        List<String> paths = List.of("/collections", "/collections/incidents", "/collections/incidents/items?limit=5",
                "/collections/incidents/items?limit=5&f=csv", "/collections/incidents/items?limit=5&f=html",
                "/collections/incidents/download?f=fgb&" + FILTER);
        List<String> tags = new ArrayList<>();
        for (String path : paths) {
            HttpResponse<byte[]> first = get(path);
            assertThat(first.statusCode()).as(path).isEqualTo(200);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            tags.add(etag);
            HttpResponse<byte[]> again = get(path, "If-None-Match", etag);
            assertThat(again.statusCode()).as(path).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            assertThat(get(path, "If-None-Match", "W/\"d0-other\"").statusCode()).as(path).isEqualTo(200);
        }
        assertThat(new HashSet<>(tags)).as("each request its own tag").hasSize(paths.size());
        assertThat(get("/collections/incidents/items?limit=6", "If-None-Match", tags.get(2)).statusCode())
                .as("another page, another tag").isEqualTo(200);

        // a single feature's tag is its version
        String item = "/collections/incidents/items/" + geoJson("/collections/incidents/items?limit=1").path("features").get(0)
                .path("id").asString();
        String itemTag = get(item).headers().firstValue("ETag").orElseThrow();
        assertThat(get(item, "If-None-Match", itemTag).statusCode()).isEqualTo(304);

        HttpResponse<String> created = api.send("POST", "/collections/incidents/items", DemoServiceContract.NEW_INCIDENT,
                "Content-Type", "application/geo+json", "Authorization", "Bearer " + TOKEN);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        for (int i = 0; i < paths.size(); i++) {
            HttpResponse<byte[]> after = get(paths.get(i), "If-None-Match", tags.get(i));
            assertThat(after.statusCode()).as("after a write: " + paths.get(i)).isEqualTo(200);
            assertThat(after.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(tags.get(i));
        }
        String location = URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();
        api.send("DELETE", location, null, "Authorization", "Bearer " + TOKEN, "If-Match", "\"1\"");
    }

    @Test
    void textRepresentationsAreGzippedWhenAskedAndFilesAreNot() throws Exception {
        for (String path : List.of("/collections/incidents/items?limit=50", "/collections/incidents/items?limit=50&f=csv",
                "/collections/incidents/items?limit=50&f=html", "/collections", "/collections/incidents/download",
                "/collections/incidents/download?f=csv")) {
            HttpResponse<byte[]> plain = get(path);
            HttpResponse<byte[]> zipped = get(path, "Accept-Encoding", "gzip");
            assertThat(plain.headers().firstValue("Content-Encoding")).as(path).isEmpty();
            assertThat(zipped.headers().firstValue("Content-Encoding")).as(path).contains("gzip");
            byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes();
            assertThat(unzipped.length).as(path).isGreaterThan(zipped.body().length);
            if (!path.contains("f=html") && !path.equals("/collections/incidents/items?limit=50")
                    && !path.equals("/collections/incidents/download")) {
                assertThat(new String(unzipped, StandardCharsets.UTF_8)).as(path).isEqualTo(new String(plain.body(), StandardCharsets.UTF_8));
            }
        }
        for (String path : List.of("/collections/incidents/download?f=fgb", "/collections/incidents/items?limit=50&f=gpkg")) {
            assertThat(get(path, "Accept-Encoding", "gzip").headers().firstValue("Content-Encoding")).as(path).isEmpty();
        }
    }
}
