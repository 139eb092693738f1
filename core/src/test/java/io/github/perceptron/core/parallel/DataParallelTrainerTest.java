package io.github.perceptron.core.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perceptron.core.augment.Augmentation;
import io.github.perceptron.core.checkpoint.TrainerState;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.engine.Evaluator;
import io.github.perceptron.core.engine.Network;
import io.github.perceptron.core.engine.Parameter;
import io.github.perceptron.core.optim.LearningRateSchedule;
import io.github.perceptron.core.optim.OptimizerSpec;
import io.github.perceptron.core.testing.StopAfter;
import io.github.perceptron.core.testing.SyntheticImages;
import io.github.perceptron.core.train.EpochReport;
import io.github.perceptron.core.train.StopReason;
import io.github.perceptron.core.train.Threads;
import io.github.perceptron.core.train.TrainingListener;
import io.github.perceptron.core.train.TrainingPlan;
import io.github.perceptron.core.trainer.TrainedNetwork;
import io.github.perceptron.core.trainer.Trainer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parameter averaging over shards: ordinary training with one shard, the same bits however shards run. */
class DataParallelTrainerTest {

    private final LabelledImages images = SyntheticImages.blobs(400, 12, 12, 4, 8);
    private final LabelledImages test = SyntheticImages.blobs(100, 12, 12, 4, 9);
    // Every source of randomness and state: shuffling, dropout, distortions, momentum, a schedule.
    private final TrainingPlan plan = TrainingPlan.builder().layers(144, 20, 4).dropout(0.2)
            .augmentation(Augmentation.shift(1)).optimizer(new OptimizerSpec.Nesterov(0.05, 0.9))
            .schedule(new LearningRateSchedule.Cosine(0)).epochs(3).batchSize(25).seed(12).build();

    @ParameterizedTest(name = "K = {0}")
    @ValueSource(ints = {16, 7, 1, 100})
    void one_shard_is_ordinary_training_bit_for_bit_for_any_round_length(int localSteps) {
        TrainedNetwork ordinary = new Trainer(plan, new Threads(1), TrainingListener.NONE).train(images, test);
        TrainedNetwork averaged = new DataParallelTrainer(plan, localSteps, new Threads(1), TrainingListener.NONE)
                .train(ShardRunner.inMemory(plan, images, 1, new Threads(1)), test);
        assertSameWeights(averaged.network(), ordinary.network());
        assertThat(averaged.history()).hasSize(3);
        for (int e = 0; e < 3; e++) {
            EpochReport mine = averaged.history().get(e);
            EpochReport theirs = ordinary.history().get(e);
            assertThat(mine.trainLoss()).isEqualTo(theirs.trainLoss());
            assertThat(mine.trainAccuracy()).isEqualTo(theirs.trainAccuracy());
            assertThat(mine.learningRate()).isEqualTo(theirs.learningRate());
            assertThat(mine.evaluation().orElseThrow().loss()).isEqualTo(theirs.evaluation().orElseThrow().loss());
        }
    }

    @Test
    void four_shards_give_the_same_bits_whatever_order_and_threads_run_them_and_still_learn() {
        TrainedNetwork inOrder = new DataParallelTrainer(plan, 4, new Threads(1), TrainingListener.NONE)
                .train(ShardRunner.inMemory(plan, images, 4, new Threads(1)), test);
        TrainedNetwork reversed = new DataParallelTrainer(plan, 4, new Threads(2), TrainingListener.NONE)
                .train(reversedOrder(ShardRunner.inMemory(plan, images, 4, new Threads(2))), test);
        assertSameWeights(reversed.network(), inOrder.network());
        TrainedNetwork ordinary = new Trainer(plan, new Threads(1), TrainingListener.NONE).train(images, test);
        assertThat(inOrder.network().parameters().get(0).values())
                .as("averaging four shards is not one run").isNotEqualTo(ordinary.network().parameters().get(0).values());
        assertThat(Evaluator.evaluate(inOrder.network(), test).accuracy()).isGreaterThan(0.9);
    }

