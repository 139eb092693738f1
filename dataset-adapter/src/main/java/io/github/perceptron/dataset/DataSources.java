package io.github.perceptron.dataset;

import io.github.perceptron.core.data.DatasetSource;
import java.nio.file.Path;

/**
 * The command line's one factory of data: where a known dataset or the user's files are, and the
 * known datasets fetched when missing. The composition root makes it; commands ask it.
 */
public final class DataSources {

    private final DatasetFetcher fetcher;

    public DataSources(DatasetFetcher fetcher) {
        this.fetcher = fetcher;
    }

    /** Where {@code dataset} is (or will be, once fetched) in {@code directory}. */
    public DataLocation known(KnownDataset dataset, Path directory) {
        return new DataLocation(dataset.id(), DataFormat.IDX.id(), directory.toAbsolutePath().normalize().toString());
    }

    /**
     * The user's data in {@code directory}, in {@code format}.
     *
     * @throws IllegalArgumentException for a format that is not idx, csv or images
     */
    public DataLocation files(String format, Path directory) {
        return new DataLocation(null, format, directory.toAbsolutePath().normalize().toString());
    }

    /** Whether every file of {@code dataset} is in {@code directory}. */
    public boolean present(KnownDataset dataset, Path directory) {
        return DatasetFetcher.isComplete(dataset, directory);
    }

    /** {@code dataset} in {@code directory}, fetched (and verified) first when a file is missing. */
    public DatasetSource fetchedIfMissing(KnownDataset dataset, Path directory, FetchProgress progress) {
        return present(dataset, directory) ? known(dataset, directory).open() : fetcher.fetch(dataset, directory, progress);
    }
}
