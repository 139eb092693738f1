package io.github.perceptron.cli.tune;

import io.github.perceptron.cli.common.OptionException;
import io.github.perceptron.cli.train.TrainingOptions;
import io.github.perceptron.core.tune.Dimension;
import io.github.perceptron.core.tune.SearchSpace;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import picocli.CommandLine;

/**
 * The fields {@code tune} may search: the training options that take a value, by name without
 * the dashes ({@code lr} is {@code --lr}), and the {@code --param} form of their values.
 */
final class SearchFields {

    /** Options that are not settings of a model: searched, they would only change speed or luck. */
    private static final List<String> NOT_SEARCHED = List.of("threads", "seed");

    /** Searched when nothing else is asked: the rate, the regularisation and the width of the default model. */
    static final SearchSpace DEFAULT = defaultSpace();

    private SearchFields() {
    }

    /** In a fixed order: the order decides the draws, and a resumed search must draw the same trials. */
    private static SearchSpace defaultSpace() {
        Map<String, Dimension> fields = new LinkedHashMap<>();
        fields.put("lr", new Dimension.LogUniform(0.02, 0.3));
        fields.put("dropout", new Dimension.Choice(List.of("0", "0.1", "0.2", "0.3")));
        fields.put("layers", new Dimension.Choice(List.of("784,128,10", "784,256,10", "784,512,10")));
        return new SearchSpace(fields);
    }

    /** Every field name a search may use. */
    static TreeSet<String> names() {
        TreeSet<String> names = new TreeSet<>();
        CommandLine.Model.CommandSpec spec = new CommandLine(new TrainingOptionsHolder()).getCommandSpec();
        for (CommandLine.Model.OptionSpec option : spec.options()) {
            String name = option.longestName().replaceFirst("^--", "");
            if (option.arity().max() > 0 && !NOT_SEARCHED.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** Refuses a field that is not a searchable training option, naming those that are. */
    static void check(SearchSpace space) {
        TreeSet<String> known = names();
        for (String name : space.dimensions().keySet()) {
            if (!known.contains(name)) {
                throw new OptionException("cannot search '" + name + "': searchable fields are " + known);
            }
        }
    }

    /**
     * {@code NAME=SPEC} from {@code --param}: {@code lr=log:0.01:0.3} (log-uniform),
     * {@code dropout=uniform:0:0.5}, or a list {@code layers=784,256,10|784,512,10}.
     */
    static Map.Entry<String, Dimension> parse(String param) {
        int equals = param.indexOf('=');
        if (equals <= 0 || equals == param.length() - 1) {
            throw new OptionException("--param must be NAME=VALUES, e.g. lr=log:0.01:0.3 or dropout=0|0.2, was '"
                    + param + "'");
        }
        String name = param.substring(0, equals).strip();
        String spec = param.substring(equals + 1).strip();
        String[] parts = spec.split(":", -1);
        try {
            if (parts.length == 3 && (parts[0].equals("log") || parts[0].equals("uniform"))) {
                double low = Double.parseDouble(parts[1]);
                double high = Double.parseDouble(parts[2]);
                return Map.entry(name, parts[0].equals("log") ? new Dimension.LogUniform(low, high)
                        : new Dimension.Uniform(low, high));
            }
        } catch (NumberFormatException e) {
            throw new OptionException("--param " + name + ": '" + spec + "' needs two numbers, as in "
                    + parts[0] + ":0.01:0.3");
        }
        List<String> values = Arrays.stream(spec.split("\\|", -1)).map(String::strip).toList();
        if (values.stream().anyMatch(String::isEmpty)) {
            throw new OptionException("--param " + name + ": '" + spec + "' has an empty value");
        }
        return Map.entry(name, new Dimension.Choice(values));
    }

    /** Only for reading the training options' names. */
    @CommandLine.Command(name = "fields")
    static final class TrainingOptionsHolder {
        @CommandLine.Mixin
        TrainingOptions training;
    }
}