    @Test
    void a_stop_asked_for_ends_the_run_after_the_epoch_with_that_epochs_average() {
        TrainedNetwork stopped = new DataParallelTrainer(plan, 5, new Threads(1), new StopAfter(1))
                .train(ShardRunner.inMemory(plan, images, 2, new Threads(1)), test);
        assertThat(stopped.stopReason()).isEqualTo(StopReason.REQUESTED);
        assertThat(stopped.history()).hasSize(1);
        TrainedNetwork whole = new DataParallelTrainer(plan, 5, new Threads(1), TrainingListener.NONE)
                .train(ShardRunner.inMemory(plan, images, 2, new Threads(1)), test);
        assertThat(stopped.history().get(0).evaluation().orElseThrow().loss())
                .isEqualTo(whole.history().get(0).evaluation().orElseThrow().loss());
    }

    @Test
    void shards_that_would_make_different_numbers_of_batches_are_refused_before_training() {
        // 400 images in 3 shards: 133, 133 and 134, at 25 a batch: 6, 6 and 6 batches; at 67, 2, 2 and 2; at 133: 1, 1, 2.
        TrainingPlan uneven = TrainingPlan.builder().layers(144, 20, 4).epochs(1).batchSize(133).seed(1).build();
        assertThatThrownBy(() -> new DataParallelTrainer(uneven, 1, new Threads(1), TrainingListener.NONE)
                .train(ShardRunner.inMemory(uneven, images, 3, new Threads(1)), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the shards make 1 and 2 mini-batches an epoch (shard 2 holds 134 images): give every shard as many");
    }

    @Test
    void one_replica_averages_to_itself_and_two_to_their_mean_in_double() {
        TrainerState a = new TrainerState(List.of(new float[] {1f, 16777216f}), List.<float[][]>of(new float[][] {{2f}}), 3,
                11, new int[] {1, 0});
        TrainerState b = new TrainerState(List.of(new float[] {2f, 1f}), List.<float[][]>of(new float[][] {{4f}}), 3, 22,
                new int[] {0, 1, 2});
        assertThat(ParameterAveraging.average(List.of(a)).get(0).weights().get(0)).isEqualTo(new float[] {1f, 16777216f});
        List<TrainerState> averaged = ParameterAveraging.average(List.of(a, b));
        for (TrainerState mean : averaged) {
            // In float, 16777216 + 1 would round back to 16777216 before the halving.
            assertThat(mean.weights().get(0)).isEqualTo(new float[] {1.5f, 8388608.5f});
            assertThat(mean.optimizerState().get(0)[0]).isEqualTo(new float[] {3f});
            assertThat(mean.optimizerSteps()).isEqualTo(3);
        }
        // Each shard keeps its own generator and order.
        assertThat(averaged).extracting(TrainerState::randomState).containsExactly(11L, 22L);
        assertThat(averaged.get(1).order()).containsExactly(0, 1, 2);
    }

    /** Four shards trained last to first, each on its own fresh trainer, answered in shard order. */
    private ShardRunner reversedOrder(ShardRunner inner) {
        return new ShardRunner() {
            @Override
            public ShardLayout layout() {
                return inner.layout();
            }

            @Override
            public List<ShardRound> round(List<TrainerState> starts, List<EpochTally> tallies, int steps,
                                          float[] classWeights) {
                ShardRound[] rounds = new ShardRound[starts.size()];
                for (int s = starts.size() - 1; s >= 0; s--) {
                    LabelledImages shard = ShardLayout.shard(images, starts.size(), s);
                    rounds[s] = new ShardTrainer(plan, new Threads(2), shard, classWeights)
                            .round(starts.get(s), tallies.get(s), steps);
                }
                return List.of(rounds);
            }
        };
    }

    private static void assertSameWeights(Network actual, Network expected) {
        List<Parameter> mine = actual.parameters();
        for (int p = 0; p < mine.size(); p++) {
            assertThat(mine.get(p).values()).as("parameter %d", p).isEqualTo(expected.parameters().get(p).values());
        }
    }
}
