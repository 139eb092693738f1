package io.github.perceptron.cli;

import io.github.perceptron.core.data.DatasetSource;
import io.github.perceptron.core.data.ValidationSplit;
import io.github.perceptron.core.layer.Activation;
import io.github.perceptron.core.model.Prediction;
import io.github.perceptron.core.optim.LearningRateSchedule;
import io.github.perceptron.core.optim.OptimizerSpec;
import io.github.perceptron.core.train.EarlyStopping;
import io.github.perceptron.core.train.TrainedModel;
import io.github.perceptron.core.train.TrainingPlan;
import io.github.perceptron.core.usecase.TrainModel;

/** The embedding example of README.md, verbatim between the markers (ReadmeExampleTest checks both). */
final class ReadmeExample {

    private ReadmeExample() {
    }

    static Prediction run(DatasetSource mnist, float[] pixels) {
        // readme-example-start
        TrainingPlan plan = TrainingPlan.builder()
                .layers(784, 256, 10).activation(Activation.RELU)
                .optimizer(new OptimizerSpec.Nesterov(0.05, 0.9))
                .schedule(new LearningRateSchedule.Cosine(0))
                .epochs(15).batchSize(100).seed(1)
                .earlyStopping(EarlyStopping.onAccuracy(5))      // watches validation accuracy only
                .build();
        TrainedModel trained = new TrainModel(mnist)
                .train(plan, ValidationSplit.stratifiedFraction(0.1, 1));
        System.out.printf("test accuracy %.2f%%%n", 100 * trained.test().accuracy());
        Prediction prediction = trained.model().predict(pixels);  // 784 floats in [0,1]
        // readme-example-end
        return prediction;
    }
}
