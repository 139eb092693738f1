package io.github.perceptron.cli.planteda;

import io.github.perceptron.cli.plantedb.RoomB;

/** A planted violation (test sources only): two CLI rooms that depend on each other. */
public class RoomA {
    public RoomB next;
}
