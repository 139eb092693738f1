package io.github.perceptron.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perceptron.core.testing.InMemoryDatasetSource;
import io.github.perceptron.core.testing.SyntheticImages;
import io.github.perceptron.core.train.EpochReport;
import io.github.perceptron.core.train.TrainedModel;
import io.github.perceptron.core.train.TrainingListener;
import io.github.perceptron.core.train.TrainingPlan;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A listener, a thread count and a clock are each one call away (an embedder had to pass a
 * {@code Clock} to a four-argument constructor to see progress), and none changes the weights.
 */
class TrainModelSettingsTest {

    private final InMemoryDatasetSource source = new InMemoryDatasetSource(SyntheticImages.blobs(120, 8, 8, 4, 1),
            SyntheticImages.blobs(40, 8, 8, 4, 2));
    private final TrainingPlan plan = TrainingPlan.builder().layers(64, 8, 4).epochs(3).batchSize(20).seed(4).build();

    @Test
    void a_lambda_listener_sees_every_epoch_and_the_weights_are_those_of_a_silent_run() {
        List<EpochReport> reports = new ArrayList<>();
        TrainedModel heard = new TrainModel(source).reportingTo(TrainingListener.onEpoch(reports::add)).train(plan);
        TrainedModel silent = new TrainModel(source).onThreads(1).train(plan);
        assertThat(reports).extracting(EpochReport::epoch).containsExactly(1, 2, 3);
        assertThat(heard.model().weightsDigest()).isEqualTo(silent.model().weightsDigest());
    }

    @Test
    void a_fixed_clock_dates_the_model() {
        Instant noon = Instant.parse("2026-12-02T12:00:00Z");
        TrainedModel trained = new TrainModel(source).datedBy(Clock.fixed(noon, ZoneOffset.UTC)).train(plan);
        assertThat(trained.model().metadata().created()).isEqualTo(noon);
    }

    @Test
    void no_threads_is_refused() {
        assertThatThrownBy(() -> new TrainModel(source).onThreads(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threads must be >= 1");
    }
}
