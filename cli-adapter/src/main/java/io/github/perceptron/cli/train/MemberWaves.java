package io.github.perceptron.cli.train;

import java.util.ArrayList;
import java.util.List;

/**
 * How many members each wave of a committee trains at once, on {@code threads} threads. Fewer
 * members than threads share them in one wave. Otherwise each wave has as many members as threads,
 * one thread each, and the first also takes the members left over, which then take turns on its
 * threads ({@link CoreTurns}): five members on two cores are three, then two, so that no core idles
 * and a stopped run has kept the first wave's members.
 */
final class MemberWaves {

    private MemberWaves() {
    }

    /** The members in each wave, in order; together they are {@code members}. */
    static List<Integer> sizes(int members, int threads) {
        if (members < 1 || threads < 1) {
            throw new IllegalArgumentException("members and threads must be >= 1, were " + members + " and " + threads);
        }
        List<Integer> sizes = new ArrayList<>();
        if (members <= threads) {
            sizes.add(members);
            return sizes;
        }
        sizes.add(threads + members % threads);
        for (int left = members - sizes.get(0); left > 0; left -= threads) {
            sizes.add(threads);
        }
        return sizes;
    }

    /** The threads each member of a wave of {@code size} computes on: a share of them, or one while taking turns. */
    static int threadsEach(int size, int threads) {
        return Math.max(1, threads / size);
    }
}
