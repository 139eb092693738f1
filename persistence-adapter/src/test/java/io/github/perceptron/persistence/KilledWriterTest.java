package io.github.perceptron.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perceptron.core.engine.Network;
import io.github.perceptron.core.layer.Activation;
import io.github.perceptron.core.loss.Loss;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.network.NetworkSpec;
import io.github.perceptron.core.random.SeededRandom;
import io.github.perceptron.core.testing.TinyModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM saves models over one file in a loop and is killed with SIGKILL at random moments:
 * every time, the file must still load as a complete model (the old one or the new one).
 */
class KilledWriterTest {

    /** At least this many kills, each checked; more (up to {@link #MAX_KILLS}) until one lands inside a save. */
    private static final int KILLS = 12;
    private static final int MAX_KILLS = 100;

    @TempDir
    Path dir;

    @Test
    void sigkill_at_any_moment_of_a_save_leaves_a_readable_model() throws Exception {
        Path file = dir.resolve("model.json");
        new JsonModelStore().save(TinyModels.trained(), file);
        // Whole models only: the file first saved here, or one of the two the child writes.
        java.util.Set<String> whole = new java.util.HashSet<>(List.of(TinyModels.trained().weightsDigest()));
        for (Model version : SaveForever.versions()) {
            whole.add(version.weightsDigest());
        }
        Random random = new Random(42);
        int killedMidWrite = 0;
        int kills = 0;
        for (; kills < KILLS || (killedMidWrite == 0 && kills < MAX_KILLS); kills++) {
            Process writer = new ProcessBuilder(List.of(javaBinary(), "-cp", System.getProperty("java.class.path"),
                    SaveForever.class.getName(), file.toString()))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("writer.log").toFile()).start();
            assertThat(awaitASave(file)).as("the child saved before it was killed").isTrue();
            long temporariesBefore = temporaries();
            Thread.sleep(random.nextInt(150));
            writer.destroyForcibly();
            assertThat(writer.waitFor(10, TimeUnit.SECONDS)).isTrue();
            // A temporary left behind proves the kill landed inside a save, between write and rename.
            killedMidWrite += temporaries() > temporariesBefore ? 1 : 0;
            Model loaded = new JsonModelStore().load(file);
            assertThat(whole).as("the old model or the new one, whole").contains(loaded.weightsDigest());
        }
        System.out.printf("kills inside a save: %d of %d%n", killedMidWrite, kills);
        assertThat(killedMidWrite).as("kills that landed in the middle of a save").isPositive();
    }

    /** Whether the file was replaced within 5 s: the child is saving. */
    private static boolean awaitASave(Path file) throws IOException, InterruptedException {
        Object before = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        for (int i = 0; i < 200; i++) {
            if (!Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey().equals(before)) {
                return true;
            }
            Thread.sleep(25);
        }
        return false;
    }

    private long temporaries() throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("\\.model\\.json\\.\\d+\\.tmp")).count();
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The child: saves a fresh model to the file named in args[0] until killed. */
    public static final class SaveForever {

        /**
         * The two models the child alternates, the same in the test's JVM (seeded): wide enough that
         * a save takes milliseconds (a third to a half of kills land inside one), made up front so
         * that nearly all the child's time is spent saving.
         */
        static Model[] versions() {
            Model trained = TinyModels.trained();
            NetworkSpec wide = NetworkSpec.of(List.of(64, 4096, 4), Activation.RELU, Loss.crossEntropy(), 0, null);
            Network network = Network.create(wide, new SeededRandom(1), 1);
            Model first = Model.restore(wide, network.parameters().stream().map(p -> p.values()).toList(), 8, 8,
                    trained.classNames(), trained.metadata());
            return new Model[] {first, TinyModels.changed(first, values -> values.get(0)[0] += 1f)};
        }

        public static void main(String[] args) {
            JsonModelStore store = new JsonModelStore();
            Model[] models = versions();
            Path file = Path.of(args[0]);
            for (int round = 0; ; round++) {
                store.save(models[round % 2], file);
            }
        }
    }
}
