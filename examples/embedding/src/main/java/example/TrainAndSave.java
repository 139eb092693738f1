package example;

import io.github.perceptron.core.data.DatasetSource;
import io.github.perceptron.core.data.ValidationSplit;
import io.github.perceptron.core.layer.Activation;
import io.github.perceptron.core.optim.LearningRateSchedule;
import io.github.perceptron.core.optim.OptimizerSpec;
import io.github.perceptron.core.train.EarlyStopping;
import io.github.perceptron.core.train.KernelInfo;
import io.github.perceptron.core.train.TrainedModel;
import io.github.perceptron.core.train.TrainingListener;
import io.github.perceptron.core.train.TrainingPlan;
import io.github.perceptron.core.usecase.TrainModel;
import io.github.perceptron.dataset.DatasetFetcher;
import io.github.perceptron.dataset.FetchProgress;
import io.github.perceptron.dataset.KnownDataset;
import io.github.perceptron.persistence.JsonModelStore;
import java.nio.file.Path;

/** Trains a digit classifier on MNIST and saves it. Arguments, all optional: data directory, model file, epochs. */
public final class TrainAndSave {

    public static void main(String[] args) {
        Path data = args.length > 0 ? Path.of(args[0])
                : DatasetFetcher.defaultDirectory(KnownDataset.MNIST, System.getenv());  // ~/.cache/perceptron/mnist
        Path modelFile = Path.of(args.length > 1 ? args[1] : "models/embedded.json");
        int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        System.out.println(KernelInfo.description());  // which kernel runs, and why

        // Downloads whatever MNIST file is missing (SHA-256 checked); any MNIST-layout IDX directory will do.
        DatasetSource mnist = new DatasetFetcher().fetch(KnownDataset.MNIST, data, FetchProgress.NONE);

        TrainingPlan plan = TrainingPlan.builder()
                .layers(784, 256, 10).activation(Activation.RELU)
                .optimizer(new OptimizerSpec.Nesterov(0.05, 0.9))
                .schedule(new LearningRateSchedule.Cosine(0))
                .epochs(epochs).batchSize(100).seed(1)
                .earlyStopping(EarlyStopping.onAccuracy(5))  // watches the validation images only
                .build();
        TrainedModel trained = new TrainModel(mnist)
                .reportingTo(TrainingListener.onEpoch(report -> System.out.printf("epoch %d: validation accuracy %.2f%%%n",
                        report.epoch(), 100 * report.evaluation().orElseThrow().accuracy())))
                .train(plan, ValidationSplit.stratifiedFraction(0.1, 1));  // 10% of training images held out
        System.out.printf("test accuracy %.2f%%%n", 100 * trained.test().accuracy());

        new JsonModelStore().save(trained.model(), modelFile);  // atomic: a crash never leaves half a file
        System.out.println("saved " + modelFile + " (" + trained.model().weightsDigest() + ")");
    }
}
