package org.incidentatlas.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.json.JsonMapper;

/**
 * The web map in a real headless Chromium against the running service with its demo data: the
 * markers it loads are the features the API matches, before and after moving the date slider
 * and the other controls. Saves screenshots under target/.
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
        new WebDriverWait(browser, Duration.ofSeconds(30)).withMessage(() -> "map state " + map.getAttribute("data-state")
                + ", load " + map.getAttribute("data-load-id") + "; status: " + browser.findElement(By.id("status")).getText() + "; console:\n" + HeadlessChromium.console(browser))
                .until(d -> "ready".equals(map.getAttribute("data-state"))
                        && Integer.parseInt(map.getAttribute("data-load-id")) >= loadId);
        return map;
    }

    int markers(WebElement map) {
        return Integer.parseInt(map.getAttribute("data-marker-count"));
    }

    void set(String id, String value) {
        ((JavascriptExecutor) browser).executeScript("var s = document.getElementById(arguments[0]); s.value = arguments[1];"
                + "s.dispatchEvent(new Event('input')); s.dispatchEvent(new Event('change'));", id, value);
    }

    @Test
    void theMapShowsWhatTheApiMatchesAndFollowsItsControls() throws Exception {
        browser.get(url("/map"));
        WebElement map = loaded(1);
        int all = markers(map);
        String query = map.getAttribute("data-query");
        assertThat(query).startsWith("datetime=");
        assertThat((long) all).isPositive().isEqualTo(numberMatched(query)).isEqualTo(numberMatched(""));
        // clustered or single, the markers are drawn, and so are the borders
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(
                By.cssSelector(".incident-icon, .marker-cluster")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("path.leaflet-interactive"))).as("borders drawn").isNotEmpty();
        save(screenshot());

        // move the end of the date range back to the first 60 days of the extent
        WebElement to = browser.findElement(By.id("date-to"));
        int max = Integer.parseInt(to.getAttribute("max"));
        assertThat(max).isGreaterThan(60);
        set("date-to", "60");
        map = loaded(2);
        String earlyQuery = map.getAttribute("data-query");
        assertThat(earlyQuery).isNotEqualTo(query).startsWith("datetime=");
        assertThat((long) markers(map)).isEqualTo(numberMatched(earlyQuery)).isLessThan(all).isPositive();
        assertThat(browser.findElement(By.id("status")).getText()).startsWith(markers(map) + " incidents");

        // the event-type filter and the border distance are the API's own parameters too
        set("date-to", String.valueOf(max));
        loaded(3);
        set("event-type", "Explosions/Remote violence");
        map = loaded(4);
        String typed = map.getAttribute("data-query");
        assertThat(typed).contains("event_type=Explosions%2FRemote+violence");
        int explosions = markers(map);
        assertThat((long) explosions).isEqualTo(numberMatched(typed)).isLessThan(all).isPositive();
        WebElement km = browser.findElement(By.id("border-km"));
        km.sendKeys("5");
        km.sendKeys(Keys.TAB);
        map = loaded(5);
        String near = map.getAttribute("data-query");
        assertThat(near).contains("max-border-distance=5000");
        assertThat((long) markers(map)).isEqualTo(numberMatched(near)).isLessThan(explosions);
    }

    @Test
    void aPopupShowsDatePlaceCasualtiesPerClaimantAndSources() throws Exception {
        browser.get(url("/map"));
        loaded(1);
        Object found = ((JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch('collections/incidents/items?limit=1000').then(r => r.json()).then(fc => {"
                        + "  var f = fc.features.filter(x => x.properties.claims.length > 1)"
                        + "      .sort((a, b) => b.properties.claims.length - a.properties.claims.length)[0];"
                        + "  done([f.id, f.properties.event_date, f.properties.claims[0].claimant, f.properties.location_name].join('|')); });");
        String[] incident = found.toString().split("\\|");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('map').atlas.showIncident(arguments[0]);",
                incident[0]);
        // once out of its cluster, the marker is clicked like a user would
        WebElement marker = new WebDriverWait(browser, Duration.ofSeconds(30)).withMessage(() -> "no marker titled '" + incident[3]
                        + "' among " + browser.findElements(By.cssSelector(".incident-icon")).stream().map(e -> e.getAttribute("title")).toList()
                        + "\n" + HeadlessChromium.console(browser))
                .until(d -> d.findElements(By.cssSelector(".incident-icon")).stream()
                        .filter(e -> incident[3].equals(e.getAttribute("title"))).findFirst().orElse(null));
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> {
                    marker.click();
                    return true;
                });
        // the popup fades in: wait until its text is visible
        WebElement popup = new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(d -> d.findElements(By.cssSelector(".leaflet-popup-content .popup")).stream()
                        .filter(e -> e.getText().contains("Claimant")).findFirst().orElse(null));
        assertThat(popup.getText()).contains(incident[1], incident[2], "Claimant", "Killed", "Fatalities:");
        Path file = screenshot().resolveSibling(screenshot().getFileName().toString().replace(".png", "-popup.png"));
        save(file);

        // places come on demand: the overlay loads the gazetteer for the visible box (the popup zoomed in)
        WebElement map = browser.findElement(By.id("map"));
        assertThat(map.getAttribute("data-place-count")).isNull();
        browser.findElements(By.cssSelector(".leaflet-control-layers-overlays label")).stream()
                .filter(l -> l.getText().contains("Places")).findFirst().orElseThrow()
                .findElement(By.tagName("input")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).withMessage(() -> HeadlessChromium.console(browser))
                .until(d -> map.getAttribute("data-place-count") != null);
        assertThat(Integer.parseInt(map.getAttribute("data-place-count"))).isPositive();
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
