package io.github.perceptron.cli.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perceptron.cli.JsonModelCodec;
import io.github.perceptron.cli.JsonPlanCodec;
import io.github.perceptron.cli.common.CompareRunners;
import io.github.perceptron.cli.common.UseCases;
import io.github.perceptron.core.data.DatasetSource;
import io.github.perceptron.core.data.ValidationSplit;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.run.TrainingRuns;
import io.github.perceptron.core.testing.InMemoryDatasetSource;
import io.github.perceptron.core.testing.SyntheticImages;
import io.github.perceptron.core.train.Threads;
import io.github.perceptron.core.train.TrainingListener;
import io.github.perceptron.core.train.TrainingPlan;
import io.github.perceptron.core.tune.TrialRunner;
import io.github.perceptron.core.tune.TuneModel;
import io.github.perceptron.persistence.JsonModelStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A committee stopped (Ctrl-C) keeps the members that finished, drops the one cut short, and the
 * next run of the same command trains only the rest, ending with the committee of a run never
 * stopped, bit for bit.
 */
class CommitteeStopTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final DatasetSource source = new InMemoryDatasetSource(SyntheticImages.blobs(300, 28, 28, 10, 1),
            SyntheticImages.blobs(100, 28, 28, 10, 2));
    private final JsonModelStore store = new JsonModelStore();
    private final UseCases useCases = new UseCases() {
        @Override
        public TrainingRuns training(DatasetSource data, TrainingListener listener, Threads threads) {
            return new TrainingRuns(data, listener, CLOCK, threads);
        }

        @Override
        public TuneModel tuning(DatasetSource data, Threads threads, TrialRunner runner) {
            throw new UnsupportedOperationException("not a search");
        }
    };

    private List<TrainingPlan> plans() {
        List<TrainingPlan> plans = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            plans.add(TrainingPlan.builder().layers(784, 12, 10).epochs(3).batchSize(50).seed(1 + k).build());
        }
        return plans;
    }

    private CommitteeTraining.Outcome run(Path model, java.util.function.BooleanSupplier stop) {
        CommitteeReporter reporter = new CommitteeReporter(new PrintWriter(new StringWriter()), false, true, "test");
        return new CommitteeTraining(useCases, new CompareRunners.Local(), new JsonPlanCodec(), new JsonModelCodec(), store,
                CLOCK, reporter)
                .train(source, plans(), plan -> ValidationSplit.NONE, new CommitteeTraining.Placement(null, null,
                        new Threads(1)), model, stop);
    }

    @Test
    void a_stopped_committee_keeps_its_finished_members_and_the_same_command_finishes_it() {
        Path model = dir.resolve("stopped.json");
        Path members = CommitteeTraining.membersBeside(model);
        // One thread: members train one after another, each asking after every epoch but its last (3 epochs: twice).
        // The stop comes at the third question: member 1 has finished, member 2 has one epoch behind it.
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        CommitteeTraining.Outcome stopped = run(model, () -> asked.incrementAndGet() > 2);

        assertThat(stopped.stopped()).isTrue();
        assertThat(stopped.finished()).isEqualTo(1);
        assertThat(members.resolve("member-1.json")).exists();
        assertThat(members.resolve("member-2.json")).as("cut short by the stop: not kept").doesNotExist();

        CommitteeTraining.Outcome resumed = run(model, () -> false);
        CommitteeTraining.Outcome whole = run(dir.resolve("whole.json"), () -> false);
        assertThat(resumed.stopped()).isFalse();
        Model again = resumed.committee();
        assertThat(again.weightsDigest()).isEqualTo(whole.committee().weightsDigest());
        assertThat(resumed.test()).isEqualTo(whole.test());
    }
}
