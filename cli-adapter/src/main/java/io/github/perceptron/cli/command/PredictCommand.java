package io.github.perceptron.cli.command;

import io.github.perceptron.cli.common.CommandFailure;
import io.github.perceptron.cli.console.Console;
import io.github.perceptron.cli.console.JsonLine;
import io.github.perceptron.cli.files.ModelOption;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.model.ModelStore;
import io.github.perceptron.core.model.Prediction;
import io.github.perceptron.dataset.DigitImages;
import io.github.perceptron.dataset.IdxFile;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code perceptron predict}: classify image files, or one image of an IDX file. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Classify images with a saved model.",
                "Photos and scans are normalised as MNIST was made: dark ink on light paper is inverted, the digit "
                        + "is cropped, scaled into a 20×20 box and centred by its centre of mass in 28×28."})
public final class PredictCommand implements Callable<Integer> {

    private static final int TOP = 3;

    private final ModelStore store;
    private final Console console;

    @Mixin
    ModelOption model;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Inputs inputs;

    @Option(names = "--json", description = "Print one JSON object per image: file, class, probabilities.")
    boolean json;

    /** Either image files or one image of an IDX file. */
    static final class Inputs {
        @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "PNG, JPEG, GIF or BMP files of any size.")
        List<Path> images;

        @ArgGroup(exclusive = false)
        IdxInput idx;
    }

    /** {@code --idx FILE --index N}. */
    static final class IdxInput {
        @Option(names = "--idx", paramLabel = "FILE", required = true, description = "An IDX images file (raw or .gz).")
        Path file;

        @Option(names = "--index", paramLabel = "N", required = true, description = "Which image of the IDX file, from 0.")
        int index;
    }

    @Inject
    PredictCommand(ModelStore store, Console console) {
        this.store = store;
        this.console = console;
    }

    @Override
    public Integer call() {
        Model loaded = model.load(store);
        List<String> names = new ArrayList<>();
        List<float[]> pixels = new ArrayList<>();
        if (inputs.idx != null) {
            IdxFile file = IdxFile.read(inputs.idx.file, IdxFile.IMAGES_MAGIC);
            int[] dims = file.dimensions();
            if (dims[1] != loaded.height() || dims[2] != loaded.width()) {
                throw new CommandFailure(inputs.idx.file + ": images are " + dims[2] + "×" + dims[1]
                        + " but the model takes " + loaded.width() + "×" + loaded.height());
            }
            names.add(inputs.idx.file + "#" + inputs.idx.index);
            pixels.add(file.image(inputs.idx.index));
        } else {
            for (Path image : inputs.images) {
                names.add(image.toString());
                pixels.add(DigitImages.read(image, loaded.width(), loaded.height()));
            }
        }
        for (int i = 0; i < names.size(); i++) {
            print(names.get(i), loaded.predict(pixels.get(i)), loaded.classNames());
        }
        return 0;
    }

    private void print(String name, Prediction prediction, List<String> classNames) {
        float[] probabilities = prediction.probabilities();
        if (json) {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("file", name);
            object.put("class", prediction.className());
            Map<String, Float> byClass = new LinkedHashMap<>();
            for (int c = 0; c < probabilities.length; c++) {
                byClass.put(classNames.get(c), probabilities[c]);
            }
            object.put("probabilities", byClass);
            console.out().println(JsonLine.of(object));
            return;
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s: %s (%.1f%%)", name,
                prediction.className(), 100 * prediction.confidence()));
        List<Integer> top = prediction.top(TOP);
        line.append("   next:");
        for (int c : top.subList(1, top.size())) {
            line.append(String.format(Locale.ROOT, " %s %.1f%%", classNames.get(c), 100 * probabilities[c]));
        }
        console.out().println(line);
    }
}
