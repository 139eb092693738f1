package io.github.perceptron.core.train;

import io.github.perceptron.core.augment.Augmentation;
import io.github.perceptron.core.data.InputNormalisation;
import io.github.perceptron.core.layer.Activation;
import io.github.perceptron.core.layer.Initialization;
import io.github.perceptron.core.layer.LayerSpec;
import io.github.perceptron.core.loss.Loss;
import io.github.perceptron.core.network.NetworkSpec;
import io.github.perceptron.core.optim.LearningRateSchedule;
import io.github.perceptron.core.optim.OptimizerSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything that decides a training run. The same plan on the same data gives bit-identical
 * weights: every random choice (initialisation, shuffling, dropout) draws from one generator
 * seeded with {@code seed}. How many threads run it is an {@link Threads} setting, not part of
 * the plan: it changes speed, never results.
 *
 * @param l2      weight decay λ, 0 for none: each step shrinks the weights (not the biases) by
 *                {@code w ← w − lr·λ·w}, outside the optimiser's state. For plain SGD this is the
 *                gradient of {@code λ/2·‖w‖²} added to the loss; for momentum, Adagrad, RMSProp and
 *                Adam it is decoupled decay, not that penalty. {@code lr·λ} must stay below 1.
 * @param shuffle reshuffle the examples every epoch (the notebooks did not)
 * @param augmentation random distortions of the training images, drawn afresh each epoch
 * @param earlyStopping when to stop before {@code epochs} and which epoch's weights to keep, on
 *                      the validation images
 * @param classWeights  how much each class's examples count in the training loss
 * @param network       the architecture
 * @param optimizer     the update rule and its base learning rate
 * @param schedule      how the learning rate moves over the epochs
 * @param epochs        epochs to train, at least 1
 * @param batchSize     examples per step, at least 1 (the last batch of an epoch may be smaller)
 * @param seed          the one seed of every random choice
 * @param labelSmoothing ε, 0 for none: training targets are {@code (1-ε)·onehot + ε/classes}
 *                       (cross-entropy only); evaluation measures the plain loss
 * @param averagedEpochs how many of the last epochs' weights the run averages into the model it
 *                       keeps (Izmailov et al.'s stochastic weight averaging, one snapshot at the
 *                       end of each); 0 or 1 keeps the last weights as they are
 * @param inputNormalisation how every image is normalised before the network sees it, in training
 *                       and in the model's predictions ({@link InputNormalisation#NONE} for none)
 */
