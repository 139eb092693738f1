package io.github.perceptron.core.batch;

import io.github.perceptron.core.data.LabelledImages;

/**
 * Gathers images into a network's input batch: {@code inputs[rows×pixels]} as {@code [0,1]}
 * floats and {@code labels[rows]}, in the order an index permutation gives. Its buffers are
 * allocated once for the largest batch.
 */
public final class BatchAssembler {

    private final LabelledImages images;
    private final float[] inputs;
    private final int[] labels;

    public BatchAssembler(LabelledImages images, int batchSize) {
        this.images = images;
        this.inputs = new float[batchSize * images.pixelCount()];
        this.labels = new int[batchSize];
    }

    /** Fills the first {@code rows} rows with images {@code order[from..from+rows)}. */
    public void fill(int[] order, int from, int rows) {
        fillRows(order, from, 0, rows);
    }

    /**
     * Fills rows {@code [firstRow, endRow)} of the batch that starts at {@code order[from]}: rows are
     * independent, so threads may fill disjoint ranges of one batch at once.
     */
    public void fillRows(int[] order, int from, int firstRow, int endRow) {
        int n = images.pixelCount();
        for (int r = firstRow; r < endRow; r++) {
            int index = order[from + r];
            images.copyScaled(index, inputs, r * n);
            labels[r] = images.label(index);
        }
    }

    /** Fills the first {@code rows} rows with images {@code from..from+rows} in storage order. */
    public void fillRange(int from, int rows) {
        fillRangeRows(from, 0, rows);
    }

    /**
     * Fills rows {@code [firstRow, endRow)} of the batch of images in storage order from image
     * {@code from}: as {@link #fillRows}, threads may fill disjoint ranges at once.
     */
    public void fillRangeRows(int from, int firstRow, int endRow) {
        int n = images.pixelCount();
        for (int r = firstRow; r < endRow; r++) {
            images.copyScaled(from + r, inputs, r * n);
            labels[r] = images.label(from + r);
        }
    }

    public float[] inputs() {
        return inputs;
    }

    public int[] labels() {
        return labels;
    }
}
