package io.github.perceptron.core.train;

/**
 * The loss or a weight became NaN or infinite: training stopped rather than produce garbage
 * weights, at a step it names.
 */
public final class DivergenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The epoch it stopped in, from 1. */
    private final int epoch;
    /** The batch within that epoch, from 1. */
    private final int batch;

    /**
     * The loss of a batch was not a finite number.
     *
     * @param epoch        the epoch, from 1
     * @param batch        the batch within it, from 1
     * @param loss         the loss found
     * @param learningRate the step's learning rate, which the message suggests lowering
     */
    public DivergenceException(int epoch, int batch, double loss, double learningRate) {
        this("the loss is " + loss, epoch, batch, learningRate);
    }

    private DivergenceException(String what, int epoch, int batch, double learningRate) {
        super("training diverged at epoch " + epoch + ", batch " + batch + ": " + what
                + "; try a smaller learning rate than " + learningRate);
        this.epoch = epoch;
        this.batch = batch;
    }

    /**
     * The last update of an epoch left a weight that is not finite (no later loss would show it).
     *
     * @param epoch        the epoch, from 1
     * @param batch        its last batch, from 1
     * @param learningRate the step's learning rate
     * @return the exception
     */
    public static DivergenceException inWeights(int epoch, int batch, double learningRate) {
        return new DivergenceException("the last update left a weight that is not a finite number", epoch, batch,
                learningRate);
    }

    /**
     * The epoch it stopped in, from 1.
     *
     * @return at least 1
     */
    public int epoch() {
        return epoch;
    }

    /**
     * The batch within that epoch, from 1.
     *
     * @return at least 1
     */
    public int batch() {
        return batch;
    }
}
