package io.github.perceptron.core.eval;

import io.github.perceptron.core.data.BatchAssembler;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.network.Network;

/** Runs a network over a dataset in evaluation mode (no dropout) and tallies the results. */
public final class Evaluator {

    private static final int BATCH = 500;

    private Evaluator() {
    }

    public static Evaluation evaluate(Network network, LabelledImages images) {
        int classes = network.spec().classes();
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
            batch.fillRange(from, rows);
            loss += network.computeLoss(batch.inputs(), batch.labels(), rows);
            for (int r = 0; r < rows; r++) {
                confusion[batch.labels()[r]][network.predictedClass(r)]++;
            }
        }
        return new Evaluation(images.size() == 0 ? 0 : loss / images.size(), confusion, images.classNames());
    }
}
