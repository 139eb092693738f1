package io.github.perceptron.dataset;

import io.github.perceptron.core.digest.ContentDigest;
import io.github.perceptron.core.data.DatasetException;
import io.github.perceptron.core.data.DatasetSource;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.data.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * MNIST-layout IDX files in one directory: {@code train-images-idx3-ubyte},
 * {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte},
 * each raw or with a {@code .gz} suffix; or the training split as a directory {@code train/} of
 * part files (see {@link #trainingParts}). Fashion-MNIST uses the same layout with its own class names.
 * Thread-safe: each load reads and validates the files anew, so trainings on several threads may
 * share one source.
 */
public final class IdxDatasetSource implements DatasetSource {

    /** The directory of the training split's part files, when it comes in parts. */
    public static final String PARTS = "train";
    private static final Pattern PART_IMAGES = Pattern.compile("(.+)-images-idx3-ubyte(?:\\.gz)?");

    private final Path directory;
    private final List<String> classNames;
    private final String name;

    /**
     * IDX files in {@code directory} ({@code train-images-idx3-ubyte} and the three others, raw or gzip;
     * or training part files under {@code train/}), read and validated at each load.
     *
     * @param directory  the folder
     * @param classNames one name per label value
     * @param name       what {@link #describe()} calls the data
     */
    public IdxDatasetSource(Path directory, List<String> classNames, String name) {
        this.directory = directory;
        this.classNames = List.copyOf(classNames);
        this.name = name;
    }

    /**
     * MNIST digits in {@code directory}.
     *
     * @param directory the folder holding MNIST's four files
     * @return the source, with the digits "0" to "9" as class names
     */
    public static IdxDatasetSource mnist(Path directory) {
        return new IdxDatasetSource(directory, ClassNames.DIGITS, "mnist");
    }

    /**
     * Fashion-MNIST in {@code directory}.
     *
     * @param directory the folder holding Fashion-MNIST's four files
     * @return the source, with Fashion-MNIST's ten class names
     */
    public static IdxDatasetSource fashionMnist(Path directory) {
        return new IdxDatasetSource(directory, ClassNames.FASHION, "fashion-mnist");
    }

    @Override
    public LabelledImages load(Split split) {
        if (split == Split.TRAIN && !exists(directory, "train-images-idx3-ubyte") && !trainingParts().isEmpty()) {
            return loadTrainingParts(trainingParts());
        }
        String prefix = split == Split.TRAIN ? "train" : "t10k";
        return read(directory, prefix);
    }

    /**
     * The training split's part files, by name in order ({@code part-00000}, ...), when it comes as
     * a directory {@code train/} of {@code NAME-images-idx3-ubyte} and {@code NAME-labels-idx1-ubyte}
     * pairs (raw or .gz) instead of one pair of files; empty otherwise. {@link #load} then reads
     * their concatenation, and data-parallel shards read only their own parts.
     *
     * @return the parts' names, sorted; empty when the training split is one file
     */
    public List<String> trainingParts() {
        Path parts = directory.resolve(PARTS);
        if (!Files.isDirectory(parts)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(parts)) {
            return files.map(file -> file.getFileName().toString()).map(PART_IMAGES::matcher).filter(Matcher::matches)
                    .map(match -> match.group(1)).distinct().sorted().toList();
        } catch (IOException e) {
            throw new DatasetException(parts + ": cannot list the part files (" + e.getMessage() + ")");
        }
    }

    /**
     * The given training parts, concatenated in the order given.
     *
     * @param names some of {@link #trainingParts()}
     * @return their images, in the order named
     * @throws DatasetException if a part is missing or malformed
     */
    public LabelledImages loadTrainingParts(List<String> names) {
        if (names.isEmpty()) {
            throw new DatasetException(directory.resolve(PARTS) + ": no part files to read");
        }
        List<LabelledImages> parts = new ArrayList<>();
        for (String name : names) {
            parts.add(readPart(name));
        }
        return concatenate(parts);
    }

    /**
     * What the training parts hold, read one part at a time (never all at once): images per part,
     * images per class, the images' shape, and the content digest of their concatenation (what
     * {@link #load} would give), labels first, then pixels, as {@link LabelledImages#contentDigest} reads them.
     *
     * @return the parts' counts, labels and digest
     * @throws DatasetException if a part is missing or malformed
     */
    public PartsSummary summarizeTrainingParts() {
        List<String> names = trainingParts();
        if (names.isEmpty()) {
            throw new DatasetException(directory.resolve(PARTS) + ": no part files (NAME-images-idx3-ubyte and "
                    + "NAME-labels-idx1-ubyte pairs)");
        }
        int[] counts = new int[names.size()];
        int[] histogram = new int[classNames.size()];
        List<int[]> labels = new ArrayList<>();
        long total = 0;
        for (int p = 0; p < names.size(); p++) {
            int[] partLabels = readLabels(find(directory.resolve(PARTS), names.get(p) + "-labels-idx1-ubyte"));
            counts[p] = partLabels.length;
            total += partLabels.length;
            for (int label : partLabels) {
                histogram[label]++;
            }
            labels.add(partLabels);
        }
        LabelledImages first = readPart(names.get(0));
        ContentDigest digest = new ContentDigest(Math.toIntExact(total), first.width(), first.height(), classNames);
        labels.forEach(partLabels -> digest.labels(partLabels, 0, partLabels.length));
        for (int p = 0; p < names.size(); p++) {
            LabelledImages part = p == 0 ? first : readPart(names.get(p));
            if (part.width() != first.width() || part.height() != first.height()) {
                throw new DatasetException(directory.resolve(PARTS).resolve(names.get(p)) + ": images of " + part.width()
                        + "×" + part.height() + " pixels, the first part's are " + first.width() + "×" + first.height());
            }
            byte[] pixels = new byte[Math.multiplyExact(part.size(), part.pixelCount())];
            part.copyPixels(pixels, 0);
            digest.pixels(pixels, 0, pixels.length);
        }
        return new PartsSummary(names, counts, histogram, first.width(), first.height(), classNames, digest.finish());
    }

    /** What {@link #summarizeTrainingParts} found. */
    public record PartsSummary(List<String> parts, int[] counts, int[] labelHistogram, int width, int height,
                               List<String> classNames, String contentDigest) {
    }

    private LabelledImages readPart(String name) {
        return read(directory.resolve(PARTS), name);
    }

    /** {@code STEM-images-idx3-ubyte} and {@code STEM-labels-idx1-ubyte} in {@code folder}, the images first. */
    private LabelledImages read(Path folder, String stem) {
        IdxFile images = IdxFile.read(find(folder, stem + "-images-idx3-ubyte"), IdxFile.IMAGES_MAGIC);
        Path labelsFile = find(folder, stem + "-labels-idx1-ubyte");
        int[] classes = readLabels(labelsFile);
        int[] imageDims = images.dimensions();
        if (imageDims[0] != classes.length) {
            throw new DatasetException(images.path() + " holds " + imageDims[0] + " images but "
                    + labelsFile + " holds " + classes.length + " labels");
        }
        if (imageDims[1] == 0 || imageDims[2] == 0) {
            throw new DatasetException(images.path() + ": images of " + imageDims[1] + "×" + imageDims[2] + " pixels");
        }
        return LabelledImages.handOver(images.data(), classes, imageDims[2], imageDims[1], classNames);
    }

    private int[] readLabels(Path labelsFile) {
        IdxFile labels = IdxFile.read(labelsFile, IdxFile.LABELS_MAGIC);
        byte[] labelBytes = labels.data();
        int count = labels.dimensions()[0];
        int[] classes = new int[count];
        for (int i = 0; i < count; i++) {
            classes[i] = labelBytes[i] & 0xff;
            if (classes[i] >= classNames.size()) {
                throw new DatasetException(labels.path() + ": label " + classes[i] + " of image " + i
                        + " is outside the " + classNames.size() + " classes 0.." + (classNames.size() - 1));
            }
        }
        return classes;
    }

    private LabelledImages concatenate(List<LabelledImages> parts) {
        LabelledImages first = parts.get(0);
        long images = parts.stream().mapToLong(LabelledImages::size).sum();
        byte[] pixels = new byte[Math.toIntExact(Math.multiplyExact(images, (long) first.pixelCount()))];
        int[] labels = new int[(int) images];
        int at = 0;
        for (LabelledImages part : parts) {
            if (part.width() != first.width() || part.height() != first.height()) {
                throw new DatasetException(directory.resolve(PARTS) + ": parts of " + part.width() + "×" + part.height()
                        + " and " + first.width() + "×" + first.height() + " pixels");
            }
            part.copyPixels(pixels, at * first.pixelCount());
            for (int i = 0; i < part.size(); i++) {
                labels[at + i] = part.label(i);
            }
            at += part.size();
        }
        return LabelledImages.handOver(pixels, labels, first.width(), first.height(), classNames);
    }

    @Override
    public String describe() {
        return name + " (" + directory + ")";
    }

    private static boolean exists(Path directory, String stem) {
        return Files.exists(directory.resolve(stem)) || Files.exists(directory.resolve(stem + ".gz"));
    }

    private static Path find(Path directory, String stem) {
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
