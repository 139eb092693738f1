package io.github.perceptron.cli.common;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where a command's independent runs go (compare's configurations and seeds): one after another
 * on this machine, or, in the Spark build, as tasks on the cluster {@code --master} names. The
 * results are the same wherever they ran, and come back in the order of the runs.
 */
public interface CompareRunners {

    /** One run, carrying everything it needs, so that it can run on another machine. */
    @FunctionalInterface
    interface Run<R extends Serializable> extends Serializable {
        /** Runs on {@code threads} threads, or as its own options say when 0; the result does not depend on it. */
        R run(int threads);
    }

    /** Refuses a {@code --master} these places cannot reach, before any data is read. */
    void check(String master);

    /**
     * Runs every run and returns the results in the runs' order; {@code done} hears each result in
     * that order too, as soon as it and those before it are back.
     */
    <R extends Serializable> List<R> runAll(String master, List<? extends Run<R>> runs, Consumer<R> done);

    /** This machine only, one run after another on the calling thread. */
    final class Local implements CompareRunners {
        @Override
        public void check(String master) {
            if (master != null) {
                throw new OptionException("--master needs the Spark build of perceptron: run ./perceptron-spark "
                        + "with the same options (see docs/scale-out.md)");
            }
        }

        @Override
        public <R extends Serializable> List<R> runAll(String master, List<? extends Run<R>> runs, Consumer<R> done) {
            check(master);
            List<R> results = new ArrayList<>();
            for (Run<R> run : runs) {
                R result = run.run(0);
                done.accept(result);
                results.add(result);
            }
            return results;
        }
    }
}
