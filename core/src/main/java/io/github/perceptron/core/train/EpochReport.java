package io.github.perceptron.core.train;

import io.github.perceptron.core.eval.Evaluation;
import java.util.Optional;

/**
 * One epoch's figures. Training loss and accuracy are running means over the epoch's batches as
 * they were trained (dropout on); {@code evaluation} is the held-out data after the epoch.
 *
 * @param epoch   counting from 1
 * @param seconds training time of the epoch, evaluation excluded
 */
public record EpochReport(int epoch, double trainLoss, double trainAccuracy, Optional<Evaluation> evaluation,
                          double seconds, double learningRate) {
}
