package io.github.perceptron.core.train;

/**
 * The training thread was interrupted (an embedder's {@code Future.cancel(true)} or
 * {@code Thread.interrupt()}): training stopped before the next step. The thread's interrupt
 * flag stays set, so the code that interrupted it sees it too.
 */
public final class TrainingInterruptedException extends TrainingStoppedException {

    private static final long serialVersionUID = 1L;

    public TrainingInterruptedException(int epoch, int batch) {
        super("training interrupted before epoch " + epoch + ", batch " + batch, epoch, batch);
    }
}
