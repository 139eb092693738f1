package io.github.perceptron.core.train;

import io.github.perceptron.core.data.ValidationSplit;
import io.github.perceptron.core.model.Model;

/**
 * A run saved between epochs: the model so far (a usable model in its own right), the plan it
 * follows, the validation split it holds out (with its count resolved), and the progress that
 * lets {@code resume} continue bit-identically, and the kernel kind it was trained with
 * ({@code vector} or {@code portable}: they round differently, so a run resumed under the other
 * one is not bit-identical to an uninterrupted one).
 */
public record TrainingCheckpoint(Model model, TrainingPlan plan, TrainingProgress progress, ValidationSplit validation,
                                 String kernel) {

    public TrainingCheckpoint {
        if (model == null || plan == null || progress == null || validation == null || kernel == null) {
            throw new IllegalArgumentException("model, plan, progress, validation split and kernel must be given");
        }
        if (validation.fraction() > 0) {
            throw new IllegalArgumentException("a checkpoint records the validation split's count, not its fraction");
        }
        if (!model.spec().equals(plan.network())) {
            throw new IllegalArgumentException("the checkpoint's model does not have the plan's architecture");
        }
    }
}
