package io.github.perceptron.dataset;

import io.github.perceptron.core.data.DatasetException;
import io.github.perceptron.core.data.DatasetSource;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.data.Split;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * MNIST-layout IDX files in one directory: {@code train-images-idx3-ubyte},
 * {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte},
 * each raw or with a {@code .gz} suffix. Fashion-MNIST uses the same layout with its own class names.
 */
public final class IdxDatasetSource implements DatasetSource {

    private final Path directory;
    private final List<String> classNames;
    private final String name;

    public IdxDatasetSource(Path directory, List<String> classNames, String name) {
        this.directory = directory;
        this.classNames = List.copyOf(classNames);
        this.name = name;
    }

    /** MNIST digits in {@code directory}. */
    public static IdxDatasetSource mnist(Path directory) {
        return new IdxDatasetSource(directory, ClassNames.DIGITS, "mnist");
    }

    /** Fashion-MNIST in {@code directory}. */
    public static IdxDatasetSource fashionMnist(Path directory) {
        return new IdxDatasetSource(directory, ClassNames.FASHION, "fashion-mnist");
    }

    @Override
    public LabelledImages load(Split split) {
        String prefix = split == Split.TRAIN ? "train" : "t10k";
        IdxFile images = IdxFile.read(find(prefix + "-images-idx3-ubyte"), IdxFile.IMAGES_MAGIC);
        IdxFile labels = IdxFile.read(find(prefix + "-labels-idx1-ubyte"), IdxFile.LABELS_MAGIC);
        int[] imageDims = images.dimensions();
        int count = labels.dimensions()[0];
        if (imageDims[0] != count) {
            throw new DatasetException(images.path() + " holds " + imageDims[0] + " images but "
                    + labels.path() + " holds " + count + " labels");
        }
        if (imageDims[1] == 0 || imageDims[2] == 0) {
            throw new DatasetException(images.path() + ": images of " + imageDims[1] + "×" + imageDims[2] + " pixels");
        }
        byte[] labelBytes = labels.data();
        int[] classes = new int[count];
        for (int i = 0; i < count; i++) {
            classes[i] = labelBytes[i] & 0xff;
            if (classes[i] >= classNames.size()) {
                throw new DatasetException(labels.path() + ": label " + classes[i] + " of image " + i
                        + " is outside the " + classNames.size() + " classes 0.." + (classNames.size() - 1));
            }
        }
        return LabelledImages.handOver(images.data(), classes, imageDims[2], imageDims[1], classNames);
    }

    @Override
    public String describe() {
        return name + " (" + directory + ")";
    }

    private Path find(String stem) {
        for (String candidate : new String[] {stem, stem + ".gz"}) {
            Path path = directory.resolve(candidate);
            // Whatever is there is read, so that a directory or a device is named as such, not "not found".
            if (Files.exists(path)) {
                return path;
            }
        }
        throw new DatasetException(directory.resolve(stem) + ": file not found (nor " + stem + ".gz)");
    }
}
