package io.github.perceptron.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.perceptron.core.data.InputNormalisation;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.model.ModelMetadata;
import io.github.perceptron.core.testing.SyntheticImages;
import io.github.perceptron.core.train.TrainingListener;
import io.github.perceptron.core.train.TrainingPlan;
import io.github.perceptron.core.trainer.Trainer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code serve} with a committee: the API answers with the committee's mean probabilities, its
 * description lists the members, and the page in a real headless Chromium names each of them.
 */
class CommitteeServingTest {

    private static TestServer server;
    private static Model committee;

    @BeforeAll
    static void start() throws java.io.IOException {
        LabelledImages train = SyntheticImages.blobs(1000, 28, 28, 10, 1);
        List<Model> members = new ArrayList<>();
        int[][] layers = {{784, 16, 10}, {784, 16, 10}, {784, 24, 10}};
        for (int k = 0; k < layers.length; k++) {
            var network = new Trainer(TrainingPlan.builder().layers(layers[k]).epochs(1).batchSize(50).seed(1 + k).build(),
                    TrainingListener.NONE).train(train, null).network();
            Model member = Model.restore(network.spec(), network.parameters().stream().map(p -> p.values()).toList(), 28,
                    28, train.classNames(), new ModelMetadata("blobs", 1 + k, 1, OptionalDouble.of(0.5 + k / 10.0), "test",
                            Instant.EPOCH));
            // The second member sees the digits deskewed: the page and the description say so.
            members.add(k == 1 ? member.withInputNormalisation(InputNormalisation.DESKEW) : member);
        }
        committee = Model.committee(members, new ModelMetadata("blobs", 1, 1, OptionalDouble.of(0.75), "test",
                Instant.EPOCH));
        server = new TestServer(committee);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void the_api_answers_with_the_committee_and_describes_its_members() throws Exception {
        float[] image = new float[784];
        for (int p = 300; p < 500; p += 3) {
            image[p] = 1f;
        }
        JsonNode answer = TestServer.predictions(server.postPixels(image)).get(0);
        assertThat(TestServer.probabilities(answer)).containsExactly(committee.predict(image).probabilities());

        HttpResponse<String> described = server.get("/v1/model");
        assertThat(described.statusCode()).isEqualTo(200);
        JsonNode model = TestServer.json(described);
        assertThat(model.get("kind").asText()).isEqualTo("committee");
        assertThat(model.get("members")).hasSize(3);
        assertThat(model.get("members").get(2).get("layers").toString()).isEqualTo("[784,24,10]");
        assertThat(model.get("members").get(1).get("seed").asLong()).isEqualTo(2);
        assertThat(model.get("members").get(1).get("normalisation").asText()).isEqualTo("deskew");
        assertThat(model.get("members").get(0).has("normalisation")).as("images as they are").isFalse();
        assertThat(model.get("parameters").asLong()).isEqualTo(2 * 12_730 + 19_090);
        assertThat(server.server.modelSummary()).isEqualTo("a committee of 3: [784, 16, 10] ×2, [784, 24, 10], "
                + "10 classes, 44,550 parameters");
    }

    @Test
    void the_page_names_every_member() {
        ChromeDriver browser = Chromium.start(1100, 900);
        try {
            browser.get(server.server.url().toString());
            new WebDriverWait(browser, Duration.ofSeconds(20))
                    .until(b -> b.findElement(By.id("model-info")).getText().contains("member 3"));
            String info = browser.findElement(By.id("model-info")).getText();
            assertThat(info).contains("3 members, answering with the mean of their probabilities")
                    .contains("784 → 16 → 10, seed 1, test accuracy 50.00%")
                    .contains("784 → 16 → 10, deskew, seed 2, test accuracy 60.00%")
                    .contains("784 → 24 → 10, seed 3, test accuracy 70.00%")
                    .contains("75.00%");
        } finally {
            browser.quit();
        }
    }
}
