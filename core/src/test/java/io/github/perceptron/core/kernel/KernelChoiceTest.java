package io.github.perceptron.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perceptron.core.random.SeededRandom;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel each kind of JVM chooses, and the bits it computes, in child JVMs: every SIMD width
 * HotSpot can be limited to (64, 128, 256 bits and the widest), no FMA instruction
 * ({@code -XX:UseAVX=0} on x86), and no incubator module. Products and pixel scaling give one
 * digest on all of them; {@link KernelChoice#describe()} names the kernel and why, and a fallback is
 * logged once.
 */
class KernelChoiceTest {

    @TempDir
    Path temporary;

    @Test
    void every_width_and_kernel_computes_the_same_bits_and_says_which_it_is() throws Exception {
        boolean x86 = System.getProperty("os.arch").matches("amd64|x86_64");
        List<List<String>> options = new ArrayList<>(List.of(
                List.of("--add-modules", "jdk.incubator.vector"),
                List.of("--add-modules", "jdk.incubator.vector", "-XX:MaxVectorSize=32"),
                List.of("--add-modules", "jdk.incubator.vector", "-XX:MaxVectorSize=16"),
                List.of("--add-modules", "jdk.incubator.vector", "-XX:MaxVectorSize=8"),
                List.of("--add-modules", "jdk.incubator.vector", "-Dperceptron.kernel=portable"),
                List.of()));
        if (x86) {
            options.add(List.of("--add-modules", "jdk.incubator.vector", "-XX:UseAVX=0"));
        }
        String expected = Describe.digest();
        for (List<String> option : options) {
            Result child = run(option);
            assertThat(child.exit).as("%s: %s", option, child.err).isZero();
            assertThat(child.out.get(1)).as("digest under %s", option).isEqualTo(expected);
            String description = child.out.get(0);
            if (option.isEmpty()) {
                assertThat(description).startsWith("portable (jdk.incubator.vector is not in the boot layer");
                assertThat(child.err).containsOnlyOnce("computing with the portable kernel: jdk.incubator.vector");
            } else if (option.contains("-XX:UseAVX=0")) {
                assertThat(description).startsWith("portable (the JVM has no fused multiply-add instruction on this CPU, UseFMA is off;")
                        .endsWith("FMA emulated in software)");
                assertThat(child.err).containsOnlyOnce("computing with the portable kernel");
            } else if (option.contains("-Dperceptron.kernel=portable")) {
                assertThat(description).startsWith("portable (chosen with -Dperceptron.kernel=portable");
                assertThat(child.err).doesNotContain("portable kernel");
            } else {
                assertThat(description).startsWith("vector (Vector API, ").endsWith("-bit, hardware FMA)");
                assertThat(child.err).doesNotContain("portable kernel");
            }
            if (option.contains("-XX:MaxVectorSize=16")) {
                assertThat(description).contains("128-bit");
            }
        }
    }

    @Test
    void a_forced_vector_kernel_without_the_module_is_one_clear_error() throws Exception {
        Result child = run(List.of("-Dperceptron.kernel=vector"));
        assertThat(child.exit).isEqualTo(3);
        assertThat(child.out).containsExactly("the Vector API kernel was asked for (-Dperceptron.kernel=vector) but "
                + "jdk.incubator.vector is not in the boot layer: start the JVM with --add-modules jdk.incubator.vector"
                + " to compute with the Vector API");
    }

    private record Result(int exit, List<String> out, String err) {
    }

    /**
     * Core as a named module ({@code requires static jdk.incubator.vector}), as an embedder on the
     * module path has it: the kernel loads with the incubator module and without it, with the
     * same bits.
     */
    @Test
    void on_the_module_path_the_kernel_loads_with_or_without_the_incubator_module() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(KernelChoice.class.getModule().isNamed(),
                "core's classes are on the class path in this run");
        String expected = Describe.digest();
        Path testClasses = Path.of(Describe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> modulePath = List.of("--module-path", System.getProperty("jdk.module.path"),
                "--patch-module", "io.github.perceptron.core=" + testClasses);
        String main = "io.github.perceptron.core/" + Describe.class.getName();
        Result with = runCommand(concat(modulePath, List.of("--add-modules", "jdk.incubator.vector", "-m", main)));
        Result without = runCommand(concat(modulePath, List.of("-m", main)));
        assertThat(with.exit).as(with.err).isZero();
        assertThat(with.out.get(0)).startsWith("vector (Vector API, ");
        assertThat(with.out.get(1)).isEqualTo(expected);
        assertThat(without.exit).as(without.err).isZero();
        assertThat(without.out.get(0)).startsWith("portable (jdk.incubator.vector is not in the boot layer");
        assertThat(without.out.get(1)).isEqualTo(expected);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private Result run(List<String> options) throws IOException, InterruptedException {
        // Surefire puts core's classes on the module path when core is a module: the child takes them on its class path.
        String modules = System.getProperty("jdk.module.path", "");
        String classPath = modules.isEmpty() ? System.getProperty("java.class.path")
                : modules + java.io.File.pathSeparator + System.getProperty("java.class.path");
        return runCommand(concat(options, List.of("-cp", classPath, Describe.class.getName())));
    }

    private Result runCommand(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        Path out = Files.createTempFile(temporary, "out", ".txt");
        Path err = Files.createTempFile(temporary, "err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the child JVM did not finish: " + command);
        }
        return new Result(process.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The child: prints the kernel's description, then a digest of products and pixel scaling. */
    public static final class Describe {

        public static void main(String[] args) throws Exception {
            try {
                KernelChoice.create(1);
            } catch (KernelUnavailableException e) {
                System.out.println(e.getMessage());
                System.exit(3);
            }
            System.out.println(KernelChoice.describe());
            System.out.println(digest());
        }

        /** Every product shape on awkward sizes and on three threads, and every byte value scaled. */
        static String digest() throws Exception {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            MatrixKernel kernel = KernelChoice.create(3);
            SeededRandom random = new SeededRandom(31);
            int[][] shapes = {{1, 5, 3}, {7, 13, 5}, {9, 37, 70}, {102, 300, 45}, {61, 784, 33}, {6, 64, 10}};
            for (int[] shape : shapes) {
                int m = shape[0];
                int k = shape[1];
                int n = shape[2];
                float[] a = values(m * k, random);
                float[] b = values(k * n, random);
                float[] bt = values(m * n, random);
                float[] c = new float[m * n];
                float[] ct = new float[k * n];
                float[] cb = new float[m * k];
                kernel.multiply(a, b, c, m, k, n);
                kernel.multiplyTransposedA(a, bt, ct, m, k, n);
                kernel.multiplyTransposedB(bt, b, cb, m, n, k);
                for (float[] result : new float[][] {c, ct, cb}) {
                    ByteBuffer bytes = ByteBuffer.allocate(4 * result.length);
                    bytes.asFloatBuffer().put(result);
                    sha.update(bytes.array());
                }
            }
            byte[] pixels = new byte[1000];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (byte) (i * 37);
            }
            float[] scaled = new float[pixels.length];
            KernelChoice.scalePixels(pixels, 3, scaled, 0, pixels.length - 3);
            ByteBuffer bytes = ByteBuffer.allocate(4 * scaled.length);
            bytes.asFloatBuffer().put(scaled);
            sha.update(bytes.array());
            return HexFormat.of().formatHex(sha.digest());
        }

        private static float[] values(int n, SeededRandom random) {
            float[] values = new float[n];
            for (int i = 0; i < n; i++) {
                values[i] = random.nextInt(3) == 0 ? 0f : (float) random.nextGaussian();
            }
            return values;
        }
    }
}
