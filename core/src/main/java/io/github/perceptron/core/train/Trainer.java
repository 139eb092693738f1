package io.github.perceptron.core.train;

import io.github.perceptron.core.augment.BatchDistortion;
import io.github.perceptron.core.data.BatchAssembler;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.eval.Evaluation;
import io.github.perceptron.core.eval.Evaluator;
import io.github.perceptron.core.kernel.Parallel;
import io.github.perceptron.core.layer.Parameter;
import io.github.perceptron.core.model.ModelStoreException;
import io.github.perceptron.core.network.Network;
import io.github.perceptron.core.optim.Optimizer;
import io.github.perceptron.core.random.SeededRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Mini-batch training of a fresh network according to a {@link TrainingPlan}. */
public final class Trainer {

    private final TrainingPlan plan;
    private final int threads;
    private final TrainingListener listener;
    private final CheckpointPolicy checkpoints;
    private final Snapshot snapshot;

    /** What a checkpoint holds of a run at the end of an epoch: its network and its progress. */
    @FunctionalInterface
    public interface Snapshot {
        TrainingCheckpoint of(Network network, TrainingProgress progress);
    }

    /** A trainer on every processor, without checkpoints. */
    public Trainer(TrainingPlan plan, TrainingListener listener) {
        this(plan, Execution.allProcessors(), listener);
    }

    public Trainer(TrainingPlan plan, Execution execution, TrainingListener listener) {
        this(plan, execution, listener, CheckpointPolicy.NONE, (network, progress) -> {
            throw new IllegalStateException("no checkpoints were asked for");
        });
    }

    /**
     * A trainer that saves checkpoints as {@code checkpoints} says, each made by {@code snapshot}.
     * A {@link ModelStoreException} from a regular save is passed to
     * {@link TrainingListener#checkpointFailed} and training goes on; from the save a stop asked
     * for, it ends the run.
     */
    public Trainer(TrainingPlan plan, Execution execution, TrainingListener listener, CheckpointPolicy checkpoints,
                   Snapshot snapshot) {
        this.plan = plan;
        this.threads = execution.threads();
        this.listener = listener;
        this.checkpoints = checkpoints;
        this.snapshot = snapshot;
    }

    /**
     * Trains a fresh network on {@code train} and, when {@code evaluation} is not null, evaluates
     * on it after every epoch.
     *
     * @throws DivergenceException when the loss stops being finite
     */
    public TrainingResult train(LabelledImages train, LabelledImages evaluation) {
        checkFits(train, evaluation);
        SeededRandom random = new SeededRandom(plan.seed());
        Network network = Network.create(plan.network(), random, threads);
        network.weighClasses(plan.classWeights().resolve(train.labelHistogram()));
        Optimizer optimizer = new Optimizer(plan.optimizer(), network.parameters(), threads);
        return run(network, optimizer, random, identity(train.size()), 0, BestEpoch.NONE, train, evaluation);
    }

    /**
     * Continues a run saved after {@code progress.epoch()} epochs with the given weights (in
     * {@link Network#parameters()} order): the result is bit-identical to a run never interrupted.
     */
    public TrainingResult resume(List<float[]> weights, TrainingProgress progress, LabelledImages train,
                                 LabelledImages evaluation) {
        checkFits(train, evaluation);
        if (progress.order().length != train.size()) {
            throw new IllegalArgumentException("the checkpoint was trained on " + progress.order().length
                    + " examples, the data has " + train.size());
        }
        Network network = Network.create(plan.network(), new SeededRandom(0), threads);
        copy(weights, network.parameters().stream().map(Parameter::values).toList(), "weights");
        network.weighClasses(plan.classWeights().resolve(train.labelHistogram()));
        Optimizer optimizer = new Optimizer(plan.optimizer(), network.parameters(), threads);
        for (int p = 0; p < network.parameters().size(); p++) {
            copy(List.of(progress.optimizerState().get(p)), List.of(optimizer.state(p)), "optimizer state");
        }
        optimizer.restoreSteps(progress.optimizerSteps());
        return run(network, optimizer, SeededRandom.restore(progress.randomState()), progress.order().clone(),
                progress.epoch(), progress.best(), train, evaluation);
    }

