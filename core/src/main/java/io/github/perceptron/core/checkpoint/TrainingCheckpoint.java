package io.github.perceptron.core.checkpoint;

import io.github.perceptron.core.data.ValidationSplit;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.train.TrainingPlan;
import java.util.List;

/**
 * A run saved between epochs: the model so far (a usable model in its own right), the plan it
 * follows, the epochs done, the {@link TrainerState} that lets {@code resume} continue
 * bit-identically (its weights are the model's), early stopping's memory, the validation split it
 * holds out (with its count resolved), and the kernel kind it was trained with ({@code vector} or
 * {@code portable}).
 *
 * @param best early stopping's memory ({@link BestEpoch#NONE} without early stopping)
 */
public record TrainingCheckpoint(Model model, TrainingPlan plan, int epoch, TrainerState state, BestEpoch best,
                                 ValidationSplit validation, String kernel) {

    public TrainingCheckpoint {
        if (model == null || plan == null || state == null || best == null || validation == null || kernel == null) {
            throw new IllegalArgumentException("model, plan, state, best epoch, validation split and kernel must be given");
        }
        if (epoch < 0 || best.epoch() > epoch) {
            throw new IllegalArgumentException("the epoch must be >= 0 and not before the best epoch, was " + epoch);
        }
        if (validation.fraction() > 0) {
            throw new IllegalArgumentException("a checkpoint records the validation split's count, not its fraction");
        }
        if (!model.spec().equals(plan.network())) {
            throw new IllegalArgumentException("the checkpoint's model does not have the plan's architecture");
        }
        List<float[]> modelWeights = model.weights();
        if (state.weights().size() != modelWeights.size()) {
            throw new IllegalArgumentException("the state has " + state.weights().size() + " weight tensors, the model "
                    + modelWeights.size());
        }
        for (int p = 0; p < state.weights().size(); p++) {
            if (state.weights().get(p).length != modelWeights.get(p).length) {
                throw new IllegalArgumentException("the state's weight tensor " + p + " holds "
                        + state.weights().get(p).length + " values, the model's " + modelWeights.get(p).length);
            }
        }
    }
}
