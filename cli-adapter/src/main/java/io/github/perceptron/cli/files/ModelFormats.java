package io.github.perceptron.cli.files;

import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.model.ModelStore;
import java.nio.file.Path;
import java.util.Locale;

/** Model files by their name: {@code .onnx} files are ONNX, every other one perceptron's JSON format. */
public final class ModelFormats implements ModelStore {

    private final ModelStore json;
    private final ModelStore onnx;

    public ModelFormats(ModelStore json, ModelStore onnx) {
        this.json = json;
        this.onnx = onnx;
    }

    public static boolean isOnnx(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".onnx");
    }

    @Override
    public void save(Model model, Path location) {
        (isOnnx(location) ? onnx : json).save(model, location);
    }

    @Override
    public Model load(Path location) {
        return (isOnnx(location) ? onnx : json).load(location);
    }
}
