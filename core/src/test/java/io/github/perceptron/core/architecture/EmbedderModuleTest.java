package io.github.perceptron.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Core as an embedder's module sees it: {@code requires io.github.perceptron.core} on the module
 * path, compiled by javac. A program using the API as the README's example does (which
 * {@code examples/embedding} builds on the class path, with the adapters) compiles there; core's
 * internals (the kernel) and its SPI (the trainer, the network engine, data-parallel training,
 * exported to the command lines and Spark only) do not. javac runs as a child process: core's tests run inside core's
 * module, which does not read {@code java.compiler}.
 */
class EmbedderModuleTest {

    private static final Path CORE = Path.of("target", "classes");
    private static final String IMPORTS = """
            import io.github.perceptron.core.data.DatasetSource;
            import io.github.perceptron.core.data.ValidationSplit;
            import io.github.perceptron.core.layer.Activation;
            import io.github.perceptron.core.model.Model;
            import io.github.perceptron.core.model.Prediction;
            import io.github.perceptron.core.optim.LearningRateSchedule;
            import io.github.perceptron.core.optim.OptimizerSpec;
            import io.github.perceptron.core.train.EarlyStopping;
            import io.github.perceptron.core.train.TrainedModel;
            import io.github.perceptron.core.train.TrainingListener;
            import io.github.perceptron.core.train.TrainingPlan;
            import io.github.perceptron.core.usecase.TrainModel;
            """;

    @TempDir
    Path dir;

    /** The calls of the README's example that reach core: plan, training with a listener, warm-up, prediction. */
    private static final String EXAMPLE = """
                    TrainingPlan plan = TrainingPlan.builder()
                            .layers(784, 256, 10).activation(Activation.RELU)
                            .optimizer(new OptimizerSpec.Nesterov(0.05, 0.9))
                            .schedule(new LearningRateSchedule.Cosine(0))
                            .epochs(15).batchSize(100).seed(1)
                            .earlyStopping(EarlyStopping.onAccuracy(5))
                            .build();
                    TrainedModel trained = new TrainModel(mnist)
                            .reportingTo(TrainingListener.onEpoch(report -> System.out.println(report.epoch())))
                            .onThreads(2)
                            .train(plan, ValidationSplit.stratifiedFraction(0.1, 1));
                    Model model = trained.model().warmUp();
                    Prediction prediction = model.predict(pixels);
            """;

    @Test
    void a_program_using_the_api_compiles_in_a_module_that_requires_core() throws IOException {
        String source = "package embedder;\n\n" + IMPORTS + """

                public final class Example {
                    public static Prediction run(DatasetSource mnist, float[] pixels) {
                """ + EXAMPLE + """
                        return prediction;
                    }
                }
                """;
        Compilation compiled = compile(source);
        assertThat(compiled.succeeded()).as(compiled.diagnostics()).isTrue();
    }

    @Test
    void an_embedder_module_cannot_reach_cores_internals_or_its_spi() throws IOException {
        for (String internal : List.of("io.github.perceptron.core.kernel.KernelChoice", "io.github.perceptron.core.trainer.Trainer",
                "io.github.perceptron.core.parallel.ShardRunner", "io.github.perceptron.core.checkpoint.TrainerState",
                "io.github.perceptron.core.run.TrainingRuns")) {
            String source = "package embedder;\n\npublic final class Example {\n    public static Object reach() {\n"
                    + "        return " + internal + ".class;\n    }\n}\n";
            Compilation compiled = compile(source);
            String pkg = internal.substring(0, internal.lastIndexOf('.'));
            assertThat(compiled.succeeded()).as(internal).isFalse();
            assertThat(compiled.diagnostics()).contains("package " + pkg + " is not visible");
        }
    }

    private Compilation compile(String example) throws IOException {
        Path sources = Files.createDirectories(dir.resolve("src/embedder"));
        Files.writeString(dir.resolve("src/module-info.java"), "module embedder {\n    requires io.github.perceptron.core;\n}\n");
        Files.writeString(sources.resolve("Example.java"), example);
        Path out = Files.createDirectories(dir.resolve("out"));
        Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
        Process process = new ProcessBuilder(javac.toString(), "--module-path", CORE.toAbsolutePath().toString(),
                "-d", out.toString(), "-proc:none", dir.resolve("src/module-info.java").toString(),
                sources.resolve("Example.java").toString()).redirectErrorStream(true).start();
        String diagnostics = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("javac did not finish in 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        boolean ok = process.exitValue() == 0;
        return new Compilation(ok, diagnostics);
    }

    private record Compilation(boolean succeeded, String diagnostics) {
    }
}
