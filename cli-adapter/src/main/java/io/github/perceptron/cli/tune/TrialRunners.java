package io.github.perceptron.cli.tune;

import io.github.perceptron.cli.common.OptionException;
import io.github.perceptron.core.tune.TrialRunner;

/**
 * Where {@code tune}'s trials run: on this machine (this command line), or on the cluster that
 * {@code --master} names (the Spark command line, {@code perceptron-spark}, binds its own).
 */
public interface TrialRunners {

    /**
     * The runner for one search, released when the search ends. {@code master} is {@code --master}
     * or null; {@code recipe} runs any one trial of the search wherever it lands.
     */
    Placement open(String master, int parallelTrials, TrialRecipe recipe);

    /** Refuses a {@code --master} these places cannot reach, before any data is read. */
    void check(String master);

    /** A runner held for one search. */
    interface Placement extends AutoCloseable {
        TrialRunner runner();

        @Override
        void close();

        /** {@code runner}, with {@code release} run when the search ends. */
        static Placement of(TrialRunner runner, Runnable release) {
            return new Placement() {
                @Override
                public TrialRunner runner() {
                    return runner;
                }

                @Override
                public void close() {
                    release.run();
                }
            };
        }
    }

    /** This machine only: {@code --parallel-trials} side by side. */
    final class Local implements TrialRunners {
        @Override
        public void check(String master) {
            if (master != null) {
                throw new OptionException("--master needs the Spark build of perceptron: run ./perceptron-spark tune "
                        + "with the same options (see docs/scale-out.md)");
            }
        }

        @Override
        public Placement open(String master, int parallelTrials, TrialRecipe recipe) {
            check(master);
            return Placement.of(TrialRunner.sideBySide(parallelTrials), () -> { });
        }
    }
}
