package io.github.perceptron.core.model;

import io.github.perceptron.core.engine.Network;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Networks that share one model's weights, each with its own buffers: a prediction borrows an idle
 * one, or makes one when every one is busy, and gives it back. The pool grows to the most
 * predictions ever run at once and no further. One network waits in a slot of its own, so a caller
 * that predicts alone borrows and returns it with one atomic swap each, allocating nothing.
 */
final class Predictors {

    private final Network original;
    private final AtomicReference<Network> spare;
    private final Queue<Network> others = new ConcurrentLinkedQueue<>();

    Predictors(Network network) {
        this.original = network;
        this.spare = new AtomicReference<>(network);
    }

    <T> T apply(Function<Network, T> work) {
        Network network = borrow();
        try {
            return work.apply(network);
        } finally {
            if (!spare.compareAndSet(null, network)) {
                others.offer(network);
            }
        }
    }

    private Network borrow() {
        Network network = spare.getAndSet(null);
        if (network == null) {
            network = others.poll();
        }
        return network != null ? network : original.sharingWeights();
    }
}
