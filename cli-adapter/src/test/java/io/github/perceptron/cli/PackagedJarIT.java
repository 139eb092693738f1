package io.github.perceptron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.testing.TinyModels;
import io.github.perceptron.persistence.JsonModelStore;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as users run it, in a fresh JVM: every command must load (a dependency missing
 * from the jar shows up only here, never in the in-process tests).
 */
class PackagedJarIT {

    @TempDir
    Path dir;

    @Test
    void every_command_of_the_packaged_jar_loads_and_answers() throws Exception {
        for (String command : List.of("fetch", "train", "evaluate", "info", "predict", "bench", "compare", "tune", "serve", "export", "combine")) {
            ChildJvm.Result help = run(command, "--help");
            assertThat(help.code()).as(command + ": " + help.err()).isZero();
            assertThat(help.out()).contains("Usage: perceptron " + command);
        }
    }

    @Test
    void the_packaged_jar_holds_the_core_classes_just_built_not_a_previous_builds() throws Exception {
        // An incremental build once shaded the previous perceptron.jar again, keeping its old copies
        // of core's classes: the launcher said "building" and then ran yesterday's kernel.
        Path core = Path.of(Model.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        int compared = 0;
        try (JarFile jar = new JarFile(ChildJvm.JAR.toFile());
             FileSystem coreFiles = core.toString().endsWith(".jar") ? FileSystems.newFileSystem(core) : null) {
            Path root = coreFiles == null ? core : coreFiles.getPath("/");
            List<Path> classes;
            try (Stream<Path> walk = Files.walk(root)) {
                classes = walk.filter(p -> p.toString().endsWith(".class") && !p.toString().contains("META-INF")).toList();
            }
            for (Path file : classes) {
                String name = root.relativize(file).toString().replace('\\', '/');
                JarEntry entry = jar.getJarEntry(name);
                assertThat(entry).as("%s is in the jar", name).isNotNull();
                try (var in = jar.getInputStream(entry)) {
                    assertThat(Arrays.equals(in.readAllBytes(), Files.readAllBytes(file)))
                            .as("%s in the jar is the class core just compiled", name).isTrue();
                }
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(50);
    }

    @Test
    void the_packaged_jar_reads_a_model_and_fails_cleanly_on_a_bad_one() throws Exception {
        Path model = dir.resolve("tiny.json");
        new JsonModelStore().save(TinyModels.trained(), model);
        ChildJvm.Result info = run("info", "--model", model.toString());
        assertThat(info.code()).as(info.err()).isZero();
        assertThat(info.out()).contains("dense 12 relu");
        ChildJvm.Result missing = run("info", "--model", dir.resolve("absent.json").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err().strip()).isEqualTo("perceptron: " + dir.resolve("absent.json") + ": file not found");
    }

    /**
     * {@code java -jar}, as on Windows, without the incubator module: it trains on the portable
     * kernel and says so in one line; a vector kernel forced without the module is one line, exit 1.
     */
    @Test
    void the_jar_without_the_incubator_module_trains_on_the_portable_kernel_and_says_so_once() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path data = IdxFixtures.dataset(dir, "digits", 200, 50);
        ChildJvm.Result trained = ChildJvm.run(List.of(java, "-jar", ChildJvm.JAR.toString(), "train", "--data",
                data.toString(), "--layers", "784,8,10", "--epochs", "1", "-q", "-o", dir.resolve("m.json").toString()), dir);
        assertThat(trained.code()).as(trained.err()).isZero();
        assertThat(trained.err()).isEqualTo("perceptron: computing with the portable kernel: jdk.incubator.vector is "
                + "not in the boot layer: start the JVM with --add-modules jdk.incubator.vector to compute with the "
                + "Vector API; same results\n");

        ChildJvm.Result forced = ChildJvm.run(List.of(java, "-Dperceptron.kernel=vector", "-jar",
                ChildJvm.JAR.toString(), "--version"), dir);
        assertThat(forced.code()).isEqualTo(1);
        assertThat(forced.err()).isEqualTo("perceptron: the Vector API kernel was asked for (-Dperceptron.kernel=vector)"
                + " but jdk.incubator.vector is not in the boot layer: start the JVM with --add-modules "
                + "jdk.incubator.vector to compute with the Vector API\n");
    }

    private ChildJvm.Result run(String... args) throws IOException, InterruptedException {
        return ChildJvm.run(ChildJvm.command(List.of(), List.of(), ChildJvm.JAR, args), dir);
    }
}
