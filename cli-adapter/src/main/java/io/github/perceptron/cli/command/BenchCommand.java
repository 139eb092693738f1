package io.github.perceptron.cli.command;

import io.github.perceptron.cli.common.Median;
import io.github.perceptron.cli.common.OptionException;
import io.github.perceptron.cli.console.Console;
import io.github.perceptron.cli.console.JsonLine;
import io.github.perceptron.cli.host.HostFacts;
import io.github.perceptron.cli.train.TrainingOptions;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.engine.Evaluator;
import io.github.perceptron.core.engine.Network;
import io.github.perceptron.core.train.EpochReport;
import io.github.perceptron.core.train.KernelInfo;
import io.github.perceptron.core.train.Threads;
import io.github.perceptron.core.train.TrainingListener;
import io.github.perceptron.core.train.TrainingPlan;
import io.github.perceptron.core.trainer.Trainer;
import io.github.perceptron.dataset.SyntheticDigits;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * {@code perceptron bench}: training and inference throughput on synthetic data of MNIST's shape,
 * against the arithmetic each epoch needs. It takes every option {@code train} does; only its
 * defaults differ ({@link Defaults}): a small plain network, so that the figure is the kernel's.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, defaultValueProvider = BenchCommand.Defaults.class,
        description = {"Measure training and inference speed on synthetic MNIST-shaped data (60,000 images, "
                + "blank margins and 19%% non-zero pixels like MNIST), with any of train's options; the first "
                + "epochs warm the JIT up and are not counted (--epochs counts the measured ones)."})
public final class BenchCommand implements Callable<Integer> {

    private static final int TRAIN_IMAGES = 60_000;
    private static final int TEST_IMAGES = 10_000;

    private final Console console;

    @Mixin
    TrainingOptions training;

    // Three by default: the JIT keeps compiling through the second and third epochs, which run
    // about half again as slow as the ones after; one warm-up epoch let those into the median.
    @Option(names = "--warmup-epochs", paramLabel = "N", defaultValue = "3",
            description = "Epochs run first and not counted, while the JIT compiles (default: ${DEFAULT-VALUE}).")
    int warmupEpochs;

    @Option(names = "--json", description = "End with one JSON line holding the figures.")
    boolean json;

    /**
     * Bench's own defaults for train's options: [784,100,30,10], plain momentum at a constant rate,
     * no dropout, no augmentation, five measured epochs (train's own defaults are the best recipe,
     * 60 epochs of it).
     */
    static final class Defaults implements IDefaultValueProvider {
        private static final Map<String, String> VALUES = Map.of("--layers", "784,100,30,10", "--epochs", "5",
                "--optimizer", "momentum", "--lr", "0.01", "--schedule", "constant", "--dropout", "0",
                "--augment", "none");

        @Override
        public String defaultValue(ArgSpec argument) {
            return argument instanceof OptionSpec option ? VALUES.get(option.longestName()) : null;
        }
    }

