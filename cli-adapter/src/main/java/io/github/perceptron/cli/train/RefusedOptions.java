package io.github.perceptron.cli.train;

import io.github.perceptron.cli.common.OptionException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Options a kind of run cannot take, refused together in one usage error before any data is read. */
final class RefusedOptions {

    private RefusedOptions() {
    }

    /** Refuses every option of {@code refused} that was typed: "--a, --b are not available with {@code why}". */
    static void refuse(CommandLine.ParseResult parsed, List<String> refused, String why) {
        List<String> typed = new ArrayList<>();
        for (String option : refused) {
            if (parsed.hasMatchedOption(option)) {
                typed.add(option);
            }
        }
        if (!typed.isEmpty()) {
            throw new OptionException(String.join(", ", typed) + (typed.size() == 1 ? " is" : " are")
                    + " not available with " + why);
        }
    }
}
