package io.github.perceptron.cli.command;

import io.github.perceptron.cli.common.Console;
import io.github.perceptron.cli.common.ModelOption;
import io.github.perceptron.core.layer.LayerSpec;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.model.ModelMetadata;
import io.github.perceptron.core.model.ModelStore;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code perceptron info}: what a saved model is and where it came from. */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Show a saved model's architecture and metadata.")
public final class InfoCommand implements Callable<Integer> {

    private final ModelStore store;
    private final Console console;

    @Mixin
    ModelOption model;

    @Inject
    InfoCommand(ModelStore store, Console console) {
        this.store = store;
        this.console = console;
    }

    @Override
    public Integer call() {
        Model loaded = model.load(store);
        PrintWriter out = console.out();
        out.println("model        " + model.file());
        out.println("input        " + loaded.width() + "×" + loaded.height() + " pixels");
        for (LayerSpec layer : loaded.spec().hidden()) {
            if (layer instanceof LayerSpec.Dense dense) {
                out.println("hidden       dense " + dense.units() + " " + dense.activation().id());
            } else if (layer instanceof LayerSpec.Dropout dropout) {
                out.println("hidden       dropout " + dropout.rate());
            }
        }
        out.println("output       dense " + loaded.spec().classes() + " " + loaded.spec().loss().outputActivation().id()
                + " (" + loaded.spec().loss().id() + " loss)");
        out.println("parameters   " + String.format(Locale.ROOT, "%,d", loaded.spec().parameterCount()));
        out.println("classes      " + String.join(", ", loaded.classNames()));
        ModelMetadata metadata = loaded.metadata();
        out.println("dataset      " + metadata.dataset());
        out.println("trained      " + metadata.epochs() + " epochs, seed " + metadata.seed() + ", perceptron "
                + metadata.toolVersion() + ", " + metadata.created());
        metadata.testAccuracy().ifPresent(a -> out.printf(Locale.ROOT, "test accuracy %.2f%%%n", 100 * a));
        return 0;
    }
}
