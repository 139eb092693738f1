package io.github.perceptron.core.parallel;

import io.github.perceptron.core.checkpoint.TrainerState;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.engine.Network;
import io.github.perceptron.core.random.SeededRandom;
import io.github.perceptron.core.train.Threads;
import io.github.perceptron.core.train.TrainingPlan;
import io.github.perceptron.core.trainer.Optimizer;
import io.github.perceptron.core.trainer.PlanFit;
import io.github.perceptron.core.trainer.TrainingSteps;

/**
 * One shard of data-parallel training, kept between rounds: its network, optimiser and batch
 * buffers are made once and reused, each {@link #round} starting from what it is given. Not
 * thread-safe.
 */
public final class ShardTrainer {

    private final TrainingSteps steps;

    /** @param classWeights the loss's weight per class, resolved once for all shards */
    public ShardTrainer(TrainingPlan plan, Threads threads, LabelledImages data, float[] classWeights) {
        PlanFit.check(plan, data, null);
        Network network = Network.create(plan.network(), new SeededRandom(0), threads.count());
        network.weighClasses(classWeights);
        network.smoothLabels(plan.labelSmoothing());
        Optimizer optimizer = new Optimizer(plan.optimizer(), network.parameters(), threads.count());
        steps = new TrainingSteps(plan, network, optimizer, new SeededRandom(0),
                new int[data.size()], data);
    }

    /**
     * One round: from {@code start}, trains {@code count} mini-batches of the shard, carrying on
     * its {@code tally}, exactly as ordinary training runs those batches (each local epoch
     * shuffled first); the learning rate follows the shard's local epochs. With one shard, the
     * rounds are ordinary training's epochs, bit for bit.
     *
     * @throws io.github.perceptron.core.train.DivergenceException when the loss or, at the end of a
     *         local epoch, a weight stops being finite
     */
    public ShardRound round(TrainerState start, EpochTally tally, int count) {
        steps.restore(start);
        int b = tally.batch();
        double lossSum = tally.lossSum();
        long correct = tally.correct();
        int completed = tally.completedEpochs();
        double lastLossSum = tally.lastLossSum();
        long lastCorrect = tally.lastCorrect();
        for (int s = 0; s < count; s++) {
            int epoch = completed + 1;
            if (b == 0) {
                steps.startEpoch();
            }
            double learningRate = steps.learningRate(epoch, b);
            lossSum += steps.step(epoch, b, learningRate);
            correct += steps.correctInLastBatch(b);
            if (++b == steps.batches()) {
                steps.requireFiniteWeights(epoch, learningRate);
                completed++;
                lastLossSum = lossSum;
                lastCorrect = correct;
                lossSum = 0;
                correct = 0;
                b = 0;
            }
        }
        return new ShardRound(steps.state(), new EpochTally(b, lossSum, correct, completed, lastLossSum, lastCorrect));
    }
}