    /**
     * A trainer for one shard of data-parallel training, to keep between rounds: its network,
     * optimiser and batch buffers are made once and reused, each round starting from what it is given.
     *
     * @param classWeights the loss's weight per class, resolved once for all shards
     */
    public Shard shard(LabelledImages data, float[] classWeights) {
        checkFits(data, null);
        return new Shard(data, classWeights);
    }

    /** One shard's network, optimiser and buffers; each {@link #round} starts afresh from its arguments. Not thread-safe. */
    public final class Shard {
        private final Network network;
        private final Optimizer optimizer;
        private final SeededRandom random = new SeededRandom(0);
        private final int[] order;
        private final Run run;

        private Shard(LabelledImages data, float[] classWeights) {
            network = Network.create(plan.network(), new SeededRandom(0), threads);
            network.weighClasses(classWeights);
            optimizer = new Optimizer(plan.optimizer(), network.parameters(), threads);
            order = new int[data.size()];
            run = new Run(network, optimizer, random, order, data);
        }

        /**
         * One round: from {@code start}, trains {@code steps} mini-batches of the shard, carrying on
         * its {@code progress} (its generator, its order, its place in its local epoch), exactly as
         * {@link #train} runs those batches; the learning rate follows the shard's local epochs.
         * With one shard, the rounds are {@link #train}'s epochs, bit for bit.
         *
         * @throws DivergenceException when the loss or, at the end of a local epoch, a weight stops being finite
         */
        public LocalRound round(Replica start, ShardProgress progress, int steps) {
            if (progress.size() != order.length) {
                throw new IllegalArgumentException("the shard's progress covers " + progress.size() + " examples, its data "
                        + order.length);
            }
            start.writeInto(network, optimizer);
            random.reset(progress.randomState());
            System.arraycopy(progress.order(), 0, order, 0, order.length);
            ShardProgress end = run.advance(progress, steps);
            return new LocalRound(Replica.of(network, optimizer), end);
        }
    }

    private TrainingResult run(Network network, Optimizer optimizer, SeededRandom random, int[] order, int done,
                               BestEpoch best, LabelledImages train, LabelledImages evaluation) {
        Run run = new Run(network, optimizer, random, order, train);
        EarlyStopWatch watch = new EarlyStopWatch(plan.earlyStopping(), best);
        List<EpochReport> history = new ArrayList<>();
        int last = done;
        for (int epoch = done + 1; epoch <= plan.epochs(); epoch++) {
            EpochReport report = run.epoch(epoch, evaluation);
            history.add(report);
            last = epoch;
            watch.observe(report, network);
            listener.epochCompleted(report);
            boolean patienceOut = epoch < plan.epochs() && watch.exhausted();
            // Only a requested stop can be resumed, so only it saves the stopping checkpoint.
            boolean requested = epoch < plan.epochs() && !patienceOut && listener.stopRequested();
            checkpoint(run, epoch, requested, watch);
            if (requested) {
                return new TrainingResult(network, history, StopReason.REQUESTED, epoch);
            }
            if (patienceOut) {
                return new TrainingResult(network, history, StopReason.PATIENCE, watch.restoreInto(network, epoch));
            }
        }
        return new TrainingResult(network, history, StopReason.COMPLETED, watch.restoreInto(network, last));
    }

