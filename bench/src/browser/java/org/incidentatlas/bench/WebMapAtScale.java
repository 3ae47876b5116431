package org.incidentatlas.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web map in headless Chromium against a running service (bench/webmap-1m.sh: PostGIS with
 * 1,000,000 incidents): how long the first view takes to draw (page opened → tiles drawn and the
 * histogram in, the page's own data-ready-ms, with a breakdown from the page's performance marks), and whether after a filter change the incidents in
 * the drawn tiles are what the API's numberMatched says. Each run opens a fresh browser (cold
 * cache). Exits 1 when a count differs or the first view takes longer than --target-ms.
 *
 * <pre>
 * java -cp "$TEST_CLASSPATH" bench/src/browser/java/org/incidentatlas/bench/WebMapAtScale.java \
 *      --base http://127.0.0.1:18180 [--runs 3] [--target-ms 2000]
 * </pre>
 */
public final class WebMapAtScale {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern NUMBER_MATCHED = Pattern.compile("\"numberMatched\"\\s*:\\s*(\\d+)");

    public static void main(String[] args) throws Exception {
        String base = null;
        int runs = 3;
        long target = 2000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--base" -> base = args[++i];
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--target-ms" -> target = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        boolean ok = true;
        List<Long> firstViews = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            ChromeDriver browser = start();
            try {
                browser.get(base + "/map");
                WebElement map = loaded(browser, 1);
                long first = Long.parseLong(map.getAttribute("data-ready-ms"));
                firstViews.add(first);
                long drawn = Long.parseLong(map.getAttribute("data-marker-count"));
                String query = map.getAttribute("data-query");
                long matched = numberMatched(base, query);
                System.out.printf("run %d: first view drawn in %d ms (%s tile requests); %d incidents in the tiles, API numberMatched %d%n",
                        run, first, ((JavascriptExecutor) browser).executeScript(
                                "return document.getElementById('map').atlas.requested().filter(u => u.includes('/tiles/')).length"),
                        drawn, matched);
                System.out.printf("run %d: breakdown (ms since navigation start) %s%n", run, ((JavascriptExecutor) browser).executeScript(
                        "var n = performance.getEntriesByType('navigation')[0];"
                                + "var parts = ['html ' + Math.round(n.responseEnd)];"
                                + "performance.getEntriesByType('resource').forEach(e => { if (/maplibre-gl.js|incidents.f=json|histogram/.test(e.name))"
                                + "  parts.push(e.name.replace(/^.*\\//, '') + ' ' + Math.round(e.startTime) + '-' + Math.round(e.responseEnd)); });"
                                + "performance.getEntriesByType('mark').forEach(e => parts.push(e.name.replace('atlas:', '') + ' ' + Math.round(e.startTime)));"
                                + "var m = document.getElementById('map').dataset;"
                                + "return parts.join(', ') + '; frames drawn ' + m.frames + (m.firstPaint ? ', first painted once ' + m.firstPaint : '');"));
                ok &= drawn == matched && first <= target;
                ok &= change(browser, base, run, 2, "event-type", "Battles");
                ok &= change(browser, base, run, 3, "date-to", "365");
            } finally {
                browser.quit();
            }
        }
        firstViews.sort(null);
        System.out.printf("first view: median %d ms, max %d ms over %d runs (target %d ms)%n",
                firstViews.get(firstViews.size() / 2), firstViews.get(firstViews.size() - 1), runs, target);
        System.out.println(ok ? "OK" : "FAILED");
        System.exit(ok ? 0 : 1);
    }

    /** Sets a control, waits for the redraw and compares the drawn count with the API's for the same query. */
    private static boolean change(ChromeDriver browser, String base, int run, int load, String control, String value) throws Exception {
        ((JavascriptExecutor) browser).executeScript("var s = document.getElementById(arguments[0]); s.value = arguments[1];"
                + "s.dispatchEvent(new Event('input')); s.dispatchEvent(new Event('change'));", control, value);
        WebElement map = loaded(browser, load);
        long drawn = Long.parseLong(map.getAttribute("data-marker-count"));
        String query = map.getAttribute("data-query");
        long matched = numberMatched(base, query);
        long histogram = Long.parseLong(browser.findElement(By.id("histogram")).getAttribute("data-total"));
        System.out.printf("run %d: %s=%s redrawn in %s ms: %d incidents in the tiles, histogram %d, API numberMatched %d (%s)%n",
                run, control, value, map.getAttribute("data-draw-ms"), drawn, histogram, matched, query);
        return drawn == matched && histogram == matched;
    }

    private static WebElement loaded(ChromeDriver browser, int loadId) {
        WebElement map = browser.findElement(By.id("map"));
        new WebDriverWait(browser, Duration.ofSeconds(180)).withMessage(() -> "map state " + map.getAttribute("data-state")
                        + ", status " + browser.findElement(By.id("status")).getText())
                .until(d -> "ready".equals(map.getAttribute("data-state"))
                        && Integer.parseInt(map.getAttribute("data-load-id")) >= loadId);
        return map;
    }

    private static long numberMatched(String base, String query) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/collections/incidents/items?limit=1&" + query))
                .header("Accept", "application/geo+json").build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = NUMBER_MATCHED.matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
        return Long.parseLong(m.group(1));
    }

    /**
     * Debian's Chromium, headless, as the web map tests run it (software WebGL: SwiftShader, as --disable-gpu leaves
     * it), less the omnibox pop-up that new headless Chromium builds in the background at start-up, seconds of CPU
     * on 2 cores while the page loads (Puppeteer turns it off by default too).
     */
    private static ChromeDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--lang=en", "--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(60)).build();
        return new ChromeDriver(service, options);
    }
}
