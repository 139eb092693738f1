package io.github.perceptron.core.trainer;

import io.github.perceptron.core.batch.BatchAssembler;
import io.github.perceptron.core.batch.BatchDistortion;
import io.github.perceptron.core.checkpoint.TrainerState;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.engine.Network;
import io.github.perceptron.core.engine.Parameter;
import io.github.perceptron.core.random.SeededRandom;
import io.github.perceptron.core.train.DivergenceException;
import io.github.perceptron.core.train.TrainingInterruptedException;
import io.github.perceptron.core.train.TrainingPlan;
import io.github.perceptron.core.trainer.Optimizer;
import java.util.List;

/**
 * One run's mini-batch steps over its training data: a network, its optimiser, its generator and
 * its example order, with the buffers a batch needs, made once. It shuffles, gathers and distorts a
 * batch, computes its gradients and updates; it copies its state out as a {@link TrainerState} and
 * back in. Epochs, early stopping and checkpoints are {@link EpochLoop}'s; shard rounds are the
 * data-parallel room's. Not thread-safe.
 */
public final class TrainingSteps {

    private final TrainingPlan plan;
    private final Network network;
    private final Optimizer optimizer;
    private final SeededRandom random;
    private final int[] order;
    private final LabelledImages train;
    private final BatchAssembler batch;
    private final BatchDistortion distortion;
    private final int batches;
    private final Gather gather = new Gather();

    /**
     * Steps over {@code train} in {@code order} (owned and permuted by these steps), drawing from
     * {@code random}; the plan must fit the data ({@link PlanFit#check}).
     */
    public TrainingSteps(TrainingPlan plan, Network network, Optimizer optimizer, SeededRandom random,
                         int[] order, LabelledImages train) {
        if (order.length != train.size()) {
            throw new IllegalArgumentException("an order of " + order.length + " examples for " + train.size());
        }
        this.plan = plan;
        this.network = network;
        this.optimizer = optimizer;
        this.random = random;
        this.order = order;
        this.train = train;
        this.batch = new BatchAssembler(train, Math.min(plan.batchSize(), train.size()));
        this.distortion = plan.augmentation().isActive()
                ? new BatchDistortion(plan.augmentation(), train.width(), train.height(), network.threads(),
                        plan.batchSize())
                : null;
        this.batches = (train.size() + plan.batchSize() - 1) / plan.batchSize();
    }

    public Network network() {
        return network;
    }

    /** Mini-batches an epoch. */
    public int batches() {
        return batches;
    }

    public int examples() {
        return train.size();
    }

    /** The rows of mini-batch {@code b}: the batch size, or what is left at the end of an epoch. */
    public int rows(int b) {
        return Math.min(plan.batchSize(), train.size() - b * plan.batchSize());
    }

    /** Shuffles the order for the next epoch, when the plan shuffles (Fisher–Yates, from the run's generator). */
    public void startEpoch() {
        if (!plan.shuffle()) {
            return;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** The plan's learning rate for mini-batch {@code b} of {@code epoch}. */
    public double learningRate(int epoch, int b) {
        return plan.learningRate(epoch, b, batches);
    }

    /**
     * Trains mini-batch {@code b} of {@code epoch} at {@code learningRate}: gathers and distorts
     * it, computes its gradients and updates. Returns its summed loss.
     *
     * @throws TrainingInterruptedException when the thread is interrupted
     * @throws DivergenceException          when the loss is not finite
     */
    public double step(int epoch, int b, double learningRate) {
        if (Thread.currentThread().isInterrupted()) {
            throw new TrainingInterruptedException(epoch, b + 1);
        }
        int rows = rows(b);
        if (distortion != null) {
            distortion.drawSeeds(rows, random);
        }
        // One parallel region: each thread gathers and distorts its rows of the batch (each image
        // from its own seed), passes them forward and back, then computes and updates its share
        // of the parameters.
        gather.from = b * plan.batchSize();
        optimizer.prepare(learningRate, plan.l2());
        double loss = network.trainStep(batch.inputs(), batch.labels(), rows, random, gather, optimizer);
        if (!Double.isFinite(loss)) {
            throw new DivergenceException(epoch, b + 1, loss, learningRate);
        }
        optimizer.commitStep();
        return loss;
    }

    /** Gathers and distorts a task's rows of the batch; one object, re-aimed per step. */
    private final class Gather implements Network.BatchRows {
        private int from;

        @Override
        public void fill(int task, int first, int end) {
            batch.fillRows(order, from, first, end);
            if (distortion != null) {
                distortion.distort(task, batch.inputs(), first, end);
            }
        }
    }

    /** How many of the last mini-batch's {@code rows} the network classified correctly while training. */
    public int correctInLastBatch(int b) {
        return network.countCorrect(batch.labels(), rows(b));
    }

    /**
     * Every step's loss is checked, but that loss is computed before the step's update, so the
     * epoch's last update could leave a NaN no check would see before the model is saved.
     */
    public void requireFiniteWeights(int epoch, double learningRate) {
        for (Parameter parameter : network.parameters()) {
            for (float value : parameter.values()) {
                if (!Float.isFinite(value)) {
                    throw DivergenceException.inWeights(epoch, batches, learningRate);
                }
            }
        }
    }

    /** A copy of where the run stands now. */
    public TrainerState state() {
        return StateCopies.capture(network, optimizer, random.state(), order.clone());
    }

    /** Continues from {@code state}, whose shapes must be this run's (a checkpoint or a shard's start). */
    public void restore(TrainerState state) {
        List<Parameter> parameters = network.parameters();
        if (state.weights().size() != parameters.size()) {
            throw new IllegalArgumentException("the saved state has " + state.weights().size()
                    + " weight tensors, the network needs " + parameters.size());
        }
        if (state.examples() != order.length) {
            throw new IllegalArgumentException("the saved state was trained on " + state.examples()
                    + " examples, the data has " + order.length);
        }
        for (int p = 0; p < parameters.size(); p++) {
            copy(state.weights().get(p), parameters.get(p).values(), "weight tensor " + p);
            float[][] slots = optimizer.state(p);
            if (state.optimizerState().get(p).length != slots.length) {
                throw new IllegalArgumentException("the saved optimiser state has " + state.optimizerState().get(p).length
                        + " arrays for tensor " + p + ", this optimiser keeps " + slots.length);
            }
            for (int s = 0; s < slots.length; s++) {
                copy(state.optimizerState().get(p)[s], slots[s], "optimiser state " + p);
            }
        }
        optimizer.restoreSteps(state.optimizerSteps());
        random.reset(state.randomState());
        System.arraycopy(state.order(), 0, order, 0, order.length);
    }

    private static void copy(float[] from, float[] to, String what) {
        if (from.length != to.length) {
            throw new IllegalArgumentException("the saved " + what + " holds " + from.length + " values, the network needs "
                    + to.length);
        }
        System.arraycopy(from, 0, to, 0, from.length);
    }
}
