package io.github.perceptron.dataset;

import io.github.perceptron.core.data.DatasetSource;
import java.nio.file.Path;

/**
 * The command line's one factory of data: where a known dataset or the user's files are, and the
 * known datasets fetched when missing. The composition root makes it; commands ask it.
 */
public final class DataSources {

    private final DatasetFetcher fetcher;

    /**
     * Data sources that fetch with {@code fetcher}.
     *
     * @param fetcher the fetcher of known datasets
     */
    public DataSources(DatasetFetcher fetcher) {
        this.fetcher = fetcher;
    }

    /**
     * Where {@code dataset} is (or will be, once fetched) in {@code directory}.
     *
     * @param dataset   the dataset
     * @param directory its folder
     * @return the location, with an absolute path
     */
    public DataLocation known(KnownDataset dataset, Path directory) {
        return new DataLocation(dataset.id(), DataFormat.IDX.id(), directory.toAbsolutePath().normalize().toString());
    }

    /**
     * The user's data in {@code directory}, in {@code format}.
     *
     * @throws IllegalArgumentException for a format that is not idx, csv or images
     * @param format    idx, csv or images
     * @param directory the folder
     * @return the location, with an absolute path
     */
    public DataLocation files(String format, Path directory) {
        return new DataLocation(null, format, directory.toAbsolutePath().normalize().toString());
    }

    /**
     * Whether every file of {@code dataset} is in {@code directory}.
     *
     * @param dataset   the dataset
     * @param directory its folder
     * @return whether nothing needs fetching
     */
    public boolean present(KnownDataset dataset, Path directory) {
        return DatasetFetcher.isComplete(dataset, directory);
    }

    /**
     * {@code dataset} in {@code directory}, fetched (and verified) first when a file is missing.
     *
     * @param dataset   the dataset
     * @param directory its folder
     * @param progress  hears the fetch, if there is one
     * @return a source reading the files
     * @throws io.github.perceptron.core.data.DatasetException if a file cannot be fetched from any source
     */
    public DatasetSource fetchedIfMissing(KnownDataset dataset, Path directory, FetchProgress progress) {
        return present(dataset, directory) ? known(dataset, directory).open() : fetcher.fetch(dataset, directory, progress);
    }
}
