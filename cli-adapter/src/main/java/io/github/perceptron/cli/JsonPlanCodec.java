package io.github.perceptron.cli;

import io.github.perceptron.cli.common.PlanCodec;
import io.github.perceptron.core.train.TrainingPlan;
import io.github.perceptron.persistence.PlanDocuments;

/** Plans as the persistence adapter's JSON plan documents: what the composition root binds {@link PlanCodec} to. */
public final class JsonPlanCodec implements PlanCodec {

    private static final long serialVersionUID = 1L;

    @Override
    public String write(TrainingPlan plan) {
        return PlanDocuments.write(plan);
    }

    @Override
    public TrainingPlan read(String document) {
        return PlanDocuments.read(document);
    }
}
