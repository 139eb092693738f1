package io.github.perceptron.cli.command;

import io.github.perceptron.cli.console.Console;
import io.github.perceptron.cli.console.JsonLine;
import io.github.perceptron.cli.files.ModelOption;
import io.github.perceptron.cli.host.HostFacts;
import io.github.perceptron.core.layer.LayerSpec;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.model.ModelMetadata;
import io.github.perceptron.core.model.ModelStore;
import io.github.perceptron.core.model.Provenance;
import io.github.perceptron.core.network.NetworkSpec;
import io.github.perceptron.core.train.KernelInfo;
import io.github.perceptron.serving.ModelDescription;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code perceptron info}: what a saved model is and where it came from. */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Show a saved model's architecture and metadata.")
public final class InfoCommand implements Callable<Integer> {

    private final ModelStore store;
    private final Console console;

    @Mixin
    ModelOption model;

    @Option(names = "--json", description = "Print everything as one JSON object, provenance included.")
    boolean json;

    @Inject
    InfoCommand(ModelStore store, Console console) {
        this.store = store;
        this.console = console;
    }

    @Override
    public Integer call() {
        Model loaded = model.load(store);
        PrintWriter out = console.out();
        if (json) {
            out.println(JsonLine.of(ModelDescription.of(loaded, model.file().toString())));
            out.flush();
            return 0;
        }
        out.println("model        " + model.file());
        out.println("input        " + loaded.width() + "×" + loaded.height() + " pixels"
                + (loaded.inputNormalisation().isNone() ? "" : ", normalised: " + loaded.inputNormalisation().id()));
        if (loaded.isCommittee()) {
            members(out, loaded);
        } else {
            architecture(out, loaded.spec());
        }
        out.println("classes      " + String.join(", ", loaded.classNames()));
        out.println("weights      " + loaded.weightsDigest());
        ModelMetadata metadata = loaded.metadata();
        out.println("dataset      " + metadata.dataset());
        // A model another tool made (an ONNX import) has no training record: its creation time is unknown.
        boolean elsewhere = metadata.created().equals(Instant.EPOCH);
        out.println(elsewhere ? "trained      elsewhere, by " + metadata.toolVersion() + " (no training record)"
                : "trained      " + metadata.epochs() + " epochs, seed " + metadata.seed() + ", perceptron "
                + metadata.toolVersion() + ", " + metadata.created());
        metadata.testAccuracy().ifPresent(a -> out.printf(Locale.ROOT, "test accuracy %.2f%%%s%n", 100 * a,
                loaded.isCommittee() ? " (the committee's)" : ""));
        metadata.provenance().ifPresentOrElse(p -> provenance(out, p),
                () -> out.println(elsewhere ? "provenance   not recorded (made by another tool)"
                        : "provenance   not recorded (a model file from before format version 2)"));
        out.println("this JVM     " + KernelInfo.description() + " kernel, " + HostFacts.cpu());
        return 0;
    }

    private static void architecture(PrintWriter out, NetworkSpec spec) {
        for (LayerSpec layer : spec.hidden()) {
            if (layer instanceof LayerSpec.Dense dense) {
                out.println("hidden       dense " + dense.units() + " " + dense.activation().id());
            } else if (layer instanceof LayerSpec.Dropout dropout) {
                out.println("hidden       dropout " + dropout.rate());
            }
        }
        out.println("output       dense " + spec.classes() + " " + spec.loss().outputActivation().id()
                + " (" + spec.loss().id() + " loss)");
        out.println("parameters   " + String.format(Locale.ROOT, "%,d", spec.parameterCount()));
    }

    /** A committee's members, one line each: layers, seed, kept epoch, test accuracy and weights. */
    private static void members(PrintWriter out, Model committee) {
        List<Model> members = committee.members();
        out.println("committee    " + members.size() + " members; it answers with the mean of their probabilities");
        out.println("parameters   " + String.format(Locale.ROOT, "%,d", committee.parameterCount()) + " in all");
        for (int k = 0; k < members.size(); k++) {
            Model member = members.get(k);
            ModelMetadata metadata = member.metadata();
            out.printf(Locale.ROOT, "  member %-3d %s%s, seed %d, epoch %d kept, %s, %s%n", k + 1, member.spec().sizes(),
                    member.inputNormalisation().isNone() ? "" : " " + member.inputNormalisation().id(), metadata.seed(), metadata.epochs(), testAccuracy(metadata),
                    member.weightsDigest());
        }
    }

    /** A member's recorded test accuracy in words, as info and combine list it. */
    static String testAccuracy(ModelMetadata metadata) {
        return metadata.testAccuracy().stream().mapToObj(a -> String.format(Locale.ROOT, "test accuracy %.2f%%", 100 * a))
                .findFirst().orElse("test accuracy not recorded");
    }

    /**
     * A plan value for people: an object as its type then {@code name=value} pairs
     * ({@code cosine finalFraction=0.0}), numbers in a list with ", " between them, objects with
     * "; ", the rest as written.
     */
    static String inWords(Object value) {
        if (value instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            map.forEach((key, item) -> {
                if (!"type".equals(key)) {
                    parts.add(key + "=" + inWords(item));
                }
            });
            Object type = map.get("type");
            return (type == null ? "" : type + (parts.isEmpty() ? "" : " ")) + String.join(", ", parts);
        }
        if (value instanceof List<?> list) {
            // Numbers (the layer sizes) read as a row; objects (the hidden layers) one after another.
            String between = list.stream().allMatch(item -> item instanceof Number) ? ", " : "; ";
            return list.stream().map(InfoCommand::inWords).collect(Collectors.joining(between));
        }
        return String.valueOf(value);
    }

    private static void provenance(PrintWriter out, Provenance provenance) {
        out.println("kept epoch   " + provenance.keptEpoch() + ": " + provenance.keptBecause());
        out.println("plan");
        provenance.plan().forEach((name, value) -> out.printf(Locale.ROOT, "  %-14s %s%n", name, inWords(value)));
        out.println("data");
        out.println("  train        " + provenance.trainDigest());
        out.println("  test         " + provenance.testDigest());
        out.println("  validation   " + provenance.validation());
        out.println("machine      " + provenance.kernel() + " kernel, " + provenance.threads() + " threads, "
                + provenance.java() + ", " + provenance.cpu());
        out.println("built from   " + (provenance.gitCommit().isEmpty() ? "a packaged jar (no commit recorded)"
                : "commit " + provenance.gitCommit()));
    }
}
