package io.github.perceptron.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.perceptron.core.testing.TinyModels;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The attacks of {@link CrossSiteRequestsTest} from a real headless Chromium: a page on a second
 * origin (another loopback port) submits a form to the reload route and fires a no-cors
 * {@code fetch} at it; a host name mapped to 127.0.0.1 in the browser (as a rebinding DNS answer
 * would) asks for the model's description.
 */
class CrossSiteBrowserTest {

    @Test
    void a_page_on_another_origin_cannot_reload_and_a_rebound_name_reads_nothing() throws Exception {
        try (TestServer target = new TestServer(TinyModels.trained())) {
            int port = target.server.port();
            String reload = "http://127.0.0.1:" + port + "/v1/model/reload";
            String attack = "<!doctype html><title>waiting</title>"
                    + "<iframe name=sink></iframe>"
                    + "<form id=f method=post enctype=text/plain target=sink action='" + reload + "'>"
                    + "<input name=a value=b></form>"
                    + "<script>document.getElementById('f').submit();"
                    + "fetch('" + reload + "', {method: 'POST', mode: 'no-cors'})"
                    + ".finally(() => setTimeout(() => document.title = 'done', 500));</script>";
            HttpServer attacker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
            attacker.createContext("/", exchange -> {
                byte[] page = attack.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                exchange.getResponseBody().write(page);
                exchange.close();
            });
            attacker.start();
            long generation = target.server.modelGeneration();
            ChromeDriver browser = Chromium.start(800, 600, "--host-resolver-rules=MAP rebind.test 127.0.0.1");
            try {
                browser.get("http://localhost:" + attacker.getAddress().getPort() + "/");
                new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> "done".equals(b.getTitle()));

                browser.get("http://rebind.test:" + port + "/v1/model");
                String rebound = browser.findElement(By.tagName("body")).getText();
                assertThat(rebound).contains("\"status\":421").doesNotContain("models/test.json");
            } finally {
                browser.quit();
                attacker.stop(0);
            }
            assertThat(target.server.modelGeneration()).as("the model generation").isEqualTo(generation);
            // Both attempts reached the service and were refused by it (Chromium sends the form's
            // Origin too), not by the browser.
            assertThat(target.get("/metrics").body())
                    .contains("{route=\"/v1/model/reload\",method=\"POST\",status=\"403\"} 2");
        }
    }

    /** With a token, the page opened as /#token=… describes the model; opened without it, it cannot. */
    @Test
    void the_page_sends_the_token_from_its_address_fragment() throws Exception {
        String token = "page-token-0123456789abcdef";
        try (TestServer guarded = new TestServer(TinyModels.trained(), TestServer.REAL_IMAGES,
                ServerSettings.defaults("127.0.0.1", 0).withBearerToken(token))) {
            ChromeDriver browser = Chromium.start(1000, 800);
            try {
                browser.get(guarded.server.url() + "#token=" + token);
                new WebDriverWait(browser, Duration.ofSeconds(20))
                        .until(b -> b.findElement(By.id("model-info")).getText().contains("parameters"));
                assertThat(browser.findElement(By.id("model-info")).getText()).contains("test.json");

                browser.get(guarded.server.url().toString());
                browser.navigate().refresh();
                new WebDriverWait(browser, Duration.ofSeconds(20))
                        .until(b -> b.findElement(By.tagName("body")).getText().contains("needs the service's token"));
            } finally {
                browser.quit();
            }
        }
    }
}
