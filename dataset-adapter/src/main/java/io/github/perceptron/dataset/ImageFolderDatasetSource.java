package io.github.perceptron.dataset;

import io.github.perceptron.core.data.DatasetException;
import io.github.perceptron.core.data.DatasetSource;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.data.Split;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A folder of images: {@code DIR/train/<class>/*} and {@code DIR/test/<class>/*} (PNG, JPEG, GIF
 * or BMP, any size). Class names are the training folder's sub-directory names, sorted. Each
 * image becomes 28×28 grey levels, area-averaged, with the ink bright as in MNIST (images on light
 * paper are inverted).
 */
public final class ImageFolderDatasetSource implements DatasetSource {

    private static final int SIDE = 28;

    private final Path directory;

    /**
     * Reads {@code train/<class>/*} and {@code test/<class>/*} in {@code directory} when a split is loaded.
     *
     * @param directory the folder holding {@code train} and {@code test}
     */
    public ImageFolderDatasetSource(Path directory) {
        this.directory = directory;
    }

    @Override
    public LabelledImages load(Split split) {
        Path trainRoot = directory.resolve("train");
        List<String> classes = classes(trainRoot);
        Path root = directory.resolve(split == Split.TRAIN ? "train" : "test");
        if (split == Split.TEST) {
            for (String name : folderNames(root)) {
                if (!classes.contains(name)) {
                    throw new DatasetException(root.resolve(name) + ": a class that " + trainRoot
                            + " does not have; the classes are " + classes);
                }
            }
        }
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            Path folder = root.resolve(classes.get(c));
            if (split == Split.TEST && !Files.exists(folder)) {
                continue;
            }
            List<Path> images = images(folder);
            if (images.isEmpty() && split == Split.TRAIN) {
                throw new DatasetException(folder + ": no images; every class needs training images");
            }
            for (Path file : images) {
                files.add(file);
                labels.add(c);
            }
        }
        if (files.isEmpty()) {
            throw new DatasetException(root + ": no images in its class folders " + classes);
        }
        byte[] pixels = new byte[files.size() * SIDE * SIDE];
        for (int i = 0; i < files.size(); i++) {
            toGrey(files.get(i), pixels, i * SIDE * SIDE);
        }
        return LabelledImages.handOver(pixels, labels.stream().mapToInt(Integer::intValue).toArray(), SIDE, SIDE, classes);
    }

    @Override
    public String describe() {
        return "images (" + directory + ")";
    }

    private static List<String> classes(Path train) {
        List<String> names = folderNames(train);
        if (names.size() < 2) {
            throw new DatasetException(train + ": needs at least two class folders, found " + names);
        }
        return names;
    }

    /** The class folders in {@code root}; anything else there but hidden files is refused, not skipped. */
    private static List<String> folderNames(Path root) {
        List<String> names = new ArrayList<>();
        for (Path entry : entries(root)) {
            if (!Files.isDirectory(entry)) {
                throw new DatasetException(entry + ": " + kind(entry) + " where class folders are expected ("
                        + root + "/<class>/<image>)");
            }
            names.add(entry.getFileName().toString());
        }
        return names;
    }

    /** The images in one class folder: regular files only, each named if it is anything else. */
    private static List<Path> images(Path folder) {
        List<Path> images = new ArrayList<>();
        for (Path entry : entries(folder)) {
            if (!Files.isRegularFile(entry)) {
                throw new DatasetException(entry + ": " + kind(entry) + " inside a class folder; images must sit "
                        + "directly in " + folder);
            }
            images.add(entry);
        }
        return images;
    }

    private static String kind(Path entry) {
        if (Files.isDirectory(entry)) {
            return "a folder";
        }
        if (Files.isRegularFile(entry)) {
            return "a file";
        }
        if (Files.isSymbolicLink(entry)) {
            return "a symbolic link that leads nowhere (broken, or in a loop)";
        }
        return "a pipe, socket or device";
    }

    /** Sorted entries of a folder, hidden ones left out. */
    private static List<Path> entries(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new DatasetException(folder + ": folder not found");
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new DatasetException(folder + ": cannot list: " + e.getMessage(), e);
        }
    }

    private static void toGrey(Path file, byte[] pixels, int offset) {
        BufferedImage image = ImageFiles.read(file);
        BufferedImage small = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = small.createGraphics();
        g.drawImage(image.getScaledInstance(SIDE, SIDE, Image.SCALE_AREA_AVERAGING), 0, 0, null);
        g.dispose();
        float[] ink = DigitImages.inkOnBlack(small);
        float max = 0;
        for (float v : ink) {
            max = Math.max(max, v);
        }
        for (int p = 0; p < ink.length; p++) {
            pixels[offset + p] = (byte) Math.round(max > 0 ? 255 * ink[p] / max : 0);
        }
    }
}
