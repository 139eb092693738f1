package io.github.perceptron.dataset;

import io.github.perceptron.core.data.DatasetException;
import io.github.perceptron.core.data.DatasetSource;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.data.Split;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Kaggle-style CSV: a directory holding {@code train.csv} and {@code test.csv}, one image per line
 * as {@code label,pixel0,...,pixelN} with pixels 0–255 of a square image, and an optional header
 * line (recognised by a non-numeric first field). Classes are {@code 0..max label}.
 */
public final class CsvDatasetSource implements DatasetSource {

    private static final int MAX_CLASSES = 256;
    /** The widest image a network takes (1024×1024) at up to 8 characters a pixel ("255, "), and the label. */
    private static final int MAX_LINE_CHARS = 8 << 20;
    /** Every image is held in memory: 60,000 MNIST images are 110 MB of CSV. */
    private static final long MAX_FILE_BYTES = 2L << 30;
    /** A UTF-8 byte-order mark as ISO-8859-1 decodes it. */
    private static final String UTF8_BOM = "\u00ef\u00bb\u00bf";

    private final Path directory;
    private Parsed train;

    /**
     * Reads {@code train.csv} and {@code test.csv} in {@code directory} when a split is loaded.
     *
     * @param directory the folder holding both files
     */
    public CsvDatasetSource(Path directory) {
        this.directory = directory;
    }

    @Override
    public LabelledImages load(Split split) {
        Path file = directory.resolve(split == Split.TRAIN ? "train.csv" : "test.csv");
        if (train == null) {
            train = parse(directory.resolve("train.csv"));
        }
        Parsed parsed = split == Split.TRAIN ? train : parse(file);
        if (parsed.side != train.side) {
            throw new DatasetException(file + ": images of " + parsed.side + "×" + parsed.side + " pixels, but train.csv has "
                    + train.side + "×" + train.side);
        }
        if (parsed.maxLabel > train.maxLabel) {
            throw new DatasetException(file + ":" + parsed.maxLabelLine + ": label " + parsed.maxLabel
                    + " is not a class of train.csv, whose labels are 0.." + train.maxLabel);
        }
        // Class names come from the training file, so both splits agree.
        int classes = Math.max(2, train.maxLabel + 1);
        return LabelledImages.handOver(parsed.pixels, parsed.labels, parsed.side, parsed.side,
                LabelledImages.numberedClasses(classes));
    }

    @Override
    public String describe() {
        return "csv (" + directory + ")";
    }

    private record Parsed(byte[] pixels, int[] labels, int side, int maxLabel, int maxLabelLine) {
    }

    private static Parsed parse(Path file) {
        long size = DataFiles.requireRegular(file);
        if (size > MAX_FILE_BYTES) {
            throw new DatasetException(file + ": " + size + " bytes; a CSV of images is read whole, and at most "
                    + (MAX_FILE_BYTES >> 20) + " MiB are read");
        }
        // ISO-8859-1 decodes any byte, so a stray non-ASCII byte reaches the field checks, which name its line.
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            LineReader lines = new LineReader(reader, file, MAX_LINE_CHARS);
            ByteArrayOutputStream pixels = new ByteArrayOutputStream();
            List<Integer> labels = new ArrayList<>();
            int columns = -1;
            int maxLabel = 0;
            int maxLabelLine = 0;
            int lineNumber = 0;
            for (String line = lines.next(); line != null; line = lines.next()) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith(UTF8_BOM)) {
                    line = line.substring(UTF8_BOM.length());
                }
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                if (lineNumber == 1 && isHeader(fields[0])) {
                    continue;
                }
                if (columns < 0) {
                    columns = fields.length;
                    checkSquare(file, columns);
                } else if (fields.length != columns) {
                    throw new DatasetException(file + ":" + lineNumber + ": " + fields.length + " fields, expected " + columns);
                }
                int label = number(file, lineNumber, fields[0], MAX_CLASSES - 1, "label");
                if (label > maxLabel) {
                    maxLabel = label;
                    maxLabelLine = lineNumber;
                }
                labels.add(label);
                for (int i = 1; i < fields.length; i++) {
                    pixels.write(number(file, lineNumber, fields[i], 255, "pixel " + (i - 1)));
                }
            }
            if (labels.isEmpty()) {
                throw new DatasetException(file + ": no images");
            }
            int side = (int) Math.round(Math.sqrt(columns - 1));
            return new Parsed(pixels.toByteArray(), labels.stream().mapToInt(Integer::intValue).toArray(), side, maxLabel,
                    maxLabelLine);
        } catch (NoSuchFileException e) {
            throw new DatasetException(file + ": file not found");
        } catch (IOException e) {
            throw new DatasetException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** A header names its columns: a first field with a letter in it ("label"), where data has a number ("7", "-1"). */
    private static boolean isHeader(String firstField) {
        return firstField.chars().anyMatch(Character::isLetter) || firstField.strip().startsWith("\"");
    }

    private static void checkSquare(Path file, int columns) {
        int side = (int) Math.round(Math.sqrt(columns - 1));
        if (columns < 2 || side * side != columns - 1) {
            throw new DatasetException(file + ": " + (columns - 1) + " pixel columns do not make a square image "
                    + "(expected label,pixel0..pixelN with N+1 a square such as 784)");
        }
    }

    private static int number(Path file, int line, String field, int max, String what) {
        String text = field.strip();
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new DatasetException(file + ":" + line + ": " + what + " is '" + abbreviate(text) + "', not a whole number");
        }
        if (value < 0 || value > max) {
            throw new DatasetException(file + ":" + line + ": " + what + " is " + value + ", outside 0.." + max);
        }
        return value;
    }

    private static String abbreviate(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "…";
    }
}