    @Inject
    BenchCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        TrainingPlan measured = training.plan();
        List<Integer> sizes = measured.network().sizes();
        int inputs = sizes.get(0);
        int side = (int) Math.round(Math.sqrt(inputs));
        if (side * side != inputs) {
            throw new OptionException("bench needs a square input layer (784 = 28×28), was " + inputs);
        }
        if (warmupEpochs < 0) {
            throw new OptionException("--warmup-epochs must be 0 or more, was " + warmupEpochs);
        }
        int classes = sizes.get(sizes.size() - 1);
        TrainingPlan plan = new TrainingPlan(measured.network(), measured.optimizer(), measured.schedule(),
                measured.l2(), warmupEpochs + measured.epochs(), measured.batchSize(), measured.seed(),
                measured.shuffle(), measured.augmentation());
        LabelledImages train = SyntheticDigits.generate(TRAIN_IMAGES, side, classes, 1);
        List<Double> seconds = new ArrayList<>();
        TrainingListener timing = new TrainingListener() {
            @Override
            public void epochCompleted(EpochReport report) {
                if (report.epoch() > warmupEpochs) {
                    seconds.add(report.seconds());
                    if (!json) {
                        console.out().printf(Locale.ROOT, "epoch %d: %.3f s%n", report.epoch() - warmupEpochs,
                                report.seconds());
                    }
                }
            }
        };
        Threads threads = training.threads();
        Network network = new Trainer(plan, threads, timing).train(train, null).network();
        double inferenceMs = inferenceMillis(network, SyntheticDigits.generate(TEST_IMAGES, side, classes, 2));
        report(sizes, measured.batchSize(), seconds, inferenceMs, threads.count());
        return 0;
    }

    /**
     * The best of five passes over {@code test}, in milliseconds: classified as {@code evaluate}
     * and {@code train} classify a test set (forward only, pixels scaled on the way, in batches).
     */
    private static double inferenceMillis(Network network, LabelledImages test) {
        double best = Double.MAX_VALUE;
        for (int pass = 0; pass < 5; pass++) {
            long start = System.nanoTime();
            Evaluator.evaluate(network, test);
            best = Math.min(best, (System.nanoTime() - start) / 1e6);
        }
        return best;
    }

    private void report(List<Integer> layers, int batch, List<Double> seconds, double inferenceMs, int threadCount) {
        double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = Median.of(sorted);
        double gflops = flopsPerEpoch(layers, TRAIN_IMAGES) / median / 1e9;
        Map<String, Object> done = new LinkedHashMap<>();
        done.put("event", "done");
        done.put("layers", layers);
        done.put("batch", batch);
        done.put("epochs", seconds.size());
        done.put("warmup_epochs", warmupEpochs);
        done.put("seconds_per_epoch_median", median);
        done.put("seconds_per_epoch_min", sorted[0]);
        done.put("seconds_per_epoch_max", sorted[sorted.length - 1]);
        done.put("samples_per_second", TRAIN_IMAGES / median);
        done.put("gflops", gflops);
        done.put("gflop_per_epoch", flopsPerEpoch(layers, TRAIN_IMAGES) / 1e9);
        done.put("inference_ms_10000", inferenceMs);
        done.put("threads", threadCount);
        done.put("kernel", KernelInfo.name());
        done.put("kernel_description", KernelInfo.description());
        done.put("vector_bits", KernelInfo.vectorBits());
        done.put("cpu", HostFacts.cpu());
        done.put("cpu_flags", cpuFlags());
        done.put("processors", Runtime.getRuntime().availableProcessors());
        done.put("java", System.getProperty("java.version"));
        if (json) {
            console.out().println(JsonLine.of(done));
        } else {
            console.out().printf(Locale.ROOT, "%s batch %d, %d threads, %s kernel on %s%n", layers, batch, threadCount,
                    KernelInfo.description(), HostFacts.cpu());
            console.out().printf(Locale.ROOT, "training: %.3f s per epoch (median of %d; min %.3f, max %.3f), "
                            + "%,.0f samples/s, %.1f GFLOP/s of %.2f GFLOP per epoch%n", median, sorted.length, sorted[0],
                    sorted[sorted.length - 1], TRAIN_IMAGES / median, gflops, flopsPerEpoch(layers, TRAIN_IMAGES) / 1e9);
            console.out().printf(Locale.ROOT, "inference: 10,000 images in %.1f ms%n", inferenceMs);
        }
    }

    /**
     * The arithmetic one epoch needs: forward products, weight gradients, and input gradients for
     * every layer but the first, each {@code 2·samples·in·out} floating-point operations.
     */
    static double flopsPerEpoch(List<Integer> sizes, int samples) {
        double total = 0;
        for (int l = 1; l < sizes.size(); l++) {
            double product = 2.0 * samples * sizes.get(l - 1) * sizes.get(l);
            total += l == 1 ? 2 * product : 3 * product;
        }
        return total;
    }

    /**
     * The SIMD extensions that decide which kernel path runs, as /proc/cpuinfo names them: avx2 and
     * avx512f on x86, asimd (NEON) on ARM, reported as neon. Empty where /proc/cpuinfo is absent.
     */
    static List<String> cpuFlags() {
        try {
            List<String> flags = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("flags") || l.startsWith("Features"))
                    .findFirst().map(l -> List.of(l.substring(l.indexOf(':') + 1).strip().split("\\s+"))).orElse(List.of());
            List<String> kept = new ArrayList<>();
            for (String flag : List.of("avx2", "avx512f", "asimd")) {
                if (flags.contains(flag)) {
                    kept.add(flag.equals("asimd") ? "neon" : flag);
                }
            }
            return kept;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
