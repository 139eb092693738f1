package io.github.perceptron.core.engine;

import io.github.perceptron.core.batch.BatchAssembler;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.engine.Network;
import io.github.perceptron.core.eval.Evaluation;
import io.github.perceptron.core.kernel.Parallel;
import java.util.ArrayList;
import java.util.List;

/** Runs a network over a dataset in evaluation mode (no dropout) and tallies the results. */
public final class Evaluator {

    private static final int BATCH = 500;

    private Evaluator() {
    }

    /**
     * Evaluates with the data's class names; a class the network outputs but the data never names
     * is called by its index.
     */
    public static Evaluation evaluate(Network network, LabelledImages images) {
        List<String> names = new ArrayList<>(images.classNames());
        for (int c = names.size(); c < network.spec().classes(); c++) {
            names.add(Integer.toString(c));
        }
        return evaluate(network, images, names);
    }

    /**
     * Evaluates with {@code classNames}, one per output of the network (a model's own names): the
     * confusion matrix has a row and a column for every class the network can predict, including
     * classes the data happens not to contain.
     */
    public static Evaluation evaluate(Network network, LabelledImages images, List<String> classNames) {
        int classes = network.spec().classes();
        if (classNames.size() != classes) {
            throw new IllegalArgumentException(classNames.size() + " class names for a network of " + classes + " outputs");
        }
        if (images.classCount() > classes) {
            throw new IllegalArgumentException("the data has " + images.classCount()
                    + " classes but the network outputs " + classes);
        }
        if (images.pixelCount() != network.spec().inputs()) {
            throw new IllegalArgumentException("the data has " + images.pixelCount()
                    + " pixels per image but the network takes " + network.spec().inputs() + " inputs");
        }
        int[][] confusion = new int[classes][classes];
        BatchAssembler batch = new BatchAssembler(images, Math.min(BATCH, Math.max(1, images.size())));
        double loss = 0;
        for (int from = 0; from < images.size(); from += BATCH) {
            int rows = Math.min(BATCH, images.size() - from);
            int first = from;
            // Scaling the pixels is a quarter of classifying them: it splits over the network's threads.
            Parallel.forEachRowRange(network.threads(), rows, (r0, r1) -> batch.fillRangeRows(first, r0, r1));
            loss += network.computeLoss(batch.inputs(), batch.labels(), rows);
            for (int r = 0; r < rows; r++) {
                confusion[batch.labels()[r]][network.predictedClass(r)]++;
            }
        }
        return new Evaluation(images.size() == 0 ? 0 : loss / images.size(), confusion, classNames);
    }
}
