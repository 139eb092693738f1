package io.github.perceptron.cli.planted;

import io.github.perceptron.core.kernel.KernelChoice;

/** A planted violation (test sources only): an adapter reaching into core's internal kernel. */
public class CliUsingTheKernel {
    public Class<?> internal = KernelChoice.class;
}
