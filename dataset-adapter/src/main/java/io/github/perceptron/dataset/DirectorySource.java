package io.github.perceptron.dataset;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** A local directory holding {@code <file>.gz} (as Debian's dataset packages install them) or {@code <file>}. */
final class DirectorySource implements FileSource {

    private final Path directory;
    private final String name;

    DirectorySource(Path directory, String name) {
        this.directory = directory;
        this.name = name;
    }

    @Override
    public String describe() {
        return name + " (" + directory + ")";
    }

    @Override
    public InputStream open(String file, FetchProgress progress) throws IOException {
        Path gz = directory.resolve(file + ".gz");
        if (Files.isRegularFile(gz)) {
            progress.started(file, describe(), Files.size(gz));
            InputStream counted = new CountingInputStream(Files.newInputStream(gz), progress);
            return new GzipCompressorInputStream(new BufferedInputStream(counted), true);
        }
        Path raw = directory.resolve(file);
        if (Files.isRegularFile(raw)) {
            progress.started(file, describe(), Files.size(raw));
            return new CountingInputStream(Files.newInputStream(raw), progress);
        }
        throw new IOException(gz + " not found" + (name.startsWith("Debian") ? " (apt-get install dataset-fashion-mnist)" : ""));
    }
}
