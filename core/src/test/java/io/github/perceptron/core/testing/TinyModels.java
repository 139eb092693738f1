package io.github.perceptron.core.testing;

import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.engine.Network;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.model.ModelMetadata;
import io.github.perceptron.core.train.TrainingListener;
import io.github.perceptron.core.train.TrainingPlan;
import io.github.perceptron.core.trainer.TrainedNetwork;
import io.github.perceptron.core.trainer.Trainer;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/** Small trained models for adapter tests. */
public final class TinyModels {

    private TinyModels() {
    }

    /** A [64, 12, dropout, 4] ReLU model trained for two epochs on 8×8 blobs. */
    public static Model trained() {
        return trained(9, 12);
    }

    /** A [64, hidden, dropout, 4] ReLU model trained for two epochs on 8×8 blobs from {@code seed}. */
    public static Model trained(long seed, int hidden) {
        LabelledImages blobs = SyntheticImages.blobs(200, 8, 8, 4, 5);
        TrainingPlan plan = TrainingPlan.builder().layers(64, hidden, 4).dropout(0.1).epochs(2).batchSize(20).seed(seed)
                .build();
        TrainedNetwork result = new Trainer(plan, TrainingListener.NONE).train(blobs, null);
        ModelMetadata metadata = new ModelMetadata("blobs", seed, 2, OptionalDouble.of(0.75), "test",
                Instant.parse("2026-11-22T07:00:00Z"));
        Network network = result.network();
        return Model.restore(network.spec(), network.parameters().stream().map(p -> p.values()).toList(), 8, 8,
                blobs.classNames(), metadata);
    }

    /** A committee of three tiny models: seeds 9, 10 and 11, the last one wider. */
    public static Model committee() {
        return Model.committee(List.of(trained(9, 12), trained(10, 12), trained(11, 16)),
                new ModelMetadata("blobs", 9, 2, OptionalDouble.of(0.8), "test", Instant.parse("2026-11-22T08:00:00Z")));
    }

    /**
     * {@code model} with its parameter values changed by {@code change} (given copies, in
     * {@link Model#weights()} order): a model's own values cannot be changed from outside.
     */
    public static Model changed(Model model, Consumer<List<float[]>> change) {
        List<float[]> values = model.weights();
        change.accept(values);
        return Model.restore(model.spec(), values, model.width(), model.height(), model.classNames(), model.metadata());
    }

    /** The first {@code count} blob images, as [0,1] pixel arrays. */
    public static float[][] images(int count) {
        LabelledImages blobs = SyntheticImages.blobs(count, 8, 8, 4, 6);
        float[][] images = new float[count][64];
        for (int i = 0; i < count; i++) {
            blobs.copyScaled(i, images[i], 0);
        }
        return images;
    }
}
