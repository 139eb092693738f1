package io.github.perceptron.cli.common;

import io.github.perceptron.core.data.DatasetSource;
import io.github.perceptron.dataset.CsvDatasetSource;
import io.github.perceptron.dataset.IdxDatasetSource;
import io.github.perceptron.dataset.ImageFolderDatasetSource;
import io.github.perceptron.dataset.KnownDataset;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where data already on disk is read from, as plain values that travel (to a Spark executor, say):
 * a known dataset's id and directory, or a directory in a format. Opening it never fetches.
 *
 * @param known     a known dataset's id ({@code mnist}, {@code fashion-mnist}), or null for the user's own data
 * @param format    idx, csv or images
 * @param directory an absolute path
 */
public record DataLocation(String known, String format, String directory) implements Serializable {

    private static final long serialVersionUID = 1L;

    public DataLocation {
        format = format.toLowerCase(Locale.ROOT);
        if (!format.equals("idx") && !format.equals("csv") && !format.equals("images")) {
            throw new IllegalArgumentException("unknown format '" + format + "', expected idx, csv or images");
        }
    }

    /** The source of the files there, read as they are. */
    public DatasetSource open() {
        Path path = Path.of(directory);
        if (known != null) {
            return KnownDataset.fromId(known).in(path);
        }
        switch (format) {
            case "csv":
                return new CsvDatasetSource(path);
            case "images":
                return new ImageFolderDatasetSource(path);
            default:
                return IdxDatasetSource.mnist(path);
        }
    }
}
