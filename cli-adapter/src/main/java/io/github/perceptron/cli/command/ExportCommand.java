package io.github.perceptron.cli.command;

import io.github.perceptron.cli.common.OptionException;
import io.github.perceptron.cli.console.Console;
import io.github.perceptron.cli.files.ModelFormats;
import io.github.perceptron.cli.files.ModelOption;
import io.github.perceptron.cli.files.OutputChecks;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.model.ModelStore;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code perceptron export}: a saved model in another format. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write a saved model in another format.",
                "ONNX: opset 13, input 'pixels' float [N, inputs] in [0,1], output 'probabilities' [N, classes]; "
                        + "class names, input normalisation and provenance in its metadata. ONNX Runtime, DJL, Tribuo "
                        + "and Netron read it; perceptron reads it back with --model FILE.onnx."})
public final class ExportCommand implements Callable<Integer> {

    /** The formats a model can be written in, each with its file name ending. */
    enum Format {
        ONNX(".onnx"), JSON(".json");

        private final String suffix;

        Format(String suffix) {
            this.suffix = suffix;
        }
    }

    private final ModelStore store;
    private final Console console;

    @Mixin
    ModelOption model;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "onnx", converter = FormatConverter.class,
            description = "onnx (default) or json.")
    Format format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true,
            description = "Where to write it; the name ends in .onnx for onnx, .json for json.")
    Path out;

    @Inject
    ExportCommand(ModelStore store, Console console) {
        this.store = store;
        this.console = console;
    }

    @Override
    public Integer call() throws IOException {
        boolean onnx = ModelFormats.isOnnx(out);
        if (onnx != (format == Format.ONNX)) {
            throw new OptionException("--out " + out + ": " + (format == Format.ONNX ? "an" : "a") + " "
                    + format.name().toLowerCase(Locale.ROOT) + " model's file name ends in " + format.suffix
                    + ", so that --model reads it as one");
        }
        OutputChecks.readingFiles(model.file()).add("--out", out);
        Model loaded = model.load(store);
        store.save(loaded, out);
        console.out().printf(Locale.ROOT, "exported %s to %s (%s, %,d bytes)%n", model.file(), out,
                format == Format.ONNX ? "ONNX opset 13, input 'pixels' [N, " + loaded.width() * loaded.height()
                        + "], output 'probabilities' [N, " + loaded.classNames().size() + "]"
                        + (loaded.isCommittee() ? ", the Mean of " + loaded.members().size() + " members" : "")
                        : "JSON", Files.size(out));
        return 0;
    }

    /** Format names in any case. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a format: onnx or json");
            }
        }
    }
}
