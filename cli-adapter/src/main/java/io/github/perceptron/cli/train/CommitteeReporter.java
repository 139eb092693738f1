package io.github.perceptron.cli.train;

import io.github.perceptron.cli.console.JsonLine;
import io.github.perceptron.core.eval.Evaluation;
import io.github.perceptron.core.model.Model;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A committee run's progress: a line when it starts, one per member done with the time left, and the outcome. */
final class CommitteeReporter {

    private final PrintWriter out;
    private final boolean json;
    private final boolean quiet;
    private final String heldOut;
    /** Between progress lines of a long committee: members report only when they end. */
    private static final long PROGRESS_NANOS = 60_000_000_000L;

    private long started;
    private int toTrain;
    private int trained;
    private int epochsToTrain;
    private int epochsDone;
    private long lastProgress;

    CommitteeReporter(PrintWriter out, boolean json, boolean quiet, String heldOut) {
        this.out = out;
        this.json = json;
        this.quiet = quiet;
        this.heldOut = heldOut;
    }

    void started(int members, int alreadyDone, int epochs, String dataset) {
        started = System.nanoTime();
        lastProgress = started;
        toTrain = members - alreadyDone;
        epochsToTrain = epochs;
        if (json || quiet) {
            return;
        }
        out.printf(Locale.ROOT, "training a committee of %d members on %s%s%n", members, dataset,
                alreadyDone == 0 ? "" : String.format(Locale.ROOT, ": %d finished by an earlier run are kept", alreadyDone));
        out.flush();
    }

    /**
     * An epoch of some member ended (members' threads call it): at most once a minute, a line with
     * the epochs done of all the members' and the time left at the pace so far (early stopping can
     * only shorten it).
     */
    synchronized void epochDone() {
        epochsDone++;
        long now = System.nanoTime();
        if (json || quiet || now - lastProgress < PROGRESS_NANOS || epochsDone >= epochsToTrain) {
            return;
        }
        lastProgress = now;
        out.printf(Locale.ROOT, "progress: %d of %d members done, %d of %d epochs, about %s left%n", trained, toTrain,
                epochsDone, epochsToTrain, duration(secondsLeft()));
        out.flush();
    }

    /** At the pace of the epochs so far, whichever members ran them side by side (members end together). */
    private double secondsLeft() {
        double elapsed = (System.nanoTime() - started) / 1e9;
        return epochsDone == 0 ? 0 : elapsed / epochsDone * Math.max(0, epochsToTrain - epochsDone);
    }

    synchronized void memberFinished(int k, int members, Model member, int keptEpoch, Double heldOutAccuracy) {
        trained++;
        double left = trained == toTrain ? 0 : secondsLeft();
        if (json) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("event", "member");
            event.put("member", k + 1);
            event.put("members", members);
            event.put("seed", member.metadata().seed());
            event.put("layers", member.spec().sizes());
            event.put("kept_epoch", keptEpoch);
            event.put(heldOut + "_accuracy", heldOutAccuracy);
            event.put("seconds_left", Math.round(left));
            event.put("weights", member.weightsDigest());
            out.println(JsonLine.of(event));
        } else if (!quiet) {
            out.printf(Locale.ROOT, "member %d/%d done: seed %d, %s, epoch %d kept%s (%d of %d this run, about %s left)%n",
                    k + 1, members, member.metadata().seed(), member.spec().sizes(), keptEpoch,
                    heldOutAccuracy == null ? "" : String.format(Locale.ROOT, ", %s accuracy %.2f%%", heldOut,
                            100 * heldOutAccuracy), trained, toTrain, duration(left));
        }
        out.flush();
    }

    void finished(Model committee, Evaluation test, Path savedTo) {
        if (json) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("event", "done");
            event.put("members", committee.members().size());
            event.put("test_accuracy", test.accuracy());
            event.put("test_loss", test.loss());
            event.put("weights", committee.weightsDigest());
            event.put("model", savedTo.toString());
            out.println(JsonLine.of(event));
        } else {
            out.printf(Locale.ROOT, "committee of %d: test accuracy %.2f%% (%d/%d), test loss %.4f%n",
                    committee.members().size(), 100 * test.accuracy(), Math.round(test.accuracy() * test.count()),
                    test.count(), test.loss());
            out.println("model saved to " + savedTo);
        }
        out.flush();
    }

    private static String duration(double seconds) {
        return seconds < 90 ? Math.round(seconds) + " s" : Math.round(seconds / 60) + " min";
    }
}
