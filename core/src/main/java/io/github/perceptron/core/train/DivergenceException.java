package io.github.perceptron.core.train;

/** The loss became NaN or infinite: training stopped rather than produce garbage weights. */
public final class DivergenceException extends TrainingStoppedException {

    private static final long serialVersionUID = 1L;

    public DivergenceException(int epoch, int batch, double loss, double learningRate) {
        this("the loss is " + loss, epoch, batch, learningRate);
    }

    private DivergenceException(String what, int epoch, int batch, double learningRate) {
        super("training diverged at epoch " + epoch + ", batch " + batch + ": " + what
                + "; try a smaller learning rate than " + learningRate, epoch, batch);
    }

    /** The last update of an epoch left a weight that is not finite (no later loss would show it). */
    public static DivergenceException inWeights(int epoch, int batch, double learningRate) {
        return new DivergenceException("the last update left a weight that is not a finite number", epoch, batch,
                learningRate);
    }
}
