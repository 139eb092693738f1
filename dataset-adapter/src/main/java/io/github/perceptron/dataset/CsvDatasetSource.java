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

    private final Path directory;
    private Parsed train;

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
        // Class names come from the training file, so both splits agree.
        int classes = Math.max(2, Math.max(train.maxLabel, parsed.maxLabel) + 1);
        return new LabelledImages(parsed.pixels, parsed.labels, parsed.side, parsed.side,
                LabelledImages.numberedClasses(classes));
    }

    @Override
    public String describe() {
        return "csv (" + directory + ")";
    }

    private record Parsed(byte[] pixels, int[] labels, int side, int maxLabel) {
    }

    private static Parsed parse(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            ByteArrayOutputStream pixels = new ByteArrayOutputStream();
            List<Integer> labels = new ArrayList<>();
            int columns = -1;
            int maxLabel = 0;
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                if (lineNumber == 1 && !fields[0].strip().isEmpty() && !Character.isDigit(fields[0].strip().charAt(0))) {
                    continue;
                }
                if (columns < 0) {
                    columns = fields.length;
                    checkSquare(file, columns);
                } else if (fields.length != columns) {
                    throw new DatasetException(file + ":" + lineNumber + ": " + fields.length + " fields, expected " + columns);
                }
                int label = number(file, lineNumber, fields[0], MAX_CLASSES - 1, "label");
                maxLabel = Math.max(maxLabel, label);
                labels.add(label);
                for (int i = 1; i < fields.length; i++) {
                    pixels.write(number(file, lineNumber, fields[i], 255, "pixel " + (i - 1)));
                }
            }
            if (labels.isEmpty()) {
                throw new DatasetException(file + ": no images");
            }
            int side = (int) Math.round(Math.sqrt(columns - 1));
            return new Parsed(pixels.toByteArray(), labels.stream().mapToInt(Integer::intValue).toArray(), side, maxLabel);
        } catch (NoSuchFileException e) {
            throw new DatasetException(file + ": file not found");
        } catch (IOException e) {
            throw new DatasetException(file + ": cannot read: " + e.getMessage(), e);
        }
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
