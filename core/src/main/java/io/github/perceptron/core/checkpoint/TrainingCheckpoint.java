package io.github.perceptron.core.checkpoint;

import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.train.TrainingPlan;
import io.github.perceptron.core.train.TrainingProgress;

/**
 * A run saved between epochs: the model so far (a usable model in its own right), the plan it
 * follows, and the progress that lets {@code resume} continue bit-identically.
 */
public record TrainingCheckpoint(Model model, TrainingPlan plan, TrainingProgress progress, int validationSize) {

    public TrainingCheckpoint {
        if (model == null || plan == null || progress == null) {
            throw new IllegalArgumentException("model, plan and progress must be given");
        }
        if (!model.spec().equals(plan.network())) {
            throw new IllegalArgumentException("the checkpoint's model does not have the plan's architecture");
        }
        if (validationSize < 0) {
            throw new IllegalArgumentException("validation size must be >= 0, was " + validationSize);
        }
    }
}