    /** Saves a checkpoint when one is due or the run is stopping early. */
    private void checkpoint(Run run, int epoch, boolean stopping, EarlyStopWatch watch) {
        if (checkpoints.store() == null) {
            return;
        }
        boolean periodic = checkpoints.everyEpochs() > 0
                && (epoch % checkpoints.everyEpochs() == 0 || epoch == plan.epochs());
        if (!periodic && !stopping) {
            return;
        }
        try {
            checkpoints.store().save(snapshot.of(run.network, run.progress(epoch, watch.state())), checkpoints.location());
        } catch (ModelStoreException e) {
            // Hours of training are worth more than one lost checkpoint; a stop's checkpoint is the
            // run's only copy, so its failure must end the run loudly.
            if (stopping) {
                throw e;
            }
            listener.checkpointFailed(epoch, e);
        }
    }

    /** The state of one run as it goes from batch to batch. */
    private final class Run {
        private final Network network;
        private final Optimizer optimizer;
        private final SeededRandom random;
        private final int[] order;
        private final LabelledImages train;
        private final BatchAssembler batch;
        private final BatchDistortion distortion;
        private final int batches;

        Run(Network network, Optimizer optimizer, SeededRandom random, int[] order, LabelledImages train) {
            this.network = network;
            this.optimizer = optimizer;
            this.random = random;
            this.order = order;
            this.train = train;
            this.batch = new BatchAssembler(train, Math.min(plan.batchSize(), train.size()));
            this.distortion = plan.augmentation().isActive()
                    ? new BatchDistortion(plan.augmentation(), train.width(), train.height(), threads, plan.batchSize())
                    : null;
            this.batches = (train.size() + plan.batchSize() - 1) / plan.batchSize();
        }

        /** Where the run stands after {@code epoch}: the progress value copies the optimiser's state and the order. */
        TrainingProgress progress(int epoch, BestEpoch best) {
            List<float[][]> state = new ArrayList<>();
            for (int p = 0; p < network.parameters().size(); p++) {
                state.add(optimizer.state(p));
            }
            return new TrainingProgress(epoch, random.state(), optimizer.steps(), state, order, best);
        }

        /** One pass over the shuffled training set, then the evaluation (when given). */
        EpochReport epoch(int epoch, LabelledImages evaluation) {
            long start = System.nanoTime();
            if (plan.shuffle()) {
                shuffle(order, random);
            }
            double lossSum = 0;
            long correct = 0;
            double learningRate = 0;
            for (int b = 0; b < batches; b++) {
                learningRate = rate(epoch, b);
                lossSum += batch(epoch, b, learningRate);
                correct += network.countCorrect(batch.labels(), rows(b));
                listener.batchCompleted(epoch, b + 1, batches, lossSum / (b * plan.batchSize() + rows(b)));
            }
            requireFiniteWeights(epoch, batches, learningRate);
            double seconds = (System.nanoTime() - start) / 1e9;
            Optional<Evaluation> evaluated = Optional.ofNullable(evaluation).map(e -> Evaluator.evaluate(network, e));
            return new EpochReport(epoch, lossSum / train.size(), (double) correct / train.size(), evaluated, seconds,
                    learningRate);
        }

        /**
         * {@code steps} mini-batches from where {@code progress} stands, across local epochs as
         * needed (each epoch shuffled first, as {@link #epoch} does): a data-parallel shard's round.
         */
        ShardProgress advance(ShardProgress progress, int steps) {
            int b = progress.batch();
            double lossSum = progress.lossSum();
            long correct = progress.correct();
            int completed = progress.completedEpochs();
            double lastLossSum = progress.lastLossSum();
            long lastCorrect = progress.lastCorrect();
            for (int s = 0; s < steps; s++) {
                int epoch = completed + 1;
                if (b == 0 && plan.shuffle()) {
                    shuffle(order, random);
                }
                double learningRate = rate(epoch, b);
                lossSum += batch(epoch, b, learningRate);
                correct += network.countCorrect(batch.labels(), rows(b));
                if (++b == batches) {
                    requireFiniteWeights(epoch, batches, learningRate);
                    completed++;
                    lastLossSum = lossSum;
                    lastCorrect = correct;
                    lossSum = 0;
                    correct = 0;
                    b = 0;
                }
            }
            return new ShardProgress(random.state(), order, b, lossSum, correct, completed, lastLossSum, lastCorrect);
        }

