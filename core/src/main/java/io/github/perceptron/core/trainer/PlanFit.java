package io.github.perceptron.core.trainer;

import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.train.TrainingPlan;

/** Whether a plan fits its data, checked before the first step: refused in one sentence that says what to change. */
public final class PlanFit {

    private PlanFit() {
    }

    /**
     * The plan's network must take the images and have one output per class, its batch must fit
     * the training images, and early stopping needs {@code evaluation} (which may be null otherwise).
     */
    public static void check(TrainingPlan plan, LabelledImages train, LabelledImages evaluation) {
        if (plan.earlyStopping().isActive() && (evaluation == null || evaluation.size() == 0)) {
            throw new IllegalArgumentException("early stopping needs validation images to evaluate each epoch");
        }
        if (train.size() == 0) {
            throw new IllegalArgumentException("no training examples");
        }
        shape(plan, train.width(), train.height(), train.classCount());
        if (plan.batchSize() > train.size()) {
            throw new IllegalArgumentException("the batch size " + plan.batchSize() + " is larger than the "
                    + train.size() + " training images");
        }
    }

    /** The network must take {@code width}×{@code height} pixels and have one output per class. */
    public static void shape(TrainingPlan plan, int width, int height, int classes) {
        if (width * height != plan.network().inputs()) {
            throw new IllegalArgumentException("the images are " + width + "×" + height + " = " + width * height
                    + " pixels but the network's first layer takes " + plan.network().inputs());
        }
        if (classes != plan.network().classes()) {
            throw new IllegalArgumentException("the data has " + classes + " classes but the network's last layer has "
                    + plan.network().classes() + " units; make them equal");
        }
    }
}
