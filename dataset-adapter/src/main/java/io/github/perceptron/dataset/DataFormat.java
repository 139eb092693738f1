package io.github.perceptron.dataset;

import io.github.perceptron.core.data.DatasetSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The formats a directory of the user's data may hold, and the one place that turns a format and
 * a directory into a {@link DatasetSource}: the command line and its Spark executors open data
 * here, and ask here which files and folders a format reads (so that no output lands on them).
 */
public enum DataFormat {

    /** MNIST-layout IDX files, raw or .gz; the training split may be a directory {@code train} of part files. */
    IDX {
        @Override
        public DatasetSource open(Path directory) {
            return IdxDatasetSource.mnist(directory);
        }

        @Override
        public List<Path> files(Path directory) {
            List<Path> files = new ArrayList<>();
            for (String stem : KnownDataset.MNIST.files()) {
                files.add(directory.resolve(stem));
                files.add(directory.resolve(stem + ".gz"));
            }
            return files;
        }

        @Override
        public List<Path> folders(Path directory) {
            return List.of(directory.resolve("train"));
        }
    },

    /** {@code train.csv} and {@code test.csv}: {@code label,pixel0,...}. */
    CSV {
        @Override
        public DatasetSource open(Path directory) {
            return new CsvDatasetSource(directory);
        }

        @Override
        public List<Path> files(Path directory) {
            return List.of(directory.resolve("train.csv"), directory.resolve("test.csv"));
        }

        @Override
        public List<Path> folders(Path directory) {
            return List.of();
        }
    },

    /** {@code train/<class>/*} and {@code test/<class>/*}, images of any size. */
    IMAGES {
        @Override
        public DatasetSource open(Path directory) {
            return new ImageFolderDatasetSource(directory);
        }

        @Override
        public List<Path> files(Path directory) {
            return List.of();
        }

        @Override
        public List<Path> folders(Path directory) {
            return List.of(directory.resolve("train"), directory.resolve("test"));
        }
    };

    /**
     * The format named {@code id} ({@code idx}, {@code csv} or {@code images}, any case).
     *
     * @param id the name
     * @return the format
     * @throws IllegalArgumentException for any other name
     */
    public static DataFormat fromId(String id) {
        for (DataFormat format : values()) {
            if (format.id().equals(id.strip().toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown format '" + id + "', expected idx, csv or images");
    }

    /**
     * The name users give it: {@code idx}, {@code csv} or {@code images}.
     *
     * @return the name
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The data in {@code directory}, read as it is (nothing is fetched).
     *
     * @param directory the data's folder
     * @return a source reading it on each load
     */
    public abstract DatasetSource open(Path directory);

    /**
     * The files this format reads in {@code directory}.
     *
     * @param directory the data's folder
     * @return the files, which may not exist yet
     */
    public abstract List<Path> files(Path directory);

    /**
     * The folders this format reads in {@code directory}.
     *
     * @param directory the data's folder
     * @return the folders (empty for formats that read files)
     */
    public abstract List<Path> folders(Path directory);
}
