package io.github.perceptron.cli.data;

import io.github.perceptron.cli.common.OptionException;
import io.github.perceptron.cli.console.Console;
import io.github.perceptron.cli.console.ConsoleFetchProgress;
import io.github.perceptron.cli.console.ShellWords;
import io.github.perceptron.cli.files.OutputChecks;
import io.github.perceptron.cli.host.Environment;
import io.github.perceptron.core.data.DatasetSource;
import io.github.perceptron.dataset.DataFormat;
import io.github.perceptron.dataset.DataLocation;
import io.github.perceptron.dataset.DataSources;
import io.github.perceptron.dataset.DatasetFetcher;
import io.github.perceptron.dataset.FetchProgress;
import io.github.perceptron.dataset.KnownDataset;
import jakarta.inject.Inject;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * Which data a command reads: a known dataset (fetched when missing) or a directory of IDX files.
 * Picocli creates it through Guice, which gives it the data sources, the environment and the console.
 */
public final class DatasetOptions {

    private final DataSources sources;
    private final Environment environment;
    private final Console console;

    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "mnist",
            description = "mnist or fashion-mnist, fetched when missing (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--data", paramLabel = "DIR", converter = DataPaths.class,
            description = "Read your own data from DIR (a path, or a file:// URI) instead of a known dataset, in --format. "
                    + "With --format idx, the training images may be a directory DIR/train of part files NAME-images-idx3-ubyte "
                    + "and NAME-labels-idx1-ubyte.")
    public Path data;

    /** {@code --data} as a path, or as a {@code file:} URI (the form Spark and Hadoop users write). */
    static final class DataPaths implements CommandLine.ITypeConverter<Path> {
        /** {@code hdfs://}, {@code s3a://} and the like, which a plain path would take as relative directories. */
        private static final java.util.regex.Pattern OTHER_FILE_SYSTEM = java.util.regex.Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://");

        @Override
        public Path convert(String value) {
            java.util.regex.Matcher scheme = OTHER_FILE_SYSTEM.matcher(value);
            if (scheme.lookingAt() && !scheme.group(1).equalsIgnoreCase("file")) {
                throw new CommandLine.TypeConversionException("'" + value + "': " + scheme.group(1) + ": file systems "
                        + "are not read yet; mount it (every executor must see the mount) and give the path, or a file: URI");
            }
            if (!value.startsWith("file:")) {
                return Path.of(value);
            }
            try {
                return Path.of(java.net.URI.create(value));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a file: URI of an absolute path ("
                        + e.getMessage() + ")");
            }
        }
    }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "idx",
            description = {"Format of --data: idx (MNIST-layout IDX files, raw or .gz), csv (train.csv and test.csv, "
                    + "label,pixel0,...), or images (train/<class>/* and test/<class>/*, any size) (default: ${DEFAULT-VALUE})."})
    String format;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Cache directory for known datasets (default: $PERCEPTRON_DATA or ~/.cache/perceptron).")
    Path dataDir;

    @Inject
    public DatasetOptions(DataSources sources, Environment environment, Console console) {
        this.sources = sources;
        this.environment = environment;
        this.console = console;
    }

    /** Options parsed only to be read back (the resume hint's arguments); {@link #open} needs the injected kind. */
    public DatasetOptions() {
        this(null, null, null);
    }

    public KnownDataset known() {
        return KnownDataset.fromId(dataset);
    }

    /** The directory a known dataset lives in. */
    public Path directory() {
        return dataDir != null ? dataDir.resolve(known().id()) : DatasetFetcher.defaultDirectory(known(), environment.variables());
    }

    /**
     * The options that name this data again, for a command the user is told to run later (a
     * checkpoint records the plan, not where the data came from): empty for the default MNIST.
     */
    public String asArguments() {
        StringBuilder arguments = new StringBuilder();
        if (data != null) {
            arguments.append(" --data ").append(ShellWords.quote(data));
            if (!format.equalsIgnoreCase("idx")) {
                arguments.append(" --format ").append(ShellWords.quote(format));
            }
        } else if (!known().id().equals("mnist")) {
            arguments.append(" --dataset ").append(known().id());
        }
        if (data == null && dataDir != null) {
            arguments.append(" --data-dir ").append(ShellWords.quote(dataDir));
        }
        return arguments.toString();
    }

    /**
     * The data's name for a report others read: the known dataset's id, or the last part of
     * {@code --data} with its format; never a path into the home directory of whoever ran it.
     */
    public String name() {
        if (data == null) {
            return known().id();
        }
        Path last = data.toAbsolutePath().normalize().getFileName();
        return (last == null ? "/" : last.toString()) + " (" + format.toLowerCase(java.util.Locale.ROOT) + ")";
    }

    /** The files and folders this data is read from, so that no output lands on them. */
    public OutputChecks.Inputs inputs() {
        Path directory = data != null ? data : directory();
        DataFormat chosen;
        try {
            chosen = data != null ? DataFormat.fromId(format) : DataFormat.IDX;
        } catch (IllegalArgumentException e) {
            throw new OptionException(e.getMessage(), e);
        }
        return new OutputChecks.Inputs(chosen.files(directory), chosen.folders(directory));
    }

    /** The source to read, fetching a known dataset first when any of its files is missing. */
    public DatasetSource open(boolean quiet) {
        if (data != null) {
            return location().open();
        }
        KnownDataset known = known();
        Path directory = directory();
        if (!quiet && !sources.present(known, directory)) {
            console.err().println(known.id() + " is not in " + directory + "; fetching it");
        }
        return sources.fetchedIfMissing(known, directory, quiet ? FetchProgress.NONE : new ConsoleFetchProgress(console));
    }

    /** Where the data is read from once it is on disk (after {@link #open}, for a known dataset). */
    public DataLocation location() {
        try {
            return data != null ? sources.files(format, data) : sources.known(known(), directory());
        } catch (IllegalArgumentException e) {
            throw new OptionException(e.getMessage(), e);
        }
    }
}
