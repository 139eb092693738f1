package io.github.perceptron.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.data.Split;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.model.ModelMetadata;
import io.github.perceptron.core.testing.SyntheticImages;
import io.github.perceptron.core.train.TrainingListener;
import io.github.perceptron.core.train.TrainingPlan;
import io.github.perceptron.core.trainer.Trainer;
import io.github.perceptron.dataset.DatasetFetcher;
import io.github.perceptron.dataset.IdxDatasetSource;
import io.github.perceptron.dataset.KnownDataset;
import io.github.perceptron.persistence.JsonModelStore;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The draw-a-digit page in a real headless Chromium: a stroke drawn with pointer actions gets the
 * answer the API gives for the page's own 28×28 input, and an uploaded test image shows its class.
 * The model is trained here on MNIST when it is cached (CI fetches it), otherwise on synthetic
 * 28×28 blobs: the page's agreement with the API holds for any model. With
 * {@code -Dperceptron.page.model=FILE} it serves that saved model instead (how the screenshots in
 * docs/serve.md were taken).
 */
class DrawADigitPageTest {

    private static final Path MNIST = DatasetFetcher.defaultDirectory(KnownDataset.MNIST, System.getenv());

    private static TestServer server;
    private static LabelledImages testImages;
    private static boolean realDigits;

