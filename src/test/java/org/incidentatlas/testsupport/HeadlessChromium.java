package org.incidentatlas.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and chromedriver, driven headless by Selenium, as the real browser of the
 * web map tests. Where they are not installed the test is skipped loudly, except on CI
 * (CI=true), where that fails the build: .ci/run installs them.
 */
public final class HeadlessChromium {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    public static void require() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String message = "Chromium or chromedriver is not installed at " + CHROMIUM + " / " + CHROMEDRIVER
                + " (Debian: apt-get install chromium chromium-driver)";
        MissingTool.skipOrFail(message);
    }

    /** A new headless browser with a 1280×900 window; the caller quits it. */
    public static ChromeDriver start() {
        require();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--lang=en");
        // the page's console, for failure messages
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(60)).build();
        return new ChromeDriver(service, options);
    }

    /** What the page logged to its console so far, one entry a line. */
    public static String console(ChromeDriver browser) {
        StringBuilder b = new StringBuilder();
        browser.manage().logs().get("browser").getAll().forEach(e -> b.append(e.getLevel()).append(' ').append(e.getMessage()).append('\n'));
        return b.toString();
    }
}
