package io.github.perceptron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.github.perceptron.cli.console.Console;
import io.github.perceptron.cli.train.Interrupts;
import io.github.perceptron.cli.train.TrainCommand;
import io.github.perceptron.cli.tune.TuneCommand;
import io.github.perceptron.core.random.SeededRandom;
import io.github.perceptron.core.testing.Fuzzing;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Mutation fuzzing of the command line's arguments, token by token: every mutated invocation is
 * parsed and, for {@code train}, {@code compare} and {@code tune}, turned into training plans, as a run would
 * before touching data. Only usage errors (picocli's, or {@link IllegalArgumentException} with a
 * message) may come out; {@link Fuzzing#INPUTS} invocations.
 */
class ArgumentFuzzTest {

    private static final List<List<String>> SEEDS = List.of(
            List.of("train", "--layers", "784,100,10", "--activation", "relu", "--loss", "cross-entropy", "--optimizer",
                    "adam", "--lr", "0.001", "--l2", "1e-4", "--dropout", "0.2", "--augment", "shift:1.5,rotate,elastic:37:5.5", "--epochs",
                    "3", "--batch", "50", "--seed", "7", "--schedule", "step:2:0.5", "--warmup", "1", "--validation", "100",
                    "--class-weights", "1,2,1,1,1,1,1,1,1,0.5"),
            List.of("train", "--init", "normal", "--momentum", "0.5", "--optimizer", "nesterov", "--schedule", "cosine:0.1",
                    "--threads", "2", "--patience", "3", "--monitor", "loss", "--min-delta", "0.01", "--checkpoint-every", "1",
                    "--no-shuffle", "--class-weights", "balanced", "--json", "-q"),
            List.of("evaluate", "--model", "m.json", "--data", "d", "--format", "csv", "--json"),
            List.of("predict", "--model", "m.json", "--idx", "x", "--index", "3", "--json"),
            List.of("bench", "--layers", "784,30,10", "--batch", "100", "--epochs", "2", "--threads", "1", "--json"),
            List.of("fetch", "--dataset", "fashion-mnist", "--data-dir", "/tmp/x"),
            List.of("tune", "--param", "lr=log:0.01:0.3", "--param", "dropout=0|0.2", "--param", "layers=784,30,10|784,10",
                    "--search", "random", "--trials", "3", "--time-budget", "1h30m", "--validation", "0.1", "--folds", "1",
                    "--patience", "2", "--epochs", "2", "--json"));
    private static final List<String> ODD_VALUES = List.of("", "-1", "0", "NaN", "Infinity", "1e309", "-0", "abc", ",",
            "784,,10", "2147483648", "step:0:0", "cosine:2", "shift,,", "::", "--", "-", "relu,tanh", "1e-400");

    private final Injector injector = Guice.createInjector(new PerceptronModule(
            new Console(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false), Map.of(), Interrupts::unhandled));

    @Test
    void mutated_invocations_give_usage_errors_and_nothing_else() {
        SeededRandom random = new SeededRandom(5);
        int refused = 0;
        for (int i = 0; i < Fuzzing.INPUTS; i++) {
            List<String> args = mutate(SEEDS.get(random.nextInt(SEEDS.size())), random);
            try {
                interpret(args);
            } catch (NumberFormatException leaked) {
                // An IllegalArgumentException too, but one that names no option: the user sees "For input string".
                throw new AssertionError("input " + i + " " + args + " leaked " + leaked, leaked);
            } catch (CommandLine.ParameterException | IllegalArgumentException expected) {
                refused++;
                assertThat(expected.getMessage()).as("input %d: %s", i, args).isNotBlank();
            } catch (RuntimeException | Error unexpected) {
                throw new AssertionError("input " + i + " " + args + " threw " + unexpected, unexpected);
            }
        }
        assertThat(refused).isGreaterThan(Fuzzing.INPUTS / 4);
    }

    private void interpret(List<String> args) {
        CommandLine commandLine = new CommandLine(PerceptronCommand.class, new GuiceFactory(injector));
        CommandLine.ParseResult parsed = commandLine.parseArgs(args.toArray(String[]::new));
        if (!parsed.hasSubcommand()) {
            return;
        }
        Object command = parsed.subcommand().commandSpec().userObject();
        if (command instanceof TuneCommand tune) {
            tune.prepare();
        }
        if (command instanceof TrainCommand train) {
            train.training.plan();
            if (train.dataset.data == null) {
                train.dataset.known();
            }
        }
    }

    private static List<String> mutate(List<String> seed, SeededRandom random) {
        List<String> args = new ArrayList<>(seed);
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations && !args.isEmpty(); m++) {
            int at = random.nextInt(args.size());
            switch (random.nextInt(5)) {
                case 0 -> args.remove(at);
                case 1 -> args.add(at, args.get(at));
                case 2 -> args.set(at, ODD_VALUES.get(random.nextInt(ODD_VALUES.size())));
                case 3 -> args.add(at, SEEDS.get(random.nextInt(SEEDS.size())).get(1 + random.nextInt(3)));
                default -> {
                    int other = random.nextInt(args.size());
                    String swapped = args.get(at);
                    args.set(at, args.get(other));
                    args.set(other, swapped);
                }
            }
        }
        return args;
    }

}
