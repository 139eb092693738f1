package io.github.perceptron.cli.train;

import io.github.perceptron.core.train.TrainedModel;
import io.github.perceptron.core.train.TrainingListener;
import io.github.perceptron.core.train.TrainingPlan;
import java.nio.file.Path;

/** A training listener that also reports the start and the outcome: as text, or as JSON lines. */
interface TrainingReporter extends TrainingListener {

    void started(TrainingPlan plan, String dataset);

    void finished(TrainedModel trained, Path savedTo);
}
