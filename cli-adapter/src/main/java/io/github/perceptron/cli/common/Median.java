package io.github.perceptron.cli.common;

import io.github.perceptron.core.train.EpochReport;
import java.util.Arrays;
import java.util.List;

/** The median the reports quote: the middle value, or the mean of the two middle ones. */
public final class Median {

    private Median() {
    }

    /** 0 for no values. */
    public static double of(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The median training seconds per epoch; 0 when no epoch ran (a resumed run that had finished). */
    public static double secondsPerEpoch(List<EpochReport> history) {
        return of(history.stream().mapToDouble(EpochReport::seconds).toArray());
    }
}
