package io.github.perceptron.core.train;

/** The loss became NaN or infinite: training stopped rather than produce garbage weights. */
public final class DivergenceException extends TrainingStoppedException {

    private static final long serialVersionUID = 1L;

    public DivergenceException(int epoch, int batch, double loss, double learningRate) {
        super("training diverged at epoch " + epoch + ", batch " + batch + ": the loss is " + loss
                + "; try a smaller learning rate than " + learningRate, epoch, batch);
    }
}
