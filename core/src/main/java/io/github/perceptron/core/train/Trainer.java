package io.github.perceptron.core.train;

import io.github.perceptron.core.augment.ImageDistorter;
import io.github.perceptron.core.data.BatchAssembler;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.eval.Evaluation;
import io.github.perceptron.core.eval.Evaluator;
import io.github.perceptron.core.network.Network;
import io.github.perceptron.core.optim.Optimizer;
import io.github.perceptron.core.random.SeededRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Mini-batch training of a fresh network according to a {@link TrainingPlan}. */
public final class Trainer {

    private final TrainingPlan plan;
    private final TrainingListener listener;

    public Trainer(TrainingPlan plan, TrainingListener listener) {
        this.plan = plan;
        this.listener = listener;
    }

    /**
     * Trains on {@code train} and, when {@code evaluation} is not null, evaluates on it after every
     * epoch.
     *
     * @throws DivergenceException when the loss stops being finite
     */
    public TrainingResult train(LabelledImages train, LabelledImages evaluation) {
        checkFits(train);
        SeededRandom random = new SeededRandom(plan.seed());
        Network network = Network.create(plan.network(), random, plan.threads());
        Optimizer optimizer = new Optimizer(plan.optimizer(), network.parameters());
        BatchAssembler batch = new BatchAssembler(train, Math.min(plan.batchSize(), train.size()));
        ImageDistorter distorter = plan.augmentation().isActive()
                ? plan.augmentation().distorter(train.width(), train.height()) : null;
        int[] order = identity(train.size());
        int batches = (train.size() + plan.batchSize() - 1) / plan.batchSize();
        List<EpochReport> history = new ArrayList<>();
        for (int epoch = 1; epoch <= plan.epochs(); epoch++) {
            long start = System.nanoTime();
            if (plan.shuffle()) {
                shuffle(order, random);
            }
            double lossSum = 0;
            long correct = 0;
            double learningRate = 0;
            for (int b = 0; b < batches; b++) {
                int from = b * plan.batchSize();
                int rows = Math.min(plan.batchSize(), train.size() - from);
                batch.fill(order, from, rows);
                if (distorter != null) {
                    for (int r = 0; r < rows; r++) {
                        distorter.distort(batch.inputs(), r * train.pixelCount(), random);
                    }
                }
                double loss = network.computeGradients(batch.inputs(), batch.labels(), rows, random);
                // The rate at the step's midpoint: a step schedule changes exactly at epoch
                // boundaries and a warm-up's first step is not zero.
                learningRate = plan.schedule().rate(plan.optimizer().learningRate(),
                        epoch - 1 + (b + 0.5) / batches, plan.epochs());
                if (!Double.isFinite(loss)) {
                    throw new DivergenceException(epoch, b + 1, loss, learningRate);
                }
                optimizer.step(learningRate, plan.l2());
                lossSum += loss;
                correct += network.countCorrect(batch.labels(), rows);
                listener.batchCompleted(epoch, b + 1, batches, lossSum / (from + rows));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Optional<Evaluation> evaluated = Optional.ofNullable(evaluation).map(e -> Evaluator.evaluate(network, e));
            EpochReport report = new EpochReport(epoch, lossSum / train.size(), (double) correct / train.size(),
                    evaluated, seconds, learningRate);
            history.add(report);
            listener.epochCompleted(report);
        }
        return new TrainingResult(network, history);
    }

    private void checkFits(LabelledImages train) {
        if (train.size() == 0) {
            throw new IllegalArgumentException("no training examples");
        }
        if (train.pixelCount() != plan.network().inputs()) {
            throw new IllegalArgumentException("the images have " + train.pixelCount()
                    + " pixels but the network's first layer takes " + plan.network().inputs());
        }
        if (train.classCount() > plan.network().classes()) {
            throw new IllegalArgumentException("the data has " + train.classCount()
                    + " classes but the network's last layer has " + plan.network().classes());
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