        private double rate(int epoch, int b) {
            return plan.learningRate(epoch, b, batches);
        }

        private int rows(int b) {
            return Math.min(plan.batchSize(), train.size() - b * plan.batchSize());
        }

        /** Mini-batch {@code b} of the epoch, trained: its summed loss. */
        private double batch(int epoch, int b, double learningRate) {
            if (Thread.currentThread().isInterrupted()) {
                throw new TrainingInterruptedException(epoch, b + 1);
            }
            return step(epoch, b, b * plan.batchSize(), rows(b), learningRate);
        }

        /**
         * Every step's loss is checked, but that loss is computed before the step's update, so the
         * epoch's last update could leave a NaN no check would see before the model is saved.
         */
        private void requireFiniteWeights(int epoch, int batch, double learningRate) {
            for (Parameter parameter : network.parameters()) {
                for (float value : parameter.values()) {
                    if (!Float.isFinite(value)) {
                        throw DivergenceException.inWeights(epoch, batch, learningRate);
                    }
                }
            }
        }

        /** Gathers and distorts batch {@code b}, computes its gradients and updates: returns its summed loss. */
        private double step(int epoch, int b, int from, int rows, double learningRate) {
            // Gathering 100 shuffled images is memory-bound, and distorting them is not cheap: both
            // split over the threads, each image distorted from its own seed.
            if (distortion != null) {
                distortion.drawSeeds(rows, random);
            }
            Parallel.forEachChunk(threads, rows, (chunk, first, end) -> {
                batch.fillRows(order, from, first, end);
                if (distortion != null) {
                    distortion.distort(chunk, batch.inputs(), first, end);
                }
            });
            double loss = network.computeGradients(batch.inputs(), batch.labels(), rows, random);
            if (!Double.isFinite(loss)) {
                throw new DivergenceException(epoch, b + 1, loss, learningRate);
            }
            optimizer.step(learningRate, plan.l2());
            return loss;
        }
    }

    private static void copy(List<float[]> from, List<float[]> to, String what) {
        if (from.size() != to.size()) {
            throw new IllegalArgumentException("the checkpoint's " + what + " has " + from.size()
                    + " tensors, the network needs " + to.size());
        }
        for (int i = 0; i < from.size(); i++) {
            if (from.get(i).length != to.get(i).length) {
                throw new IllegalArgumentException("the checkpoint's " + what + " tensor " + i + " holds "
                        + from.get(i).length + " values, the network needs " + to.get(i).length);
            }
            System.arraycopy(from.get(i), 0, to.get(i), 0, from.get(i).length);
        }
    }

    /** The plan's network must take the images and have one output per class, before the first step. */
    private void checkFits(LabelledImages train, LabelledImages evaluation) {
        if (plan.earlyStopping().isActive() && (evaluation == null || evaluation.size() == 0)) {
            throw new IllegalArgumentException("early stopping needs validation images to evaluate each epoch");
        }
        if (train.size() == 0) {
            throw new IllegalArgumentException("no training examples");
        }
        if (train.pixelCount() != plan.network().inputs()) {
            throw new IllegalArgumentException("the images are " + train.width() + "×" + train.height() + " = "
                    + train.pixelCount() + " pixels but the network's first layer takes " + plan.network().inputs());
        }
        if (train.classCount() != plan.network().classes()) {
            throw new IllegalArgumentException("the data has " + train.classCount()
                    + " classes but the network's last layer has " + plan.network().classes() + " units; make them equal");
        }
        if (plan.batchSize() > train.size()) {
            throw new IllegalArgumentException("the batch size " + plan.batchSize() + " is larger than the "
                    + train.size() + " training images");
        }
    }


    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /** Fisher–Yates, drawing only from the run's generator. */
    private static void shuffle(int[] order, SeededRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
