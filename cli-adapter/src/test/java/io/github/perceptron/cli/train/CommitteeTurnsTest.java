package io.github.perceptron.cli.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perceptron.cli.JsonModelCodec;
import io.github.perceptron.cli.JsonPlanCodec;
import io.github.perceptron.cli.common.CompareRunners;
import io.github.perceptron.cli.common.UseCases;
import io.github.perceptron.core.data.DatasetSource;
import io.github.perceptron.core.data.ValidationSplit;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.testing.InMemoryDatasetSource;
import io.github.perceptron.core.testing.SyntheticImages;
import io.github.perceptron.core.train.EpochReport;
import io.github.perceptron.core.train.Threads;
import io.github.perceptron.core.train.TrainingListener;
import io.github.perceptron.core.train.TrainingPlan;
import io.github.perceptron.persistence.JsonModelStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three members on two threads take turns: never more than two compute at once, and each is the
 * network it is when the members train one after another.
 */
class CommitteeTurnsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final DatasetSource source = new InMemoryDatasetSource(SyntheticImages.blobs(400, 28, 28, 10, 1),
            SyntheticImages.blobs(100, 28, 28, 10, 2));
    private final AtomicInteger computing = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    /** Counts a member as computing from the first batch of an epoch to the end of that epoch. */
    private final UseCases counting = new TrainingUseCases(CLOCK, member -> new TrainingListener() {
        private boolean inEpoch;

        @Override
        public void batchCompleted(int epoch, int batch, int batches, double meanLoss) {
            if (!inEpoch) {
                inEpoch = true;
                mostAtOnce.accumulateAndGet(computing.incrementAndGet(), Math::max);
            }
        }

        @Override
        public void epochCompleted(EpochReport report) {
            inEpoch = false;
            computing.decrementAndGet();
            member.epochCompleted(report);  // where the member passes its turn
        }

        @Override
        public boolean stopRequested() {
            return member.stopRequested();
        }
    });

    private List<TrainingPlan> plans() {
        List<TrainingPlan> plans = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            plans.add(TrainingPlan.builder().layers(784, 16, 10).epochs(4).batchSize(20).seed(1 + k).build());
        }
        return plans;
    }

    private Model committee(String name, int threads) {
        return train(name, threads, () -> false).committee();
    }

    private CommitteeTraining.Outcome train(String name, int threads, BooleanSupplier stop) {
        CommitteeReporter reporter = new CommitteeReporter(new PrintWriter(new StringWriter()), false, true, "test");
        return new CommitteeTraining(counting, new CompareRunners.Local(), new JsonPlanCodec(), new JsonModelCodec(),
                new JsonModelStore(), CLOCK, reporter)
                .train(source, plans(), plan -> ValidationSplit.NONE, new CommitteeTraining.Placement(null, null,
                        new Threads(threads)), dir.resolve(name), stop);
    }

    @Test
    void three_members_on_two_threads_never_compute_three_at_once_and_keep_their_bits() {
        Model turns = committee("turns.json", 2);
        assertThat(mostAtOnce.get()).as("members computing at once").isBetween(1, 2);

        Model oneByOne = committee("one-by-one.json", 1);
        assertThat(turns.members()).hasSize(3);
        for (int k = 0; k < 3; k++) {
            assertThat(turns.members().get(k).weightsDigest()).as("member %d", k + 1)
                    .isEqualTo(oneByOne.members().get(k).weightsDigest());
        }
        assertThat(turns.weightsDigest()).isEqualTo(oneByOne.weightsDigest());
    }

    @Test
    void a_stop_while_members_take_turns_ends_every_member_and_the_same_command_finishes_the_committee() {
        // Asked after each member's every epoch but its last: from the second question on, the answer is stop, so
        // no member of 4 epochs can finish, and the members waiting for a turn must end too, not hang.
        AtomicInteger asked = new AtomicInteger();
        CommitteeTraining.Outcome stopped = train("stopped.json", 2, () -> asked.incrementAndGet() > 1);
        assertThat(stopped.stopped()).isTrue();
        assertThat(stopped.finished()).isZero();

        CommitteeTraining.Outcome resumed = train("stopped.json", 2, () -> false);
        assertThat(resumed.stopped()).isFalse();
        assertThat(resumed.committee().weightsDigest()).isEqualTo(committee("whole.json", 1).weightsDigest());
    }
}
