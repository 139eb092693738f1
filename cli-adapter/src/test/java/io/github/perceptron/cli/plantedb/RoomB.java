package io.github.perceptron.cli.plantedb;

import io.github.perceptron.cli.planteda.RoomA;

/** A planted violation (test sources only): the other half of a cycle. */
public class RoomB {
    public RoomA back;
}
