package io.github.perceptron.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The experiment scripts run from a copy of {@code scripts/} in a temporary root, beside a stand-in
 * {@code perceptron} that records each call's arguments in {@link #calls()} and answers as the real
 * one's {@code --json} does: train writes its {@code -o} file and prints two members' events and the
 * committee's; evaluate prints a committee of 99.50% whose members are 99.40% and 99.30%, and whose
 * first one and two members are 99.40% and 99.50%. So no network is trained and nothing in the
 * repository is written.
 */
final class ScriptStandIn {

    /** The repository's scripts, read from cli-adapter's directory, where Maven runs the tests. */
    private static final Path SCRIPTS = Path.of("..", "scripts").toAbsolutePath().normalize();

    /** What a finished script printed, and its exit code. */
    record Result(int code, String out, String err) {
    }

    private final Path root;
    private final Path calls;

    ScriptStandIn(Path root) throws IOException {
        this.root = root;
        this.calls = root.resolve("calls.log");
        Files.createDirectories(root.resolve("scripts"));
        for (String script : List.of("committee-validation.sh", "validation_split.py", "committee-experiment.sh",
                "committee_report.py")) {
            Files.copy(SCRIPTS.resolve(script), root.resolve("scripts").resolve(script));
        }
        Path standIn = root.resolve("perceptron");
        Files.writeString(standIn, String.join("\n",
                "#!/usr/bin/env bash",
                "echo \"$*\" >> '" + calls + "'",
                "case \"$1\" in",
                "  train) while [ $# -gt 0 ]; do [ \"$1\" = -o ] && touch \"$2\"; shift; done",
                "         echo '{\"event\":\"member\",\"member\":1}'; echo '{\"event\":\"member\",\"member\":2}'",
                "         echo '{\"event\":\"done\",\"members\":2}' ;;",
                "  evaluate) echo '{\"accuracy\":0.995,\"members\":[{\"accuracy\":0.994},{\"accuracy\":0.993}],'"
                        + "'\"first_members\":[{\"accuracy\":0.994},{\"accuracy\":0.995}]}' ;;",
                "esac", ""));
        Files.setPosixFilePermissions(standIn, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    Path root() {
        return root;
    }

    /** One line per call of the stand-in, its arguments joined by spaces; absent while none was made. */
    Path calls() {
        return calls;
    }

    /** The copy of {@code scripts/script} run by bash with {@code args}. */
    Result script(String script, List<String> args, Map<String, String> environment)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("scripts").resolve(script).toString()));
        command.addAll(args);
        return exec(command, environment);
    }

    /** {@code command} run to its end, at most 60 s, in the environment given on top of this one's. */
    Result exec(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        return exec(command, environment, Duration.ofSeconds(60));
    }

    /**
     * {@code command} run to its end, at most {@code limit}; past it, the command and every process it
     * started are killed (a script's python or perceptron would otherwise outlive its bash).
     */
    Result exec(List<String> command, Map<String, String> environment, Duration limit)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(root, "out", ".txt");
        Path err = Files.createTempFile(root, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("still running after " + limit.toSeconds() + " s: " + command);
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** The word after {@code option} in a recorded call. */
    static String valueOf(String call, String option) {
        List<String> words = List.of(call.split(" "));
        return words.get(words.indexOf(option) + 1);
    }
}
