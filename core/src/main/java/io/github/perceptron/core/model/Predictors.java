package io.github.perceptron.core.model;

import io.github.perceptron.core.engine.Network;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Networks that share one model's weights, each with its own buffers: a prediction borrows an idle
 * one, or makes one when every one is busy, and gives it back. One network waits in a slot of its
 * own, so a caller that predicts alone borrows and returns it with one atomic swap each, allocating
 * nothing. At most {@code maxIdle} more are kept idle: a burst of concurrent predictions (an
 * embedder's thousands of virtual threads) does not leave its buffers held for the model's life.
 */
final class Predictors {

    /** Enough idle networks for every core to predict at once, and as many again for the threads that wait on I/O. */
    static final int MAX_IDLE = 2 * Runtime.getRuntime().availableProcessors();

    private final Network original;
    private final int maxIdle;
    private final AtomicReference<Network> spare;
    private final Queue<Network> others = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idleOthers = new AtomicInteger();

    Predictors(Network network) {
        this(network, MAX_IDLE);
    }

    Predictors(Network network, int maxIdle) {
        this.original = network;
        this.maxIdle = maxIdle;
        this.spare = new AtomicReference<>(network);
    }

    <T> T apply(Function<Network, T> work) {
        Network network = borrow();
        try {
            return work.apply(network);
        } finally {
            giveBack(network);
        }
    }

    /** The networks waiting to be borrowed, the spare's slot included. */
    int idle() {
        return idleOthers.get() + (spare.get() == null ? 0 : 1);
    }

    private Network borrow() {
        Network network = spare.getAndSet(null);
        if (network == null) {
            network = others.poll();
            if (network != null) {
                idleOthers.decrementAndGet();
            }
        }
        return network != null ? network : original.sharingWeights();
    }

    private void giveBack(Network network) {
        if (spare.compareAndSet(null, network)) {
            return;
        }
        if (idleOthers.incrementAndGet() <= maxIdle) {
            others.offer(network);
        } else {
            idleOthers.decrementAndGet();  // beyond the idle limit: left to the garbage collector
        }
    }
}
