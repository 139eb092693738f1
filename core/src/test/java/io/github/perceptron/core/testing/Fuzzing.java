package io.github.perceptron.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs a reader over {@link Mutator} inputs written to a file. The reader may only throw its
 * {@code documented} exception, with a message naming the file; anything else, or an input taking
 * over 2 s, fails with the input's index and keeps the input under {@code target/} for a
 * regression test. Most inputs must be refused, or the fuzzing proves nothing. With an allocation
 * bound, an input whose reading allocates more (on the reading thread) fails the same way.
 */
public final class Fuzzing {

    /** Inputs per reader: 10,000, or {@code -Dfuzz.inputs} ({@code -Pfuzz} sets a million). */
    public static final int INPUTS = Integer.getInteger("fuzz.inputs", 10_000);
    private static final long SLOW_NANOS = 2_000_000_000L;

    /** Reads one file. */
    public interface Reader {
        void read(Path file) throws Exception;
    }

    private Fuzzing() {
    }

    public static void run(Path file, List<byte[]> seeds, Class<? extends Exception> documented, Reader reader)
            throws IOException {
        run(file, seeds, documented, Long.MAX_VALUE, reader);
    }

    /** As {@link #run(Path, List, Class, Reader)}, failing an input whose reading allocates over {@code maxAllocatedBytes}. */
    public static void run(Path file, List<byte[]> seeds, Class<? extends Exception> documented, long maxAllocatedBytes,
                           Reader reader) throws IOException {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        String name = file.getFileName().toString();
        Mutator mutator = new Mutator(seeds, name.hashCode());
        int refused = 0;
        for (int i = 0; i < INPUTS; i++) {
            byte[] input = mutator.next();
            Files.write(file, input);
            long allocatedBefore = threads.getThreadAllocatedBytes(thread);
            long start = System.nanoTime();
            Throwable unexpected = null;
            try {
                reader.read(file);
            } catch (Exception e) {
                if (documented.isInstance(e) && e.getMessage() != null && e.getMessage().contains(name)) {
                    refused++;
                } else {
                    unexpected = e;
                }
            } catch (Error e) {
                unexpected = e;
            }
            long nanos = System.nanoTime() - start;
            long allocated = threads.getThreadAllocatedBytes(thread) - allocatedBefore;
            if (unexpected != null || nanos > SLOW_NANOS || allocated > maxAllocatedBytes) {
                Path kept = Files.write(Path.of("target", "fuzz-" + name + "-" + i), input);
                throw new AssertionError("input " + i + " of " + name + " (kept in " + kept + ") "
                        + (unexpected != null ? "threw " + unexpected : "took " + nanos / 1_000_000 + " ms and allocated "
                        + allocated + " bytes"), unexpected);
            }
        }
        System.out.printf("fuzz %s: %d of %d inputs refused%n", name, refused, INPUTS);
        assertThat(refused).as("inputs of %s refused", name).isGreaterThan(INPUTS / 4);
    }
}
