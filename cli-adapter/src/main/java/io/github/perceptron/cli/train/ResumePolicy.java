package io.github.perceptron.cli.train;

import io.github.perceptron.cli.common.OptionException;
import io.github.perceptron.cli.console.Console;
import io.github.perceptron.cli.console.ShellWords;
import io.github.perceptron.core.checkpoint.CheckpointStore;
import io.github.perceptron.core.checkpoint.TrainingCheckpoint;
import io.github.perceptron.core.train.TrainingPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine;

/**
 * What {@code --resume} allows, and what a stopped or failed run tells the user about resuming. A
 * resumed run follows its checkpoint's plan to the letter (that is what makes it bit-identical), so
 * an option that would change the plan is refused rather than ignored; only {@code --epochs}, to
 * extend the run, and {@code --threads}, which changes speed only, apply.
 */
final class ResumePolicy {

    private final CommandSpec command;
    private final Console console;

    ResumePolicy(CommandSpec command, Console console) {
        this.command = command;
        this.console = console;
    }

    /** Refuses, in one line, every option given that a resumed run would ignore. */
    void refuseIgnoredOptions() {
        CommandLine.ParseResult parsed = command.commandLine().getParseResult();
        List<String> ignored = new ArrayList<>();
        for (CommandLine.Model.OptionSpec option : command.mixins().get("training").options()) {
            if (parsed.hasMatchedOption(option) && !List.of("--threads", "--epochs").contains(option.longestName())) {
                ignored.add(option.longestName());
            }
        }
        for (String own : ValidationOptions.NAMES) {
            if (parsed.hasMatchedOption(own)) {
                ignored.add(own);
            }
        }
        if (!ignored.isEmpty()) {
            throw new OptionException(String.join(", ", ignored) + (ignored.size() == 1 ? " does" : " do")
                    + " not apply with --resume, which continues the checkpoint's own plan (only --epochs, to "
                    + "extend it, and --threads may change); to train another plan, start a new run without --resume");
        }
    }

    /**
     * The checkpoint's plan, extended when {@code --epochs} asks for more: said on one line, since a
     * schedule then spans the new count and the run is no longer the one that was stopped.
     */
    TrainingPlan plan(TrainingCheckpoint resumed, TrainingOptions training) {
        TrainingPlan plan = resumed.plan();
        if (!training.typed("--epochs")) {
            return plan;
        }
        int epochs = training.settings().epochs();
        int done = resumed.epoch();
        if (epochs <= done) {
            throw new OptionException("--epochs " + epochs + " with --resume must be more than the " + done
                    + " epochs the checkpoint has done");
        }
        if (epochs != plan.epochs()) {
            console.err().println("perceptron: --epochs " + epochs + " applied: the run continues to epoch " + epochs
                    + " instead of " + plan.epochs() + "; its schedule now spans " + epochs
                    + " epochs, so it differs from the run as first planned");
        }
        return plan.withEpochs(epochs);
    }

    /** The command that resumes a stopped run, on one line of stderr. */
    void printHint(int epochs, Path checkpoint, String dataArguments, Path out, Path checkpointOption) {
        console.err().println("perceptron: stopped after epoch " + epochs + "; checkpoint saved to " + checkpoint
                + "; resume with: perceptron train --resume " + ShellWords.quote(checkpoint) + dataArguments
                + (out != null ? " -o " + ShellWords.quote(out) : "")
                + (checkpointOption != null ? " --checkpoint " + ShellWords.quote(checkpointOption) : ""));
    }

    /** Where the last good state is, when regular checkpoints were saved before the loss exploded; empty otherwise. */
    static String lastCheckpointSince(CheckpointStore checkpoints, Path file, Instant started, int every) {
        try {
            if (every == 0 || !Files.exists(file) || Files.getLastModifiedTime(file).toInstant().isBefore(started)) {
                return "";
            }
            return "; the last checkpoint before it, from epoch " + checkpoints.load(file).epoch() + ", is " + file;
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
