package io.github.perceptron.cli;

import io.github.perceptron.core.data.DatasetSource;
import io.github.perceptron.dataset.DatasetFetcher;
import io.github.perceptron.dataset.IdxDatasetSource;
import io.github.perceptron.dataset.KnownDataset;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which data a command reads: a known dataset (fetched when missing) or a directory of IDX files. */
final class DatasetOptions {

    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "mnist",
            description = "mnist or fashion-mnist, fetched when missing (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Read MNIST-layout IDX files (raw or .gz) from DIR instead of a known dataset.")
    Path data;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Cache directory for known datasets (default: $PERCEPTRON_DATA or ~/.cache/perceptron).")
    Path dataDir;

    KnownDataset known() {
        return KnownDataset.fromId(dataset);
    }

    /** The directory a known dataset lives in. */
    Path directory(Environment environment) {
        return dataDir != null ? dataDir.resolve(known().id()) : DatasetFetcher.defaultDirectory(known(), environment.variables());
    }

    /** The source to read, fetching a known dataset first when any of its files is missing. */
    DatasetSource open(DatasetFetcher fetcher, Environment environment, Console console, boolean quiet) {
        if (data != null) {
            return IdxDatasetSource.mnist(data);
        }
        KnownDataset known = known();
        Path directory = directory(environment);
        if (DatasetFetcher.isComplete(known, directory)) {
            return known.in(directory);
        }
        if (!quiet) {
            console.err().println(known.id() + " is not in " + directory + "; fetching it");
        }
        return fetcher.fetch(known, directory, quiet ? io.github.perceptron.dataset.FetchProgress.NONE
                : new ConsoleFetchProgress(console));
    }
}
