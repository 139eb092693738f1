package io.github.perceptron.cli;

import io.github.perceptron.cli.command.BenchCommand;
import io.github.perceptron.cli.command.CombineCommand;
import io.github.perceptron.cli.command.EvaluateCommand;
import io.github.perceptron.cli.command.ExportCommand;
import io.github.perceptron.cli.command.FetchCommand;
import io.github.perceptron.cli.command.InfoCommand;
import io.github.perceptron.cli.command.PredictCommand;
import io.github.perceptron.cli.compare.CompareCommand;
import io.github.perceptron.cli.serve.ServeCommand;
import io.github.perceptron.cli.train.TrainCommand;
import io.github.perceptron.cli.tune.TuneCommand;
import io.github.perceptron.core.model.ModelMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code perceptron} command: a group of subcommands. */
@Command(name = "perceptron", mixinStandardHelpOptions = true, versionProvider = PerceptronCommand.Version.class,
        description = "Train, evaluate and use multi-layer perceptrons on MNIST-like images.",
        subcommands = {FetchCommand.class, TrainCommand.class, EvaluateCommand.class, InfoCommand.class,
                PredictCommand.class, ExportCommand.class, CombineCommand.class, BenchCommand.class, CompareCommand.class, TuneCommand.class, ServeCommand.class,
                picocli.AutoComplete.GenerateCompletion.class},
        footer = {"", "Start with: perceptron train    (fetches MNIST if needed, trains, saves the model)"})
final class PerceptronCommand {

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces on errors.")
    boolean debug;

    /**
     * Reads the version filtered into core at build time; {@code ./perceptron-spark} adds which
     * Spark it runs on ({@code -Dperceptron.spark}).
     */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String java = "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")";
            String spark = System.getProperty("perceptron.spark");
            return spark == null ? new String[] {"perceptron " + ModelMetadata.currentToolVersion(), java}
                    : new String[] {"perceptron " + ModelMetadata.currentToolVersion(), java, spark};
        }
    }
}
