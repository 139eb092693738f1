package io.github.perceptron.cli.command;

import io.github.perceptron.cli.console.Console;
import io.github.perceptron.cli.console.ConsoleFetchProgress;
import io.github.perceptron.cli.data.DatasetOptions;
import io.github.perceptron.dataset.DatasetFetcher;
import io.github.perceptron.dataset.KnownDataset;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code perceptron fetch}: download and verify a known dataset into the cache. */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = "Download MNIST or Fashion-MNIST, verify every file's SHA-256 and cache it.")
public final class FetchCommand implements Callable<Integer> {

    private final DatasetFetcher fetcher;
    private final Console console;

    @Mixin
    DatasetOptions dataset;

    @Inject
    FetchCommand(DatasetFetcher fetcher, Console console) {
        this.fetcher = fetcher;
        this.console = console;
    }

    @Override
    public Integer call() {
        KnownDataset known = dataset.known();
        Path directory = dataset.directory();
        if (DatasetFetcher.isComplete(known, directory)) {
            console.out().println(known.id() + " is already in " + directory);
            return 0;
        }
        console.err().println("fetching " + known.id() + " into " + directory);
        fetcher.fetch(known, directory, new ConsoleFetchProgress(console));
        console.out().println(known.id() + ": " + known.files().size() + " files verified in " + directory);
        return 0;
    }
}
