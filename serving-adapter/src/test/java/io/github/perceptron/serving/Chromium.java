package io.github.perceptron.serving;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium with its driver, from the machine's packages (Debian's chromium and
 * chromium-driver, which {@code .ci/run} installs): Selenium is told where both are, so it never
 * tries to download a browser.
 */
final class Chromium {

    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private Chromium() {
    }

    /**
     * A headless browser with a {@code width×height} window. Where none is installed the test is
     * skipped, saying so loudly; in CI ({@code CI=true}) it fails instead, since CI installs one.
     */
    static ChromeDriver start(int width, int height, String... arguments) {
        return start(width, height, false, arguments);
    }

    /** A phone-sized screen ({@code width×height} CSS pixels) through Chromium's device emulation. */
    static ChromeDriver phone(int width, int height) {
        return start(width, height, true);
    }

    private static ChromeDriver start(int width, int height, boolean phone, String... arguments) {
        Optional<String> browser = firstExisting(BROWSERS);
        Optional<String> driver = firstExisting(DRIVERS);
        if (browser.isEmpty() || driver.isEmpty()) {
            String message = "NO CHROMIUM: the browser test did not run (install Debian's chromium and chromium-driver; "
                    + "looked for " + BROWSERS + " and " + DRIVERS + ")";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(message);
            }
            System.err.println("\n*** " + message + " ***\n");
            Assumptions.abort(message);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.get());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height, "--force-device-scale-factor=1");
        options.addArguments(arguments);
        if (phone) {
            // A headless window is at least 500 px wide; emulation gives the page a true phone width.
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", width, "height", height, "pixelRatio", 2.0, "touch", true)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(driver.get()).toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static Optional<String> firstExisting(List<String> paths) {
        return paths.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst();
    }
}
