package io.github.perceptron.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.github.perceptron.cli.common.CompareRunners;
import io.github.perceptron.cli.common.ModelCodec;
import io.github.perceptron.cli.common.PlanCodec;
import io.github.perceptron.cli.common.UseCases;
import io.github.perceptron.cli.console.Console;
import io.github.perceptron.cli.files.FileOutput;
import io.github.perceptron.cli.files.ModelFormats;
import io.github.perceptron.cli.host.Environment;
import io.github.perceptron.cli.host.HostFacts;
import io.github.perceptron.cli.train.Interrupts;
import io.github.perceptron.cli.train.ShardRunners;
import io.github.perceptron.cli.tune.SearchFiles;
import io.github.perceptron.cli.tune.TrialRunners;
import io.github.perceptron.core.checkpoint.CheckpointStore;
import io.github.perceptron.core.data.DatasetSource;
import io.github.perceptron.core.model.Host;
import io.github.perceptron.core.model.ModelStore;
import io.github.perceptron.core.run.TrainingRuns;
import io.github.perceptron.core.train.Threads;
import io.github.perceptron.core.train.TrainingListener;
import io.github.perceptron.core.tune.SearchSpace;
import io.github.perceptron.core.tune.TrialJournal;
import io.github.perceptron.core.tune.TrialRunner;
import io.github.perceptron.core.tune.TuneModel;
import io.github.perceptron.dataset.DataSources;
import io.github.perceptron.dataset.DatasetFetcher;
import io.github.perceptron.onnx.OnnxModelStore;
import io.github.perceptron.persistence.AtomicFiles;
import io.github.perceptron.persistence.JsonCheckpointStore;
import io.github.perceptron.persistence.JsonModelStore;
import io.github.perceptron.persistence.JsonSearchSpaceReader;
import io.github.perceptron.persistence.DirectoryLock;
import io.github.perceptron.persistence.JsonTrialJournal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.Map;

/** The composition root: binds core's ports to the adapters, and the run's console and environment. */
final class PerceptronModule extends AbstractModule {

    private final Console console;
    private final Map<String, String> environment;
    private final Interrupts.Source signals;

    PerceptronModule(Console console, Map<String, String> environment, Interrupts.Source signals) {
        this.console = console;
        this.environment = Map.copyOf(environment);
        this.signals = signals;
    }

    @Override
    protected void configure() {
        bind(Console.class).toInstance(console);
        bind(Environment.class).toInstance(new Environment(environment));
        bind(CheckpointStore.class).to(JsonCheckpointStore.class);
        bind(Clock.class).toInstance(Clock.systemUTC());
        bind(Interrupts.Source.class).toInstance(signals);
        bind(TrialRunners.class).to(TrialRunners.Local.class);
        bind(CompareRunners.class).to(CompareRunners.Local.class);
        bind(ShardRunners.class).to(ShardRunners.Local.class);
        bind(PlanCodec.class).toInstance(new JsonPlanCodec());
        bind(ModelCodec.class).toInstance(new JsonModelCodec());
    }

    /**
     * Models as JSON, or as ONNX when the file name ends in {@code .onnx}. JSON models load with a
     * one-line warning when they were edited after they were saved.
     */
    @Provides
    ModelStore modelStore() {
        return new ModelFormats(new JsonModelStore(warning -> {
            console.err().println("perceptron: warning: " + warning);
            console.err().flush();
        }), new OnnxModelStore());
    }

    /** Core's use cases, dated by the system clock and recording this machine in what they train. */
    @Provides
    UseCases useCases(Clock clock, Host host) {
        return new UseCases() {
            @Override
            public TrainingRuns training(DatasetSource source, TrainingListener listener, Threads threads) {
                return new TrainingRuns(source, listener, clock, threads).on(host);
            }

            @Override
            public TuneModel tuning(DatasetSource source, Threads threads, TrialRunner runner) {
                return new TuneModel(source, threads, clock, runner);
            }
        };
    }

    /** This machine, for provenance: the runtime, the processor and the launcher's commit (core reads none of them). */
    @Provides
    Host host() {
        return HostFacts.here();
    }

    @Provides
    DatasetFetcher datasetFetcher() {
        return new DatasetFetcher();
    }

    @Provides
    DataSources dataSources(DatasetFetcher fetcher) {
        return new DataSources(fetcher);
    }

    /** Charts, reports and tables are replaced atomically, as models are. */
    @Provides
    FileOutput fileOutput() {
        return (file, content) -> AtomicFiles.replace(file, content::writeTo);
    }

    /** A search's space and journal as the persistence adapter's JSON. */
    @Provides
    SearchFiles searchFiles(Clock clock) {
        return new SearchFiles() {
            @Override
            public SearchSpace space(Path file) {
                return new JsonSearchSpaceReader().read(file);
            }

            @Override
            public TrialJournal journal(Path file, String identity) {
                return new JsonTrialJournal(file, identity);
            }

            @Override
            public Lock lock(Path directory, Consumer<String> notices) {
                return DirectoryLock.acquire(directory, notices, clock)::close;
            }
        };
    }
}
