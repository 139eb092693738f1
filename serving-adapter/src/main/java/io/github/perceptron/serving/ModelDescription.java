package io.github.perceptron.serving;

import io.github.perceptron.core.layer.LayerSpec;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.model.ModelMetadata;
import io.github.perceptron.core.model.Provenance;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a model is and where it came from, as one JSON-ready map: the service's {@code GET /v1/model}
 * and {@code perceptron info --json} give the same object.
 */
public final class ModelDescription {

    private ModelDescription() {
    }

    /** An absolute path ({@code /…}, {@code ~/…}, {@code C:\…}) or an explicit relative one ({@code ./…}); group 1 is its last name. */
    private static final Pattern PATH = Pattern.compile("(?<![\\w./\\\\])(?:[A-Za-z]:[\\\\/]|~?/|\\.{1,2}/)(?:[^\\s()\"\\']*[/\\\\])?([^\\s()\"\\'/\\\\]*)");

    /**
     * {@link #of} as a service shows it to any client: every path (the model's file, the dataset's
     * directory, a path among the plan's options) cut to its last name, so that a page cannot learn
     * the host's directories; the rest of the provenance is kept.
     */
    public static Map<String, Object> withoutHostPaths(Map<String, Object> description) {
        Map<String, Object> cleaned = cleaned(description);
        if (cleaned.get("model") instanceof String source) {
            cleaned.put("model", fileName(source));
        }
        return cleaned;
    }

    /** The last name of a path, with {@code /} or a backslash between names: what a client may see of it. */
    static String fileName(String source) {
        return source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cleaned(T value) {
        if (value instanceof String text) {
            return (T) PATH.matcher(text).replaceAll("$1");
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(key, cleaned(item)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            return (T) list.stream().map(ModelDescription::cleaned).toList();
        }
        return value;
    }

    /** @param source what the model was read from, e.g. its file */
    public static Map<String, Object> of(Model model, String source) {
        ModelMetadata metadata = model.metadata();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("model", source);
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("width", model.width());
        input.put("height", model.height());
        info.put("input", input);
        if (model.isCommittee()) {
            info.put("kind", "committee");
            info.put("members", model.members().stream().map(ModelDescription::member).toList());
            info.put("parameters", model.parameterCount());
        } else {
            info.put("kind", "network");
            architecture(model, info);
        }
        info.put("weights", model.weightsDigest());
        info.put("classes", model.classNames());
        info.put("dataset", metadata.dataset());
        info.put("epochs", metadata.epochs());
        info.put("seed", metadata.seed());
        info.put("tool_version", metadata.toolVersion());
        info.put("created", metadata.created().toString());
        info.put("test_accuracy", metadata.testAccuracy().isPresent() ? metadata.testAccuracy().getAsDouble() : null);
        info.put("provenance", metadata.provenance().map(ModelDescription::provenance).orElse(null));
        return info;
    }

    private static void architecture(Model model, Map<String, Object> info) {
        info.put("layers", model.spec().sizes());
        info.put("hidden", model.spec().hidden().stream().map(layer -> layer instanceof LayerSpec.Dense dense
                ? "dense " + dense.units() + " " + dense.activation().id()
                : "dropout " + ((LayerSpec.Dropout) layer).rate()).toList());
        info.put("loss", model.spec().loss().id());
        info.put("parameters", model.parameterCount());
        if (!model.inputNormalisation().isNone()) {  // absent, as before it existed, when the images go in as they are
            info.put("normalisation", model.inputNormalisation().id());
        }
    }

    /** A committee's member: its architecture, weights and where it came from. */
    private static Map<String, Object> member(Model member) {
        ModelMetadata metadata = member.metadata();
        Map<String, Object> info = new LinkedHashMap<>();
        architecture(member, info);
        info.put("weights", member.weightsDigest());
        info.put("epochs", metadata.epochs());
        info.put("seed", metadata.seed());
        info.put("test_accuracy", metadata.testAccuracy().isPresent() ? metadata.testAccuracy().getAsDouble() : null);
        info.put("provenance", metadata.provenance().map(ModelDescription::provenance).orElse(null));
        return info;
    }

    private static Map<String, Object> provenance(Provenance provenance) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("plan", provenance.plan());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("train", provenance.trainDigest());
        data.put("test", provenance.testDigest());
        data.put("validation", provenance.validation());
        json.put("data", data);
        json.put("kept_epoch", provenance.keptEpoch());
        json.put("kept_because", provenance.keptBecause());
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("kernel", provenance.kernel());
        machine.put("threads", provenance.threads());
        machine.put("java", provenance.java());
        machine.put("cpu", provenance.cpu());
        json.put("machine", machine);
        json.put("git_commit", provenance.gitCommit());
        return json;
    }
}
