package io.github.perceptron.core.model;

import io.github.perceptron.core.batch.BatchAssembler;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.eval.Evaluation;
import io.github.perceptron.core.loss.Loss;
import java.util.List;

/**
 * A committee's answers: the mean of its members' probabilities. The members' outputs are summed
 * in member order in float and the sum divided by their number, as ONNX's {@code Mean} does, so
 * that an exported committee agrees with this one.
 */
final class MemberVotes {

    /** Rows per pass when a committee evaluates: each member runs the same batch in turn. */
    private static final int BATCH = 500;

    private final List<Model> members;
    private final int inputs;
    private final int classes;

    MemberVotes(List<Model> members, int inputs, int classes) {
        this.members = members;
        this.inputs = inputs;
        this.classes = classes;
    }

    /** The mean probabilities of {@code rows} images laid out row after row in {@code batch}. */
    float[] mean(float[] batch, int rows) {
        float[] sum = new float[rows * classes];
        float[] one = new float[rows * classes];
        for (Model member : members) {
            member.probabilities(batch, rows, one);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += one[i];
            }
        }
        float count = members.size();
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= count;
        }
        return sum;
    }

    /** The first most likely class of row {@code row} of {@code probabilities}, as a network's {@code predictedClass} picks it. */
    static int mostLikely(float[] probabilities, int row, int classes) {
        int from = row * classes;
        int best = 0;
        for (int j = 1; j < classes; j++) {
            if (probabilities[from + j] > probabilities[from + best]) {
                best = j;
            }
        }
        return best;
    }

    /**
     * Loss, accuracy and confusion of the mean probabilities: the loss is the members' loss applied
     * to the mean (cross-entropy {@code -ln p̄(label)}, or half the squared error of the mean output).
     */
    Evaluation evaluate(LabelledImages images, List<String> classNames, Loss loss) {
        List<Evaluation> growing = evaluateFirst(images, classNames, loss);
        return growing.get(growing.size() - 1);
    }

    /**
     * The evaluation of the committee of the first k members, for k from 1 to all, from one pass of
     * each member: the running sum after member k, divided by k, is the bits the committee of the
     * first k would average (sums in member order, in float).
     */
    List<Evaluation> evaluateFirst(LabelledImages images, List<String> classNames, Loss loss) {
        if (images.classCount() > classes) {
            throw new IllegalArgumentException("the data has " + images.classCount() + " classes but the committee outputs "
                    + classes);
        }
        if (images.pixelCount() != inputs) {
            throw new IllegalArgumentException("the data has " + images.pixelCount() + " pixels per image but the committee "
                    + "takes " + inputs + " inputs");
        }
        int count = members.size();
        int[][][] confusion = new int[count][classes][classes];
        double[] total = new double[count];
        BatchAssembler batch = new BatchAssembler(images, Math.min(BATCH, Math.max(1, images.size())));
        boolean crossEntropy = loss.id().equals(Loss.crossEntropy().id());
        float[] sum = new float[BATCH * classes];
        float[] one = new float[BATCH * classes];
        float[] mean = new float[BATCH * classes];
        for (int from = 0; from < images.size(); from += BATCH) {
            int rows = Math.min(BATCH, images.size() - from);
            int values = rows * classes;
            batch.fillRange(from, rows);
            java.util.Arrays.fill(sum, 0, values, 0f);
            int[] labels = batch.labels();
            for (int k = 0; k < count; k++) {
                members.get(k).probabilities(batch.inputs(), rows, one);
                float size = k + 1;
                for (int i = 0; i < values; i++) {
                    sum[i] += one[i];
                    mean[i] = sum[i] / size;
                }
                for (int r = 0; r < rows; r++) {
                    confusion[k][labels[r]][mostLikely(mean, r, classes)]++;
                    total[k] += crossEntropy ? -Math.log(Math.max(mean[r * classes + labels[r]], Float.MIN_VALUE))
                            : halfSquaredError(mean, r, labels[r]);
                }
            }
        }
        List<Evaluation> growing = new java.util.ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            growing.add(new Evaluation(images.size() == 0 ? 0 : total[k] / images.size(), confusion[k], classNames));
        }
        return List.copyOf(growing);
    }

    private double halfSquaredError(float[] outputs, int row, int label) {
        double total = 0;
        for (int j = 0; j < classes; j++) {
            float error = outputs[row * classes + j] - (j == label ? 1f : 0f);
            total += 0.5 * error * error;
        }
        return total;
    }
}
