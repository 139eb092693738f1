package io.github.perceptron.core.model;

import io.github.perceptron.core.engine.Network;

/** A planted violation (test sources only): a public API type that hands out the internal engine. */
public class PlantedApiLeak {

    public Network network() {
        return null;
    }
}
