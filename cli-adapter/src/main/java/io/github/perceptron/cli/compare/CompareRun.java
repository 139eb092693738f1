package io.github.perceptron.cli.compare;

import io.github.perceptron.cli.common.CompareRunners;
import io.github.perceptron.cli.common.ModelCodec;
import io.github.perceptron.cli.common.PlanCodec;
import io.github.perceptron.core.data.DatasetSource;
import io.github.perceptron.core.train.EpochReport;
import io.github.perceptron.core.train.Threads;
import io.github.perceptron.core.train.TrainedModel;
import io.github.perceptron.core.train.TrainingListener;
import io.github.perceptron.core.usecase.TrainModel;
import io.github.perceptron.dataset.DataLocation;
import java.io.Serializable;
import java.util.ArrayList;

/**
 * One configuration of a preset at one seed, trained and tested: its options as {@code train}
 * takes them and the data's place and digests, so that it runs the same here or on a Spark executor.
 */
final class CompareRun implements CompareRunners.Run<CompareRun.Outcome> {

    private static final long serialVersionUID = 1L;

    /**
     * What a run gives back: every epoch's report, the test accuracy at the end, and, for a
     * committee of the seeds, its network's model file (null otherwise).
     */
    record Outcome(int index, ArrayList<EpochReport> history, double testAccuracy, byte[] model) implements Serializable {
        private static final long serialVersionUID = 2L;
    }

    private final int index;
    private final String plan;
    private final PlanCodec codec;
    private final DataLocation data;
    private final String digest;
    private final String testDigest;
    /** Writes the trained network back for a committee of the seeds; null when none is made. */
    private final ModelCodec models;
    /** The data already open where the command runs; null where the run was shipped to. */
    private final transient DatasetSource here;

    CompareRun(int index, String plan, PlanCodec codec, DataLocation data, String digest, String testDigest,
               ModelCodec models, DatasetSource here) {
        this.models = models;
        this.index = index;
        this.plan = plan;
        this.codec = codec;
        this.data = data;
        this.digest = digest;
        this.testDigest = testDigest;
        this.here = here;
    }

    @Override
    public Outcome run(int threads) {
        // Where the run was shipped to, both splits are checked: it reports test accuracy.
        DatasetSource source = here != null ? here : data.openVerified(digest, testDigest);
        Threads execution = threads > 0 ? new Threads(threads) : Threads.allProcessors();
        ArrayList<EpochReport> history = new ArrayList<>();
        TrainingListener collect = new TrainingListener() {
            @Override
            public void epochCompleted(EpochReport report) {
                history.add(report);
            }
        };
        TrainedModel trained = new TrainModel(source).reportingTo(collect).onThreads(execution.count())
                .train(codec.read(plan));
        return new Outcome(index, history, trained.test().accuracy(),
                models == null ? null : models.write(trained.model()));
    }
}
