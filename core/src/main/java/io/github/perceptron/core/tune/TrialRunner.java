package io.github.perceptron.core.tune;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where a search's trials run: one after another, side by side on this machine's cores, or (an
 * adapter's) on a cluster. Only speed depends on it: each trial's result is the same wherever it
 * runs, and results come back in trial order, never in the order they finished.
 */
public interface TrialRunner {

    /**
     * One trial to run. A runner calls {@code begin} first, on the search's side: false means the
     * search's budget is spent and the trial is skipped. {@code work} then runs it here; a runner
     * that ships trials elsewhere rebuilds the work from the number and the field values instead.
     */
    record Trial(int number, Map<String, String> params, BooleanSupplier begin, Supplier<TrialResult> work) {
    }

    /**
     * Runs every trial and returns the results in trial order. {@code finished} hears of each result
     * as it arrives, in any order and from any thread. A trial whose {@code begin} said false was
     * skipped (the search's budget ran out): its result is null.
     */
    List<TrialResult> run(List<Trial> trials, Consumer<TrialResult> finished);

    /** How many trials run at once: the search gives each a share of the machine's threads. */
    int parallelism();

    /** Runs one trial here and reports it, unless the budget skips it (null). */
    private static TrialResult runOne(Trial trial, Consumer<TrialResult> finished) {
        if (!trial.begin().getAsBoolean()) {
            return null;
        }
        TrialResult result = trial.work().get();
        finished.accept(result);
        return result;
    }

    /** Trials one after another on the calling thread. */
    static TrialRunner sequential() {
        return sideBySide(1);
    }

    /** Up to {@code trials} trials at once on this machine, each on its own thread. */
    static TrialRunner sideBySide(int trials) {
        if (trials < 1) {
            throw new IllegalArgumentException("trials at once must be >= 1, was " + trials);
        }
        return new TrialRunner() {
            @Override
            public List<TrialResult> run(List<Trial> all, Consumer<TrialResult> finished) {
                if (trials == 1) {
                    List<TrialResult> results = new ArrayList<>();
                    for (Trial trial : all) {
                        results.add(runOne(trial, finished));
                    }
                    return results;
                }
                ExecutorService pool = Executors.newFixedThreadPool(trials, runnable -> {
                    Thread thread = new Thread(runnable, "perceptron-trial");
                    thread.setDaemon(true);
                    return thread;
                });
                try {
                    List<Future<TrialResult>> futures = new ArrayList<>();
                    for (Trial trial : all) {
                        futures.add(pool.submit(() -> runOne(trial, finished)));
                    }
                    List<TrialResult> results = new ArrayList<>();
                    for (Future<TrialResult> future : futures) {
                        results.add(future.get());
                    }
                    return results;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("the search was interrupted", e);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException cause) {
                        throw cause;
                    }
                    throw new IllegalStateException(e.getCause());
                } finally {
                    pool.shutdownNow();
                }
            }

            @Override
            public int parallelism() {
                return trials;
            }
        };
    }
}
