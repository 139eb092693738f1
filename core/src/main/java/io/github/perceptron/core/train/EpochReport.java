package io.github.perceptron.core.train;

import io.github.perceptron.core.eval.Evaluation;
import java.io.Serial;
import java.io.Serializable;
import java.util.Optional;

/**
 * One epoch's figures. Training loss and accuracy are running means over the epoch's batches as
 * they were trained (dropout on); {@code evaluation} is the held-out data after the epoch.
 *
 * <p>Serializable (a run's history travels back from wherever it ran, a Spark executor say),
 * through a form without the {@code Optional}, which is not.
 *
 * @param epoch         counting from 1
 * @param trainLoss     the mean training loss over the epoch's batches
 * @param trainAccuracy the share of training examples classified right as they were trained, in [0, 1]
 * @param evaluation    the validation images after the epoch (or the test images when there are no
 *                      validation images); empty when there is neither
 * @param seconds       training time of the epoch, evaluation excluded
 * @param learningRate  the learning rate of the epoch's last step
 * @serial exclude (JDK 17's javadoc asks serializable records for field comments; later ones do not)
 */
public record EpochReport(int epoch, double trainLoss, double trainAccuracy, Optional<Evaluation> evaluation,
                          double seconds, double learningRate) implements Serializable {

    /**
     * Writes this report as its {@code Optional}-free form.
     *
     * @return the serialized form
     */
    @Serial
    private Object writeReplace() {
        return new Form(epoch, trainLoss, trainAccuracy, evaluation.orElse(null), seconds, learningRate);
    }

    /** The serialized form: the evaluation is null when there was none. */
    private record Form(int epoch, double trainLoss, double trainAccuracy, Evaluation evaluation, double seconds,
                        double learningRate) implements Serializable {
        private static final long serialVersionUID = 1L;

        @Serial
        private Object readResolve() {
            return new EpochReport(epoch, trainLoss, trainAccuracy, Optional.ofNullable(evaluation), seconds, learningRate);
        }
    }
}
