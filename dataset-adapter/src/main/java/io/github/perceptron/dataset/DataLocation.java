package io.github.perceptron.dataset;

import io.github.perceptron.core.data.DatasetException;
import io.github.perceptron.core.data.DatasetSource;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.data.Split;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where data already on disk is read from, as plain values that travel (to a Spark executor, say):
 * a known dataset's id and directory, or a directory in a format. The one place that turns such a
 * place into a {@link DatasetSource}; opening it never fetches ({@link DataSources} does).
 *
 * @param known     a known dataset's id ({@code mnist}, {@code fashion-mnist}), or null for the user's own data
 * @param format    idx, csv or images
 * @param directory an absolute path
 * @serial exclude (JDK 17's javadoc asks serializable records for field comments; later ones do not)
 */
public record DataLocation(String known, String format, String directory) implements Serializable {

    private static final long serialVersionUID = 1L;
    /**
     * One JVM's verified images, read once and shared by the runs that land there: a Spark
     * executor runs many trials on the same images, and tasks share nothing but their JVM.
     */
    private static final Map<String, LabelledImages> IMAGES = new ConcurrentHashMap<>();

    /**
     * Checks the dataset's id and the format, and writes the format as its id.
     *
     * @param known     a known dataset's id, or null
     * @param format    idx, csv or images, in any case
     * @param directory an absolute path
     * @throws IllegalArgumentException for an unknown dataset or format
     */
    public DataLocation {
        format = DataFormat.fromId(format).id();
        if (known != null) {
            KnownDataset.fromId(known);
        }
    }

    /**
     * The source of the files there, read as they are.
     *
     * @return the source
     */
    public DatasetSource open() {
        Path path = Path.of(directory);
        return known != null ? KnownDataset.fromId(known).in(path) : DataFormat.fromId(format).open(path);
    }

    /**
     * The IDX source of this data when its training split comes in part files
     * ({@code DIR/train/NAME-images-idx3-ubyte}...), which shards read one part at a time; empty
     * for one training file or another format.
     *
     * @return the source, or empty
     */
    public Optional<IdxDatasetSource> partedTraining() {
        return open() instanceof IdxDatasetSource idx && !idx.trainingParts().isEmpty() ? Optional.of(idx) : Optional.empty();
    }

    /**
     * The source of the files there, refused unless its training images are the ones with
     * {@code digest} (the data a command started on elsewhere); they are read once per JVM.
     *
     * @param digest the training images' {@code sha256:} content digest
     * @return the source
     * @throws DatasetException (when a split is loaded) if the training images have another digest
     */
    public DatasetSource openVerified(String digest) {
        return openVerified(digest, null);
    }

    /**
     * As {@link #openVerified(String)}, and the test images are checked against {@code testDigest}
     * and read once per JVM too: a run that measures on the test split (a comparison) never
     * measures on other images than the command started on.
     *
     * @param digest     the training images' {@code sha256:} content digest
     * @param testDigest the test images' digest, or null to read them unchecked at each load
     * @return the source
     * @throws DatasetException (when a split is loaded) if either split has another digest
     */
    public DatasetSource openVerified(String digest, String testDigest) {
        DatasetSource files = open();
        LabelledImages train = verified(files, Split.TRAIN, digest, "training");
        LabelledImages test = testDigest == null ? null : verified(files, Split.TEST, testDigest, "test");
        return new DatasetSource() {
            @Override
            public LabelledImages load(Split split) {
                return split == Split.TRAIN ? train : test != null ? test : files.load(split);
            }

            @Override
            public String describe() {
                return files.describe();
            }
        };
    }

    /** {@code split}'s images, read once per JVM, refused unless they have {@code digest}. */
    private LabelledImages verified(DatasetSource files, Split split, String digest, String what) {
        return IMAGES.computeIfAbsent(this + " " + split + " " + digest, key -> {
            LabelledImages images = files.load(split);
            if (!images.contentDigest().equals(digest)) {
                throw new DatasetException(directory + ": these " + what + " images are not the ones the command was "
                        + "started on (" + images.contentDigest() + ", expected " + digest + ")");
            }
            return images;
        });
    }
}
