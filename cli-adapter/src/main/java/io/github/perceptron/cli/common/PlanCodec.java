package io.github.perceptron.cli.common;

import io.github.perceptron.core.train.TrainingPlan;
import java.io.Serializable;

/**
 * How a plan travels to where it runs (a shard or a trial on a Spark executor, a comparison's run):
 * as a document, written here and read there. Serializable, so that work shipped elsewhere carries
 * its reader; the composition root chooses the format (the persistence adapter's JSON).
 */
public interface PlanCodec extends Serializable {

    String write(TrainingPlan plan);

    TrainingPlan read(String document);
}