public record TrainingPlan(NetworkSpec network, OptimizerSpec optimizer, LearningRateSchedule schedule,
                           double l2, int epochs, int batchSize, long seed, boolean shuffle,
                           Augmentation augmentation, EarlyStopping earlyStopping, ClassWeights classWeights,
                           double labelSmoothing, int averagedEpochs, InputNormalisation inputNormalisation) {

    /**
     * Checks the plan as a whole, before any data is read.
     *
     * @param network the architecture
     * @param optimizer the update rule and its base learning rate
     * @param schedule how the learning rate moves over the epochs
     * @param l2 weight decay λ, 0 for none: each step shrinks the weights (not the biases) by {@code w ← w − lr·λ·w}, outside the optimiser's state. For plain SGD this is the gradient of {@code λ/2·‖w‖²} added to the loss; for momentum, Adagrad, RMSProp and Adam it is decoupled decay, not that penalty. {@code lr·λ} must stay below 1.
     * @param epochs epochs to train, at least 1
     * @param batchSize examples per step, at least 1 (the last batch of an epoch may be smaller)
     * @param seed the one seed of every random choice
     * @param shuffle reshuffle the examples every epoch (the notebooks did not)
     * @param augmentation random distortions of the training images, drawn afresh each epoch
     * @param earlyStopping when to stop before {@code epochs} and which epoch's weights to keep, on the validation images
     * @param classWeights how much each class's examples count in the training loss
     * @param labelSmoothing ε in [0, 0.5], 0 for none; above 0 only with the cross-entropy loss
     * @param averagedEpochs how many last epochs' weights to average, in [0, epochs]; not with early stopping
     * @param inputNormalisation how images are normalised before the network, not null
     * @throws IllegalArgumentException if a component is null, the class weights do not fit the classes,
     *                                  {@code l2} is negative or makes {@code lr·l2} reach 1,
     *                                  {@code epochs} or {@code batchSize} is below 1, or label smoothing
     *                                  or averaging is out of range or does not fit the plan
     */
    public TrainingPlan {
        if (network == null || optimizer == null || schedule == null || augmentation == null
                || earlyStopping == null || classWeights == null) {
            throw new IllegalArgumentException("network, optimizer, schedule, augmentation, early stopping and class "
                    + "weights must be given");
        }
        if (!classWeights.weights().isEmpty() && classWeights.weights().size() != network.classes()) {
            throw new IllegalArgumentException(classWeights.weights().size() + " class weights for a network of "
                    + network.classes() + " classes");
        }
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("l2 must be >= 0, was " + l2);
        }
        // Schedules never exceed the optimiser's base rate, so checking it covers every step.
        if (l2 > 0 && optimizer.learningRate() * l2 >= 1) {
            throw new IllegalArgumentException("learning rate " + optimizer.learningRate() + " × l2 " + l2 + " = "
                    + optimizer.learningRate() * l2 + ": the decay w -= lr·l2·w would flip the weights' signs; "
                    + "lr × l2 must be below 1");
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, was " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, was " + batchSize);
        }
        if (!(labelSmoothing >= 0 && labelSmoothing <= 0.5)) {
            throw new IllegalArgumentException("label smoothing must be in [0, 0.5], was " + labelSmoothing);
        }
        if (labelSmoothing > 0 && !network.loss().id().equals(Loss.crossEntropy().id())) {
            throw new IllegalArgumentException("label smoothing needs the cross-entropy loss, not " + network.loss().id());
        }
        if (inputNormalisation == null) {
            throw new IllegalArgumentException("a plan needs an input normalisation (InputNormalisation.NONE for none)");
        }
        if (averagedEpochs < 0 || averagedEpochs > epochs) {
            throw new IllegalArgumentException("averaged epochs must be in [0, epochs = " + epochs + "], was "
                    + averagedEpochs);
        }
        // Early stopping keeps one epoch's weights; an average of several is another model.
        if (averagedEpochs > 1 && earlyStopping.isActive()) {
            throw new IllegalArgumentException("weight averaging and early stopping each choose the kept weights; "
                    + "use one of them");
        }
    }

    /**
     * A plan that runs all its epochs and keeps the last weights.
     *
     * @param network      the architecture
     * @param optimizer    the update rule
     * @param schedule     the learning rate's course
     * @param l2           weight decay, at least 0
     * @param epochs       epochs, at least 1
     * @param batchSize    examples per step, at least 1
     * @param seed         the seed
     * @param shuffle      whether to reshuffle every epoch
     * @param augmentation the distortions
     * @throws IllegalArgumentException as the canonical constructor does
     */
    public TrainingPlan(NetworkSpec network, OptimizerSpec optimizer, LearningRateSchedule schedule, double l2,
                        int epochs, int batchSize, long seed, boolean shuffle, Augmentation augmentation) {
        this(network, optimizer, schedule, l2, epochs, batchSize, seed, shuffle, augmentation, EarlyStopping.NONE,
                ClassWeights.NONE, 0, 0, InputNormalisation.NONE);
    }

    /**
     * This plan with {@code earlyStopping} instead of its own.
     *
     * @param earlyStopping the new early stopping
     * @return a copy with it
     */
    public TrainingPlan withEarlyStopping(EarlyStopping earlyStopping) {
        return new TrainingPlan(network, optimizer, schedule, l2, epochs, batchSize, seed, shuffle, augmentation,
                earlyStopping, classWeights, labelSmoothing, averagedEpochs, inputNormalisation);
    }

    /**
     * This plan run for {@code epochs} epochs (a schedule then spans the new count).
     *
     * @param epochs at least 1
     * @return a copy with that many epochs (and no more averaged epochs than that)
     * @throws IllegalArgumentException if {@code epochs} is below 1
     */
    public TrainingPlan withEpochs(int epochs) {
        return new TrainingPlan(network, optimizer, schedule, l2, epochs, batchSize, seed, shuffle, augmentation,
                earlyStopping, classWeights, labelSmoothing, Math.min(averagedEpochs, Math.max(epochs, 0)),
                inputNormalisation);
    }

    /**
     * Whether the kept weights are an average of several epochs' ({@link #averagedEpochs} above 1).
     *
     * @return true when weights are averaged
     */
    public boolean averagesWeights() {
        return averagedEpochs > 1;
    }

    /**
     * The last epoch after which the run's state is the whole of it: the epoch before the averaged
     * ones (whose running mean no checkpoint holds), or the last epoch when weights are not averaged.
     *
     * @return the epoch, from 0
     */
    public int lastEpochBeforeAveraging() {
        return averagesWeights() ? epochs - averagedEpochs : epochs;
    }

    /**
     * The learning rate of mini-batch {@code batch} (counted from 0, of {@code batches}) in
     * {@code epoch} (counted from 1): the optimiser's rate as the schedule moves it, taken at the
     * step's midpoint, so that a step schedule changes exactly at epoch boundaries and a
     * warm-up's first step is not zero.
     *
     * @param epoch   the epoch, from 1
     * @param batch   the batch, from 0
     * @param batches the epoch's batches
     * @return the rate
     */
    public double learningRate(int epoch, int batch, int batches) {
        return schedule.rate(optimizer.learningRate(), epoch - 1 + (batch + 0.5) / batches, epochs);
    }

    /**
     * Every field of the plan by name, as plain data: numbers are numbers, the optimiser, the
     * schedule, the augmentation and early stopping are objects ({@code {"type": "cosine",
     * "finalFraction": 0.0}}), and the hidden layers a list of objects. A model's provenance keeps
     * it; {@code info --json} prints it.
     *
     * @return the fields in a fixed order (a new, modifiable map)
     */
    public Map<String, Object> describe() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("layers", List.copyOf(network.sizes()));
        fields.put("hidden", network.hidden().stream().map(TrainingPlan::layer).toList());
        fields.put("loss", network.loss().id());
        fields.put("initialization", network.initialization().map(Initialization::id).orElse("per activation"));
        fields.put("optimizer", PlanValues.typed(optimizer.id(), (Record) optimizer));
        fields.put("schedule", PlanValues.schedule(schedule));
        fields.put("l2", l2);
        fields.put("epochs", epochs);
        fields.put("batchSize", batchSize);
        fields.put("seed", seed);
        fields.put("shuffle", shuffle);
        fields.put("augmentation", augmentation.isActive() ? PlanValues.components(augmentation) : "none");
        fields.put("earlyStopping", earlyStopping.isActive() ? PlanValues.components(earlyStopping) : "none");
        fields.put("classWeights", classWeights.describe());
        fields.put("labelSmoothing", labelSmoothing);
        fields.put("averagedEpochs", averagedEpochs);
        if (!inputNormalisation.isNone()) {  // absent, as from every plan made before it, when none
            fields.put("inputNormalisation", inputNormalisation.id());
        }
        return fields;
    }

    private static Map<String, Object> layer(LayerSpec layer) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (layer instanceof LayerSpec.Dense dense) {
            fields.put("type", "dense");
            fields.put("units", dense.units());
            fields.put("activation", dense.activation().id());
        } else {
            fields.put("type", "dropout");
            fields.put("rate", ((LayerSpec.Dropout) layer).rate());
        }
        return fields;
    }

    /**
     * A builder starting from sensible defaults: [784,100,10] ReLU, softmax, momentum 0.9, 10 epochs.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Fluent construction; unset values keep the defaults documented on each method. */
    public static final class Builder {
        private List<Integer> layers = List.of(784, 100, 10);
        private Activation activation = Activation.RELU;
        private Loss loss = Loss.crossEntropy();
        private double dropout;
        private Initialization initialization;
        private OptimizerSpec optimizer = new OptimizerSpec.Momentum(0.05, 0.9);
        private LearningRateSchedule schedule = new LearningRateSchedule.Constant();
        private double l2;
        private int epochs = 10;
        private int batchSize = 100;
        private long seed = 1;
        private boolean shuffle = true;
        private Augmentation augmentation = Augmentation.NONE;
        private EarlyStopping earlyStopping = EarlyStopping.NONE;
        private ClassWeights classWeights = ClassWeights.NONE;
        private double labelSmoothing;
        private int averagedEpochs;
        private InputNormalisation inputNormalisation = InputNormalisation.NONE;

        private Builder() {
        }

        /**
         * Layer sizes from input to output, e.g. {@code 784, 100, 30, 10}. Default 784, 100, 10.
         *
         * @param sizes at least two widths, each at least 1
         * @return this builder
         */
        public Builder layers(int... sizes) {
            this.layers = java.util.Arrays.stream(sizes).boxed().toList();
            return this;
        }

        /**
         * Hidden-layer activation. Default ReLU.
         *
         * @param activation an element-wise activation
         * @return this builder
         */
        public Builder activation(Activation activation) {
            this.activation = activation;
            return this;
        }

        /**
         * Default softmax + cross-entropy.
         *
         * @param loss the loss
         * @return this builder
         */
        public Builder loss(Loss loss) {
            this.loss = loss;
            return this;
        }

        /**
         * Dropout rate after each hidden layer. Default 0.
         *
         * @param rate in [0, 1)
         * @return this builder
         */
        public Builder dropout(double rate) {
            this.dropout = rate;
            return this;
        }

        /**
         * Default: suited to each layer's activation (He for ReLU, Xavier otherwise).
         *
         * @param initialization the initialisation of every layer, or null for the suited one
         * @return this builder
         */
        public Builder initialization(Initialization initialization) {
            this.initialization = initialization;
            return this;
        }

        /**
         * Default momentum, learning rate 0.05, μ 0.9.
         *
         * @param optimizer the update rule
         * @return this builder
         */
        public Builder optimizer(OptimizerSpec optimizer) {
            this.optimizer = optimizer;
            return this;
        }

        /**
         * Default constant.
         *
         * @param schedule the learning rate's course
         * @return this builder
         */
        public Builder schedule(LearningRateSchedule schedule) {
            this.schedule = schedule;
            return this;
        }

        /**
         * Default 0.
         *
         * @param l2 weight decay, at least 0
         * @return this builder
         */
        public Builder l2(double l2) {
            this.l2 = l2;
            return this;
        }

        /**
         * Default 10.
         *
         * @param epochs at least 1
         * @return this builder
         */
        public Builder epochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /**
         * Default 100.
         *
         * @param batchSize at least 1
         * @return this builder
         */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Default 1.
         *
         * @param seed any number
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Default true.
         *
         * @param shuffle whether to reshuffle every epoch
         * @return this builder
         */
        public Builder shuffle(boolean shuffle) {
            this.shuffle = shuffle;
            return this;
        }

        /**
         * Default none.
         *
         * @param augmentation the distortions
         * @return this builder
         */
        public Builder augmentation(Augmentation augmentation) {
            this.augmentation = augmentation;
            return this;
        }

        /**
         * Default none: every epoch runs and the last weights are kept.
         *
         * @param earlyStopping the early stopping (it needs a validation split)
         * @return this builder
         */
        public Builder earlyStopping(EarlyStopping earlyStopping) {
            this.earlyStopping = earlyStopping;
            return this;
        }

        /**
         * Default none: every example counts once.
         *
         * @param classWeights the weights
         * @return this builder
         */
        public Builder classWeights(ClassWeights classWeights) {
            this.classWeights = classWeights;
            return this;
        }

        /**
         * Default 0: train on the labels as they are.
         *
         * @param epsilon the share of each target spread over all classes, in [0, 0.5]
         * @return this builder
         */
        public Builder labelSmoothing(double epsilon) {
            this.labelSmoothing = epsilon;
            return this;
        }

        /**
         * Default 0: keep the last epoch's weights.
         *
         * @param epochs how many last epochs' weights to average into the kept model, in [0, epochs]
         * @return this builder
         */
        public Builder averageLastEpochs(int epochs) {
            this.averagedEpochs = epochs;
            return this;
        }

        /**
         * Default {@link InputNormalisation#NONE}: the images as they are.
         *
         * @param normalisation how every image is normalised before the network sees it
         * @return this builder
         */
        public Builder inputNormalisation(InputNormalisation normalisation) {
            this.inputNormalisation = normalisation;
            return this;
        }

        /**
         * The plan, checked. A builder may build several plans; it is not thread-safe.
         *
         * @return the plan
         * @throws IllegalArgumentException if a value is out of range (the message names it)
         */
        public TrainingPlan build() {
            NetworkSpec network = NetworkSpec.of(layers, activation, loss, dropout, initialization);
            return new TrainingPlan(network, optimizer, schedule, l2, epochs, batchSize, seed, shuffle, augmentation,
                    earlyStopping, classWeights, labelSmoothing, averagedEpochs, inputNormalisation);
        }
    }
}
