package org.incidentatlas.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.incidentatlas.testsupport.ApiClient;
import org.incidentatlas.testsupport.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web map (MapLibre GL JS on the service's vector tiles) in a real headless Chromium against the
 * running service with its demo data: the incidents in the tiles it draws and the bars of its
 * histogram are what the API matches, before and after moving the date slider and the other
 * controls; popups fetch the incident by id; nothing is fetched from elsewhere. Saves screenshots
 * under target/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "atlas.demo-data=true")
abstract class WebMapContract {

    private final ApiClient api = new ApiClient(() -> this.port);
    private final JsonMapper json = JsonMapper.builder().build();
    private ChromeDriver browser;

    @Value("${local.server.port}")
    int port;

    /** Where this backend's screenshots go, e.g. target/map-screenshot.png. */
    abstract Path screenshot();

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    String url(String path) {
        return api.url(path);
    }

    long numberMatched(String query) throws IOException, InterruptedException {
        HttpResponse<String> r = api.get("/collections/incidents/items?limit=1" + (query.isEmpty() ? "" : "&" + query));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body()).path("numberMatched").asLong();
    }

    /** Waits until the map has finished its load number {@code loadId}. */
    WebElement loaded(int loadId) {
        WebElement map = browser.findElement(By.id("map"));
        new WebDriverWait(browser, Duration.ofSeconds(120)).withMessage(() -> "map state " + map.getAttribute("data-state")
                + ", load " + map.getAttribute("data-load-id") + "; status: " + browser.findElement(By.id("status")).getText()
                + "; progress: " + ((JavascriptExecutor) browser).executeScript("var a = document.getElementById('map').atlas;"
                        + " return a ? JSON.stringify(a.progress()) : 'no map'") + "; console:\n" + HeadlessChromium.console(browser))
                .until(d -> "ready".equals(map.getAttribute("data-state"))
                        && Integer.parseInt(map.getAttribute("data-load-id")) >= loadId);
        return map;
    }

    long markers(WebElement map) {
        return Long.parseLong(map.getAttribute("data-marker-count"));
    }

    void set(String id, String value) {
        ((JavascriptExecutor) browser).executeScript("var s = document.getElementById(arguments[0]); s.value = arguments[1];"
                + "s.dispatchEvent(new Event('input')); s.dispatchEvent(new Event('change'));", id, value);
    }

    /** What the map draws: features MapLibre rendered from the incident tiles in the current view. */
    long rendered() {
        return ((Number) ((JavascriptExecutor) browser).executeScript(
                "return document.getElementById('map').atlas.rendered();")).longValue();
    }

    /** Every URL the page fetched: MapLibre's requests (tiles from its workers too) and the document's resources. */
    @SuppressWarnings("unchecked")
    List<String> requested() {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return document.getElementById('map').atlas.requested()"
                        + ".concat(performance.getEntriesByType('resource').map(e => e.name));");
    }

    /** The histogram the page drew: its total and its bars (start, end, count). */
    JsonNode histogram() {
        WebElement canvas = browser.findElement(By.id("histogram"));
        assertThat(canvas.getAttribute("data-state")).isEqualTo("ready");
        return json.readTree(canvas.getAttribute("data-buckets"));
    }

    long histogramTotal() {
        return Long.parseLong(browser.findElement(By.id("histogram")).getAttribute("data-total"));
    }

    /** The incidents per first event date (yyyy-mm-dd) that the items list for this query, all pages. */
    Map<String, Long> itemsPerDay(String query) throws IOException, InterruptedException {
        Map<String, Long> days = new TreeMap<>();
        String next = url("/collections/incidents/items?limit=1000" + (query.isEmpty() ? "" : "&" + query));
        while (next != null) {
            HttpResponse<String> r = api.get(next, "Accept", "application/geo+json");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode page = json.readTree(r.body());
            page.path("features").forEach(f -> days.merge(f.path("properties").path("event_date").asString(), 1L, Long::sum));
            next = null;
            for (JsonNode l : page.path("links")) {
                if ("next".equals(l.path("rel").asString())) {
                    next = l.path("href").asString();
                }
            }
        }
        return days;
    }

    /** Each bar holds the items whose first event date falls in it, and every item is in a bar. */
    void assertHistogramMatchesItems(String query) throws IOException, InterruptedException {
        Map<String, Long> days = itemsPerDay(query);
        long total = days.values().stream().mapToLong(Long::longValue).sum();
        assertThat(histogramTotal()).isEqualTo(total).isEqualTo(numberMatched(query));
        JsonNode buckets = histogram();
        assertThat(buckets.size()).isPositive();
        for (JsonNode b : buckets) {
            String from = b.path("start").asString();
            String to = b.path("end").asString();
            long expected = days.entrySet().stream().filter(e -> e.getKey().compareTo(from) >= 0 && e.getKey().compareTo(to) < 0)
                    .mapToLong(Map.Entry::getValue).sum();
            assertThat(b.path("count").asLong()).as("bar %s/%s for %s", from, to, query).isEqualTo(expected).isPositive();
        }
    }

    /** The page never leaves the service: no basemap, font, script or tile from elsewhere. */
    void assertOffline() {
        List<String> urls = requested();
        assertThat(urls).as("requests").isNotEmpty()
                .allSatisfy(u -> assertThat(u).startsWith(url("/")));
    }

    @Test
    void theMapDrawsFromTilesWhatTheApiMatchesAndFollowsItsControls() throws Exception {
        browser.get(url("/map"));
        WebElement map = loaded(1);
        long all = markers(map);
        String query = map.getAttribute("data-query");
        // the whole temporal extent is no filter: the first view's tiles are the kept counts' (issue 14)
        assertThat(query).isEmpty();
        // the incidents in the drawn tiles are the items the API matches, and some are on screen
        assertThat(all).isPositive().isEqualTo(numberMatched(query)).isEqualTo(numberMatched(""));
        assertThat(rendered()).as("features rendered from the tiles").isPositive();
        // the first view is painted in one frame once its tiles are in, not frame by frame as they come (unless that
        // took longer than the page waits, on a slow machine: then it paints as before)
        String firstPaint = map.getAttribute("data-first-paint");
        assertThat(firstPaint).isIn("loaded", "timeout");
        if (firstPaint.equals("loaded")) {
            assertThat(map.getAttribute("data-frames")).as("frames painted for the first view").isEqualTo("1");
        }
        assertThat(requested()).as("incident tiles with the controls' filters")
                .anyMatch(u -> u.contains("/collections/incidents/tiles/WebMercatorQuad/") && !u.contains("?"));
        assertHistogramMatchesItems(query);
        save(screenshot());

        // move the end of the date range back to the first 60 days of the extent
        WebElement to = browser.findElement(By.id("date-to"));
        int max = Integer.parseInt(to.getAttribute("max"));
        assertThat(max).isGreaterThan(60);
        set("date-to", "60");
        map = loaded(2);
        String earlyQuery = map.getAttribute("data-query");
        assertThat(earlyQuery).isNotEqualTo(query).startsWith("datetime=");
        long early = markers(map);
        assertThat(early).isEqualTo(numberMatched(earlyQuery)).isLessThan(all).isPositive();
        assertThat(browser.findElement(By.id("status")).getText()).startsWith(early + " incidents");
        assertThat(requested()).anyMatch(u -> u.endsWith("?" + earlyQuery));
        assertHistogramMatchesItems(earlyQuery);

        // the event-type filter and the border distance are the API's own parameters too
        set("date-to", String.valueOf(max));
        loaded(3);
        set("event-type", "Explosions/Remote violence");
        map = loaded(4);
        String typed = map.getAttribute("data-query");
        assertThat(typed).contains("event_type=Explosions%2FRemote+violence");
        long explosions = markers(map);
        assertThat(explosions).isEqualTo(numberMatched(typed)).isLessThan(all).isPositive();
        assertHistogramMatchesItems(typed);
        WebElement km = browser.findElement(By.id("border-km"));
        km.sendKeys("5");
        km.sendKeys(Keys.TAB);
        map = loaded(5);
        String near = map.getAttribute("data-query");
        assertThat(near).contains("max-border-distance=5000");
        assertThat((long) markers(map)).isEqualTo(numberMatched(near)).isLessThan(explosions);
        assertThat(requested()).anyMatch(u -> u.endsWith("?" + near));
        assertOffline();
    }

    @Test
    void aPopupFetchesTheIncidentByIdAndShowsDatePlaceCasualtiesPerClaimantAndSources() throws Exception {
        browser.get(url("/map"));
        loaded(1);
        Object found = ((JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch('collections/incidents/items?limit=1000').then(r => r.json()).then(fc => {"
                        + "  var f = fc.features.filter(x => x.properties.claims.length > 1)"
                        + "      .sort((a, b) => b.properties.claims.length - a.properties.claims.length)[0];"
                        + "  done([f.id, f.properties.event_date, f.properties.claims[0].claimant, f.properties.location_name].join('|')); });");
        String[] incident = found.toString().split("\\|");
        WebElement map = browser.findElement(By.id("map"));
        ((JavascriptExecutor) browser).executeScript("document.getElementById('map').atlas.showIncident(arguments[0]);",
                incident[0]);
        new WebDriverWait(browser, Duration.ofSeconds(30)).withMessage(() -> HeadlessChromium.console(browser))
                .until(d -> map.getAttribute("data-focus") != null);
        // the incident's circle is clicked like a user would, where the map drew it
        String[] focus = map.getAttribute("data-focus").split(",");
        WebElement canvas = browser.findElement(By.cssSelector("#map canvas"));
        int x = Integer.parseInt(focus[0]) - canvas.getSize().getWidth() / 2;
        int y = Integer.parseInt(focus[1]) - canvas.getSize().getHeight() / 2;
        new Actions(browser).moveToElement(canvas, x, y).click().perform();
        // the popup is filled from the incident fetched by id
        WebElement popup = new WebDriverWait(browser, Duration.ofSeconds(15)).withMessage(() -> HeadlessChromium.console(browser))
                .until(d -> d.findElements(By.cssSelector(".maplibregl-popup-content .popup")).stream()
                        .filter(e -> e.getText().contains("Claimant")).findFirst().orElse(null));
        assertThat(map.getAttribute("data-popup-id")).isEqualTo(incident[0]);
        assertThat(popup.getText()).contains(incident[1], incident[2], incident[3], "Claimant", "Killed", "Fatalities:");
        assertThat(requested()).anyMatch(u -> u.endsWith("/collections/incidents/items/" + incident[0]));
        Path file = screenshot().resolveSibling(screenshot().getFileName().toString().replace(".png", "-popup.png"));
        save(file);

        // places come on demand: the layer loads the gazetteer for the visible box (the map is zoomed in)
        assertThat(map.getAttribute("data-place-count")).isNull();
        browser.findElement(By.id("layer-places")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).withMessage(() -> HeadlessChromium.console(browser))
                .until(d -> map.getAttribute("data-place-count") != null);
        assertThat(Integer.parseInt(map.getAttribute("data-place-count"))).isPositive();
        assertOffline();
    }

    /**
     * The histogram reads the days kept on write when the filters are ones they hold (none, an event type, a country),
     * and counts the incidents otherwise: an open datetime that selects every incident takes the second way, and both
     * must draw the same bars.
     */
    @Test
    void theHistogramFromTheKeptDaysEqualsTheOneCountedFromTheIncidents() throws Exception {
        HttpResponse<String> first = api.get("/collections/incidents/items?limit=1");
        String type = json.readTree(first.body()).path("features").get(0).path("properties").path("event_type").asString();
        for (String filter : List.of("", "&event_type=" + URLEncoder.encode(type, StandardCharsets.UTF_8),
                "&country=ARM")) {
            for (String interval : List.of("day", "month", "year")) {
                String kept = "/map/histogram?interval=" + interval + filter;
                JsonNode fromKept = histogram(kept);
                JsonNode counted = histogram(kept + "&datetime=../2999-12-31");
                assertThat(fromKept.path("buckets")).as(kept).isEqualTo(counted.path("buckets"));
                assertThat(fromKept.path("total").asLong()).as(kept).isEqualTo(numberMatched(filter.isEmpty() ? "" : filter.substring(1)));
            }
        }
        assertThat(histogram("/map/histogram").path("total").asLong()).isPositive();
    }

    private JsonNode histogram(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = api.get(path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    @Test
    void theHistogramRefusesABadIntervalOrFilterWithA400() throws Exception {
        for (String q : List.of("interval=week", "datetime=yesterday", "event_type=Battles&limit=5")) {
            HttpResponse<String> r = api.get("/map/histogram?" + q);
            assertThat(r.statusCode()).as(q + ": " + r.body()).isEqualTo(400);
            assertThat(json.readTree(r.body()).path("description").asString()).as(q).isNotBlank();
        }
    }

    @Test
    void thePageCarriesTheCollectionsExtentSoTheMapOpensOnIt() throws Exception {
        JsonNode extent = json.readTree(api.get("/collections/incidents?f=json").body()).path("extent");
        String page = api.get("/map").body();
        Matcher bbox = Pattern.compile("data-bbox=\"([^\"]*)\"").matcher(page);
        Matcher interval = Pattern.compile("data-interval=\"([^\"]*)\"").matcher(page);
        assertThat(bbox.find()).as("data-bbox in the page").isTrue();
        assertThat(interval.find()).as("data-interval in the page").isTrue();
        List<Double> expected = new ArrayList<>();
        extent.path("spatial").path("bbox").get(0).forEach(v -> expected.add(v.asDouble()));
        assertThat(List.of(bbox.group(1).split(",")).stream().map(Double::valueOf).toList()).hasSize(4).isEqualTo(expected);
        JsonNode dates = extent.path("temporal").path("interval").get(0);
        assertThat(interval.group(1)).isEqualTo(dates.get(0).asString().substring(0, 10) + "/" + dates.get(1).asString().substring(0, 10));
        assertThat(page).as("nothing to preload: the extent is in the page").doesNotContain("collections/incidents?f=json");
    }

    @Test
    void mapLibresBundleIsSentAsGzippedAtBuildTimeAndPlainToAClientThatDoesNotAcceptGzip() throws Exception {
        String bundle = "/vendor/maplibre-gl/maplibre-gl.js";
        HttpResponse<byte[]> plain = api.getBytes(bundle);
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.headers().firstValue("Cache-Control").orElse("")).contains("max-age=3600");
        byte[] madeAtBuild;
        try (var in = getClass().getResourceAsStream("/static" + bundle + ".gz")) {
            assertThat(in).as("the .gz made at build time (maven-antrun-plugin, process-resources)").isNotNull();
            madeAtBuild = in.readAllBytes();
        }
        HttpResponse<byte[]> gzipped = api.getBytes(bundle, "Accept-Encoding", "gzip, deflate");
        assertThat(gzipped.statusCode()).isEqualTo(200);
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.headers().allValues("Vary")).anySatisfy(v -> assertThat(v).containsIgnoringCase("Accept-Encoding"));
        assertThat(gzipped.headers().firstValue("Cache-Control").orElse("")).contains("max-age=3600");
        // the very bytes of the file made at build time (not compressed again per request), and the bundle once unzipped
        assertThat(gzipped.body()).isEqualTo(madeAtBuild);
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain.body());
        }
    }

    @Test
    void theCountryOutlinesComeAsCachedVectorTilesAndABadTileIsRefusedWithJson() throws Exception {
        // zoom 5, x 19, y 11: Georgia, Armenia and parts of Turkey, Azerbaijan, Iran and Russia
        HttpResponse<byte[]> tile = api.getBytes("/map/countries/5/19/11");
        assertThat(tile.statusCode()).isEqualTo(200);
        assertThat(tile.headers().firstValue("Content-Type")).hasValue("application/vnd.mapbox-vector-tile");
        assertThat(tile.headers().firstValue("Cache-Control").orElse("")).contains("max-age=86400");
        assertThat(tile.body()).isNotEmpty();
        String etag = tile.headers().firstValue("ETag").orElseThrow();
        assertThat(api.getBytes("/map/countries/5/19/11", "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(api.getBytes("/map/countries/1/0/0").body()).as("the Americas: no outline").isEmpty();
        for (String bad : List.of("5/32/0", "5/0/-1", "-1/0/0", "13/0/0", "a/0/0", "5/0/1.5")) {
            HttpResponse<String> r = api.get("/map/countries/" + bad);
            assertThat(r.statusCode()).as(bad + ": " + r.body()).isBetween(400, 404);
            assertThat(json.readTree(r.body()).path("description").asString()).as(bad).isNotBlank();
        }
    }

    @Test
    void theItemsPageMapsItsPage() throws Exception {
        browser.get(url("/collections/incidents/items?f=html&limit=5"));
        WebElement map = browser.findElement(By.id("map"));
        new WebDriverWait(browser, Duration.ofSeconds(15)).withMessage(() -> HeadlessChromium.console(browser))
                .until(d -> map.getAttribute("data-features") != null);
        assertThat(map.getAttribute("data-features")).isEqualTo("5");
        assertThat(browser.findElements(By.cssSelector("#map path.leaflet-interactive"))).hasSizeGreaterThanOrEqualTo(5);
        browser.findElement(By.linkText("Next page")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.getPageSource().contains("Previous page"));
    }

    void save(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, file, StandardCopyOption.REPLACE_EXISTING);
    }
}