    @BeforeAll
    static void start() throws IOException {
        String saved = System.getProperty("perceptron.page.model");
        if (saved != null) {
            realDigits = true;
            testImages = IdxDatasetSource.mnist(MNIST).load(Split.TEST);
            server = new TestServer(new JsonModelStore().load(Path.of(saved).toAbsolutePath()), saved,
                    TestServer.REAL_IMAGES, ServerSettings.defaults("127.0.0.1", 0));
            return;
        }
        LabelledImages train;
        realDigits = DatasetFetcher.isComplete(KnownDataset.MNIST, MNIST);
        if (realDigits) {
            IdxDatasetSource source = IdxDatasetSource.mnist(MNIST);
            train = source.load(Split.TRAIN);
            testImages = source.load(Split.TEST);
        } else {
            train = SyntheticImages.blobs(2000, 28, 28, 10, 1);
            testImages = SyntheticImages.blobs(20, 28, 28, 10, 2);
        }
        TrainingPlan plan = TrainingPlan.builder().layers(784, 64, 10).epochs(1).batchSize(50).seed(1).build();
        var network = new Trainer(plan, TrainingListener.NONE).train(train, null).network();
        Model model = Model.restore(network.spec(), network.parameters().stream().map(p -> p.values()).toList(), 28, 28,
                train.classNames(),
                new ModelMetadata(realDigits ? "mnist" : "blobs", 1, 1, OptionalDouble.empty(), "test", Instant.now()));
        server = new TestServer(model);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void a_drawn_stroke_gets_the_apis_answer_for_the_input_the_page_shows() throws Exception {
        ChromeDriver browser = Chromium.start(1100, 900);
        try {
            browser.get(server.server.url().toString());
            WebElement pad = browser.findElement(By.id("pad"));
            waitForModelInfo(browser);

            // A "7": a bar across the top, then a stroke down and to the left.
            new Actions(browser).moveToElement(pad, -60, -80).clickAndHold()
                    .moveByOffset(40, 0).moveByOffset(40, 0).moveByOffset(40, 0)
                    .moveByOffset(-15, 40).moveByOffset(-15, 40).moveByOffset(-15, 40).moveByOffset(-15, 40)
                    .release().perform();
            settle(browser);

            WebElement prediction = browser.findElement(By.id("prediction"));
            String shown = prediction.getAttribute("data-class");
            assertThat(shown).as("the page shows a prediction").isNotEmpty();
            assertThat(browser.findElements(By.cssSelector("#bars li"))).hasSize(10);

            String input = (String) browser.executeScript("return JSON.stringify(window.perceptron.lastInput)");
            assertThat(TestServer.JSON.readTree(input)).hasSize(784);
            HttpResponse<String> api = server.post("/v1/predict", "application/json",
                    ("{\"pixels\":[" + input + "]}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            JsonNode answer = TestServer.predictions(api).get(0);
            assertThat(answer.get("class").asText()).as("the API's answer for the page's 28×28 input").isEqualTo(shown);
            String pageProbabilities = (String) browser.executeScript("return JSON.stringify(window.perceptron.lastAnswer.probabilities)");
            assertThat(TestServer.JSON.readTree(pageProbabilities)).isEqualTo(answer.get("probabilities"));
            int inkedPixels = 0;
            for (JsonNode v : TestServer.JSON.readTree(input)) {
                inkedPixels += v.asDouble() > 0 ? 1 : 0;
            }
            assertThat(inkedPixels).as("the stroke reached the model").isGreaterThan(20);

            screenshot(browser, "serve-page-drawn.png");
        } finally {
            browser.quit();
        }
    }

    @Test
    void an_uploaded_test_image_shows_its_class() throws Exception {
        int index = realDigits ? 0 : 3;  // MNIST's first test image is a 7
        Path png = Files.createTempFile("digit-", ".png");
        writePng(testImages, index, png);
        HttpResponse<String> api = server.post("/v1/predict", "image/png", Files.readAllBytes(png));
        String expected = TestServer.predictions(api).get(0).get("class").asText();

        ChromeDriver browser = Chromium.start(1100, 900);
        try {
            browser.get(server.server.url().toString());
            waitForModelInfo(browser);
            browser.findElement(By.id("file")).sendKeys(png.toAbsolutePath().toString());
            settle(browser);

            String shown = browser.findElement(By.id("prediction")).getAttribute("data-class");
            assertThat(shown).isEqualTo(expected);
            if (realDigits) {
                assertThat(shown).as("MNIST test image 0 is a 7").isEqualTo("7");
            }
            screenshot(browser, "serve-page-upload.png");
        } finally {
            browser.quit();
            Files.deleteIfExists(png);
        }
    }

    @Test
    void the_page_fits_a_phone_screen_without_sideways_scrolling() throws Exception {
        ChromeDriver browser = Chromium.phone(390, 844);
        try {
            browser.get(server.server.url().toString());
            waitForModelInfo(browser);
            assertThat(((Number) browser.executeScript("return window.innerWidth")).intValue()).isEqualTo(390);
            Number overflow = (Number) browser.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow.intValue()).as("no horizontal scrolling at 390 px").isLessThanOrEqualTo(0);
            WebElement pad = browser.findElement(By.id("pad"));
            assertThat(pad.getRect().getWidth()).as("the pad fits the screen").isBetween(200, 390);
            new Actions(browser).moveToElement(pad, 0, -50).clickAndHold().moveByOffset(0, 40).moveByOffset(0, 40)
                    .release().perform();
            settle(browser);
            assertThat(browser.findElement(By.id("prediction")).getAttribute("data-class")).isNotEmpty();
            screenshot(browser, "serve-page-phone.png");
        } finally {
            browser.quit();
        }
    }

    private static void waitForModelInfo(ChromeDriver browser) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> b.findElement(By.id("model-info")).getText().contains("layers"));
    }

    /** Waits until the page has an answer and nothing in flight or waiting to be sent. */
    private static void settle(JavascriptExecutor browser) {
        new WebDriverWait((ChromeDriver) browser, Duration.ofSeconds(20)).until(b -> Boolean.TRUE.equals(((JavascriptExecutor) b)
                .executeScript("const s = window.perceptron; return s.answered > 0 && !s.inFlight && !s.dirty;")));
    }

    private static void screenshot(ChromeDriver browser, String name) throws IOException {
        Path target = Files.createDirectories(Path.of("target", "screenshots"));
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Test image {@code index}, as MNIST shows it: light ink on black. */
    private static void writePng(LabelledImages images, int index, Path file) throws IOException {
        float[] pixels = new float[images.width() * images.height()];
        images.copyScaled(index, pixels, 0);
        BufferedImage image = new BufferedImage(images.width(), images.height(), BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < pixels.length; i++) {
            image.getRaster().setSample(i % images.width(), i / images.width(), 0, Math.round(255 * pixels[i]));
        }
        ImageIO.write(image, "png", file.toFile());
    }
}
