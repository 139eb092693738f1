package io.github.perceptron.cli.train;

import io.github.perceptron.cli.common.OptionException;
import io.github.perceptron.core.network.NetworkSpec;
import java.util.ArrayList;
import java.util.List;

/** The {@code --layers} option: comma-separated sizes, checked against the library's limits so that an error names the option. */
public final class LayerSizes {

    private LayerSizes() {
    }

    public static int[] parse(String layers) {
        List<Integer> sizes = new ArrayList<>();
        for (String part : layers.split(",", -1)) {
            try {
                sizes.add(Integer.parseInt(part.strip()));
            } catch (NumberFormatException e) {
                throw new OptionException("--layers " + layers + ": '" + part.strip()
                        + "' is not a layer size (whole numbers, comma-separated, such as 784,100,10)");
            }
        }
        if (sizes.size() < 2) {
            throw new OptionException("--layers " + layers + ": give at least an input and an output size");
        }
        try {
            NetworkSpec.checkSizes(sizes);
        } catch (IllegalArgumentException e) {
            throw new OptionException("--layers " + layers + ": " + e.getMessage());
        }
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }
}
