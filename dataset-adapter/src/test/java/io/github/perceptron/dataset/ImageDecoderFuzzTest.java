package io.github.perceptron.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perceptron.core.data.DatasetException;
import io.github.perceptron.core.testing.Fuzzing;
import io.github.perceptron.core.testing.Mutator;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Mutations of the images that broke {@code serve} (see {@link HostileImages}), decoded as an
 * upload is: each is answered (an image, or a {@link DatasetException} naming the source) within
 * the decode deadline and a second, allocating at most {@link #allocationBound} — and the heap
 * holds no more afterwards than before.
 */
class ImageDecoderFuzzTest {

    /** What serve allows per decode on a small heap, and the ceiling the bound is checked against. */
    private static final long MAX_PIXELS = 1L << 20;
    private static final String SOURCE = "request body";

    /**
     * The documented bound of what one decode may allocate (docs/serve.md): 48 bytes per pixel
     * allowed (the decoder's raster, its RGB copy and our grey levels), plus 4 times the input,
     * plus 8 MB for the decoders' tables and buffers.
     */
    static long allocationBound(long maxPixels, int inputBytes) {
        return 48 * maxPixels + 4L * inputBytes + (8L << 20);
    }

    @Test
    void mutated_hostile_images_are_answered_in_time_and_in_bounded_memory() throws Exception {
        Map<String, byte[]> seeds = HostileImages.all();
        Mutator mutator = new Mutator(new ArrayList<>(seeds.values()), 25);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long deadlineNanos = ImageFiles.DECODE_DEADLINE.toNanos() + 1_000_000_000L;
        long heapBefore = usedHeapAfterGc();
        int refused = 0;
        long mostAllocated = 0;
        for (int i = 0; i < Fuzzing.INPUTS; i++) {
            byte[] input = i < seeds.size() ? new ArrayList<>(seeds.values()).get(i) : mutator.next();
            long allocatedBefore = threads.getThreadAllocatedBytes(thread);
            long start = System.nanoTime();
            Throwable unexpected = null;
            try {
                DigitImages.decode(input, SOURCE, MAX_PIXELS, 28, 28);
            } catch (DatasetException refusal) {
                if (refusal.getMessage() == null || !refusal.getMessage().startsWith(SOURCE + ": ")) {
                    unexpected = refusal;
                }
                refused++;
            } catch (RuntimeException | Error other) {
                unexpected = other;
            }
            long nanos = System.nanoTime() - start;
            long allocated = threads.getThreadAllocatedBytes(thread) - allocatedBefore;
            mostAllocated = Math.max(mostAllocated, allocated);
            if (unexpected != null || nanos > deadlineNanos || allocated > allocationBound(MAX_PIXELS, input.length)) {
                Path kept = Files.write(Path.of("target", "fuzz-image-" + i), input);
                throw new AssertionError("input " + i + " (kept in " + kept + ") " + (unexpected != null
                        ? "threw " + unexpected : "took " + nanos / 1_000_000 + " ms and allocated " + allocated + " bytes"),
                        unexpected);
            }
        }
        long heapGrowth = usedHeapAfterGc() - heapBefore;
        System.out.printf("fuzz images: %d of %d refused; at most %,d bytes allocated by one decode; heap %+,d bytes%n",
                refused, Fuzzing.INPUTS, mostAllocated, heapGrowth);
        assertThat(refused).as("inputs refused").isGreaterThan(Fuzzing.INPUTS / 4);
        assertThat(heapGrowth).as("heap held after all decodes").isLessThan(16L << 20);
    }

    @Test
    void every_seed_is_what_it_claims_to_be() {
        List<String> refusedSeeds = new ArrayList<>();
        HostileImages.all().forEach((name, bytes) -> {
            try {
                DigitImages.decode(bytes, SOURCE, MAX_PIXELS, 28, 28);
            } catch (DatasetException refused) {
                refusedSeeds.add(name);
            }
        });
        // Repeated scans make libjpeg warn, and a warning refuses the image.
        assertThat(refusedSeeds).containsExactlyInAnyOrder("bmp cut short", "jpeg cut short",
                "progressive jpeg of many scans", "jpeg warning on every block",
                "bmp declaring an embedded png of 2 GB", "bmp of 28x28 carrying a png", "png declaring 33554444x12", "tiff");
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
