package io.github.perceptron.cli.compare;

import io.github.perceptron.cli.common.OptionException;
import io.github.perceptron.cli.train.TrainPreset;
import java.util.List;
import java.util.Locale;

/** Named sets of training configurations for {@code compare}, each run a list of {@code train} options. */
public enum ComparePreset {

    /**
     * The lab's tasks, each changing one thing: the notebook baseline, then softmax (Task 1), L2 and
     * momentum on top of it (Task 2), Adagrad, dropout and augmentation (Task 3), depth (Task 4).
     */
    SEED_TASKS("seed-tasks", List.of(
            new Run("baseline: sigmoid + MSE", "notebook 004", baseline()),
            new Run("task 1: softmax + log-loss", "Task 1", task1()),
            new Run("task 2: L2 1e-4", "Task 2", task1("--l2", "1e-4")),
            new Run("task 2: L2 1e-3", "Task 2", task1("--l2", "1e-3")),
            new Run("task 2: momentum 0.5", "Task 2", task1("--optimizer", "momentum", "--momentum", "0.5", "--lr", "0.25")),
            new Run("task 2: momentum 0.9", "Task 2", task1("--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.05")),
            new Run("task 3: Adagrad", "Task 3", task1("--optimizer", "adagrad", "--lr", "0.1")),
            new Run("task 3: dropout 0.1", "Task 3", task1("--dropout", "0.1")),
            new Run("task 3: shifts + rotations", "Task 3", task1("--augment", "shift,rotate")),
            new Run("task 4: [784,100,30,10]", "Task 4", task1("--layers", "784,100,30,10"))), 30),

    /**
     * The most accurate MLP we train within 30 minutes on two cores: two ReLU layers of 800 (Simard
     * et al.'s width), elastic distortions plus shifts on every image every epoch, Nesterov momentum
     * on a cosine schedule. Settings were chosen on a validation split (the last 10,000 training
     * images), never the test set: over 20 epochs, dropout on top of the distortions did worse
     * there than none (docs/experiments-best.md), so the distortions are the only regulariser.
     */
    BEST("best", List.of(
            new Run("best: [784,800,800,10] elastic + shift", "record", TrainPreset.RECORD_NETWORK)), 200);

    private final String id;
    private final List<Run> runs;
    private final int defaultEpochs;

    ComparePreset(String id, List<Run> runs, int defaultEpochs) {
        this.id = id;
        this.runs = runs;
        this.defaultEpochs = defaultEpochs;
    }

    /** Epochs per run when {@code --epochs} is not given. */
    int defaultEpochs() {
        return defaultEpochs;
    }

    /** Whether the report should set each configuration against the one it changes. */
    boolean comparesChanges() {
        return this == SEED_TASKS;
    }

    String id() {
        return id;
    }

    public List<Run> runs() {
        return runs;
    }

    static ComparePreset fromId(String id) {
        for (ComparePreset preset : values()) {
            if (preset.id.equals(id.toLowerCase(Locale.ROOT))) {
                return preset;
            }
        }
        throw new OptionException("unknown preset '" + id + "', expected seed-tasks or best");
    }

    /** One configuration: a name for tables and legends, the lab task it answers, its options. */
    public record Run(String name, String task, List<String> options) {
    }

    /**
     * The notebook as it was: [784,30,10] sigmoid, half squared error on a sigmoid output, N(0,1)
     * weights and biases, plain SGD at 3.0, batches of 100 in a fixed order.
     */
    private static List<String> baseline() {
        return List.of("--layers", "784,30,10", "--activation", "sigmoid", "--loss", "mse", "--init", "normal",
                "--optimizer", "sgd", "--lr", "3.0", "--schedule", "constant", "--batch", "100", "--no-shuffle",
                "--dropout", "0", "--augment", "none");
    }

    /** Task 1 changes the output to softmax with log-loss (at the rate Nielsen uses for it), all else as the baseline. */
    private static List<String> task1(String... changes) {
        List<String> options = new java.util.ArrayList<>(List.of("--layers", "784,30,10", "--activation", "sigmoid",
                "--loss", "cross-entropy", "--init", "normal", "--optimizer", "sgd", "--lr", "0.5", "--schedule",
                "constant", "--batch", "100", "--no-shuffle", "--dropout", "0", "--augment", "none"));
        options.addAll(List.of(changes));
        return List.copyOf(options);
    }
}
