package io.github.perceptron.core.trainer;

import io.github.perceptron.core.checkpoint.BestEpoch;
import io.github.perceptron.core.checkpoint.CheckpointPolicy;
import io.github.perceptron.core.checkpoint.TrainerState;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.engine.Network;
import io.github.perceptron.core.random.SeededRandom;
import io.github.perceptron.core.train.Threads;
import io.github.perceptron.core.train.TrainingListener;
import io.github.perceptron.core.train.TrainingPlan;
import io.github.perceptron.core.trainer.Optimizer;

/**
 * Mini-batch training according to a {@link TrainingPlan}: a fresh run, or one resumed from its
 * {@link TrainerState}. It sets the run up; {@link TrainingSteps} takes the steps and
 * {@link EpochLoop} runs the epochs.
 */
public final class Trainer {

    private final TrainingPlan plan;
    private final int threads;
    private final TrainingListener listener;
    private final CheckpointPolicy checkpoints;
    private final CheckpointMaker maker;

    /** A trainer on every processor, without checkpoints. */
    public Trainer(TrainingPlan plan, TrainingListener listener) {
        this(plan, Threads.allProcessors(), listener);
    }

    public Trainer(TrainingPlan plan, Threads execution, TrainingListener listener) {
        this(plan, execution, listener, CheckpointPolicy.NONE, CheckpointMaker.NONE);
    }

    /**
     * A trainer that saves checkpoints as {@code checkpoints} says, each made by {@code maker}. A
     * {@link io.github.perceptron.core.model.ModelStoreException} from a regular save is passed to
     * {@link TrainingListener#checkpointFailed} and training goes on; from the save a stop asked
     * for, it ends the run.
     */
    public Trainer(TrainingPlan plan, Threads execution, TrainingListener listener, CheckpointPolicy checkpoints,
                   CheckpointMaker maker) {
        // The running average is not in a checkpoint: a run resumed inside the averaged epochs would
        // average fewer. Regular checkpoints are refused; a stop's is saved only before those epochs.
        if (plan.averagesWeights() && checkpoints.everyEpochs() > 0) {
            throw new IllegalArgumentException("weight averaging cannot be checkpointed every few epochs: the average "
                    + "of the last " + plan.averagedEpochs() + " epochs is not saved in a checkpoint");
        }
        this.plan = plan;
        this.threads = execution.count();
        this.listener = listener;
        this.checkpoints = checkpoints;
        this.maker = maker;
    }

    /**
     * Trains a fresh network on {@code train} and, when {@code evaluation} is not null, evaluates
     * on it after every epoch.
     *
     * @throws io.github.perceptron.core.train.DivergenceException when the loss stops being finite
     */
    public TrainedNetwork train(LabelledImages train, LabelledImages evaluation) {
        PlanFit.check(plan, train, evaluation);
        SeededRandom random = new SeededRandom(plan.seed());
        Network network = Network.create(plan.network(), random, threads);
        int[] order = new int[train.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        return loop().run(steps(network, random, order, train), 0, BestEpoch.NONE, evaluation);
    }

    /**
     * Continues a run saved after {@code epoch} epochs in {@code state}, with early stopping's
     * memory {@code best}: the result is bit-identical to a run never interrupted.
     */
    public TrainedNetwork resume(TrainerState state, int epoch, BestEpoch best, LabelledImages train,
                                 LabelledImages evaluation) {
        PlanFit.check(plan, train, evaluation);
        Network network = Network.create(plan.network(), new SeededRandom(0), threads);
        TrainingSteps steps = steps(network, new SeededRandom(0), new int[train.size()], train);
        steps.restore(state);
        return loop().run(steps, epoch, best, evaluation);
    }

    private TrainingSteps steps(Network network, SeededRandom random, int[] order, LabelledImages train) {
        network.weighClasses(plan.classWeights().resolve(train.labelHistogram()));
        network.smoothLabels(plan.labelSmoothing());
        Optimizer optimizer = new Optimizer(plan.optimizer(), network.parameters(), threads);
        return new TrainingSteps(plan, network, optimizer, random, order, train);
    }

    private EpochLoop loop() {
        return new EpochLoop(plan, listener, new Checkpointing(checkpoints, maker, listener, plan.epochs(),
                plan.lastEpochBeforeAveraging()));
    }
}
