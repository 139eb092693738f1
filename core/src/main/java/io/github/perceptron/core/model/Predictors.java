package io.github.perceptron.core.model;

import io.github.perceptron.core.engine.Network;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Function;

/**
 * Networks that share one model's weights, each with its own buffers: a prediction borrows an idle
 * one, or makes one when every one is busy, and gives it back. The pool grows to the most
 * predictions ever run at once and no further; the last one returned is the next one lent, so a
 * single caller always finds its buffers warm.
 */
final class Predictors {

    private final Network original;
    private final Deque<Network> idle = new ConcurrentLinkedDeque<>();

    Predictors(Network network) {
        this.original = network;
        idle.push(network);
    }

    <T> T apply(Function<Network, T> work) {
        Network network = idle.pollFirst();
        if (network == null) {
            network = original.sharingWeights();
        }
        try {
            return work.apply(network);
        } finally {
            idle.offerFirst(network);
        }
    }
}
