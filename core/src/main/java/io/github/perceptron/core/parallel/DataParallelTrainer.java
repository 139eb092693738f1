package io.github.perceptron.core.parallel;

import io.github.perceptron.core.checkpoint.TrainerState;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.engine.Evaluator;
import io.github.perceptron.core.engine.Network;
import io.github.perceptron.core.eval.Evaluation;
import io.github.perceptron.core.random.SeededRandom;
import io.github.perceptron.core.train.EpochReport;
import io.github.perceptron.core.train.StopReason;
import io.github.perceptron.core.train.Threads;
import io.github.perceptron.core.train.TrainingListener;
import io.github.perceptron.core.train.TrainingPlan;
import io.github.perceptron.core.trainer.Optimizer;
import io.github.perceptron.core.trainer.PlanFit;
import io.github.perceptron.core.trainer.StateCopies;
import io.github.perceptron.core.trainer.TrainedNetwork;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Data-parallel training by parameter averaging. The training data is cut into P shards, fixed
 * by the user; each round, every shard trains K mini-batches of its own data from the same
 * weights and optimiser state (fewer where the epoch ends first: every epoch ends with an
 * average, which is evaluated), and the driver averages what they hand back, in shard order and
 * in double. The network starts as ordinary training starts it; shard 0 draws its randomness
 * (shuffles, dropout, distortions) from the generator the network was initialised from, as an
 * ordinary run does, and shard s ≥ 1 from its own stream of the plan's seed. So the same P and K
 * give the same bits wherever and however the shards run, and P = 1 with K = a whole epoch is
 * ordinary training, bit for bit.
 *
 * <p>SGD and momentum are linear in the gradients, so averaging their weights and velocities is
 * an average of the shards' steps; Adagrad, RMSProp and Adam are not (their state is averaged
 * element by element, which is no longer any one run's).
 */
public final class DataParallelTrainer {

    private final TrainingPlan plan;
    private final int localSteps;
    private final int threads;
    private final TrainingListener listener;

    public DataParallelTrainer(TrainingPlan plan, int localSteps, Threads execution, TrainingListener listener) {
        if (localSteps < 1) {
            throw new IllegalArgumentException("local steps per round must be >= 1, was " + localSteps);
        }
        if (plan.averagesWeights()) {
            throw new IllegalArgumentException("weight averaging is not implemented for sharded training");
        }
        if (plan.earlyStopping().isActive()) {
            throw new IllegalArgumentException("early stopping is not available with data-parallel training");
        }
        this.plan = plan;
        this.localSteps = localSteps;
        this.threads = execution.count();
        this.listener = listener;
    }

    /** The seed of shard {@code s}'s generator, for s ≥ 1 (shard 0 continues the initialisation's). */
    static long shardSeed(long seed, int shard) {
        return SeededRandom.nth(seed ^ 0x5eed_5aadL, shard);
    }

    /**
     * Trains for the plan's epochs of shard 0 (every shard must make as many mini-batches an
     * epoch) and, when {@code evaluation} is not null, evaluates the averaged network after each.
     */
    public TrainedNetwork train(ShardRunner shards, LabelledImages evaluation) {
        ShardLayout layout = shards.layout();
        int[] sizes = layout.sizes();
        int batches = batchesPerEpoch(sizes);
        checkFits(layout);
        SeededRandom random = new SeededRandom(plan.seed());
        Network network = Network.create(plan.network(), random, threads);
        float[] classWeights = plan.classWeights().resolve(layout.labelHistogram());
        network.weighClasses(classWeights);
        network.smoothLabels(plan.labelSmoothing());
        Optimizer optimizer = new Optimizer(plan.optimizer(), network.parameters(), threads);
        // One copy of the starting weights and optimiser, each shard with its own generator and order.
        TrainerState start = StateCopies.capture(network, optimizer, random.state(), new int[0]);
        List<TrainerState> states = new ArrayList<>();
        for (int s = 0; s < sizes.length; s++) {
            int[] order = new int[sizes[s]];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            states.add(start.withGenerator(s == 0 ? random.state() : shardSeed(plan.seed(), s), order));
        }
        List<EpochTally> tallies = new ArrayList<>(java.util.Collections.nCopies(sizes.length, EpochTally.START));
        long epochStart = System.nanoTime();
        List<EpochReport> history = new ArrayList<>();
        while (history.size() < plan.epochs()) {
            // A round never runs past the end of an epoch: each epoch ends averaged, to be evaluated.
            int steps = Math.min(localSteps, batches - tallies.get(0).batch());
            List<ShardRound> rounds = shards.round(states, tallies, steps, classWeights);
            states = ParameterAveraging.average(rounds.stream().map(ShardRound::state).toList());
            tallies = rounds.stream().map(ShardRound::tally).toList();
            if (tallies.get(0).batch() != 0) {
                continue;
            }
            writeWeights(states.get(0), network);
            EpochReport report = report(history.size() + 1, tallies, sizes, batches, evaluation, network, epochStart);
            history.add(report);
            listener.epochCompleted(report);
            epochStart = System.nanoTime();
            // A stop asked for ends the run at the epoch's end, with that epoch's average.
            if (history.size() < plan.epochs() && listener.stopRequested()) {
                return new TrainedNetwork(network, history, StopReason.REQUESTED, history.size());
            }
        }
        return new TrainedNetwork(network, history, StopReason.COMPLETED, history.size());
    }

    /** The epoch's training figures summed over the shards, and the averaged network's evaluation. */
    private EpochReport report(int epoch, List<EpochTally> tallies, int[] sizes, int batches, LabelledImages evaluation,
                               Network network, long start) {
        double lossSum = 0;
        long correct = 0;
        for (EpochTally shard : tallies) {
            lossSum += shard.lastLossSum();
            correct += shard.lastCorrect();
        }
        long examples = Arrays.stream(sizes).asLongStream().sum();
        double seconds = (System.nanoTime() - start) / 1e9;
        Optional<Evaluation> evaluated = Optional.ofNullable(evaluation).map(e -> Evaluator.evaluate(network, e));
        double rate = plan.learningRate(epoch, batches - 1, batches);
        return new EpochReport(epoch, lossSum / examples, (double) correct / examples, evaluated, seconds, rate);
    }

    /** Every shard must make the same number of mini-batches an epoch, so that their rounds stay in step. */
    private int batchesPerEpoch(int[] sizes) {
        int batches = -1;
        for (int s = 0; s < sizes.length; s++) {
            if (sizes[s] < plan.batchSize()) {
                throw new IllegalArgumentException("shard " + s + " holds " + sizes[s] + " images, fewer than the batch size "
                        + plan.batchSize() + ": use fewer shards or a smaller batch");
            }
            int shardBatches = (sizes[s] + plan.batchSize() - 1) / plan.batchSize();
            if (batches >= 0 && shardBatches != batches) {
                throw new IllegalArgumentException("the shards make " + batches + " and " + shardBatches
                        + " mini-batches an epoch (shard " + s + " holds " + sizes[s] + " images): give every shard as many");
            }
            batches = shardBatches;
        }
        return batches;
    }

    private void checkFits(ShardLayout layout) {
        PlanFit.shape(plan, layout.width(), layout.height(), layout.classNames().size());
    }

    /** The averaged weights, into the driver's network, to be evaluated and, at the end, kept. */
    private static void writeWeights(TrainerState state, Network network) {
        for (int p = 0; p < network.parameters().size(); p++) {
            float[] values = network.parameters().get(p).values();
            System.arraycopy(state.weights().get(p), 0, values, 0, values.length);
        }
    }
}
