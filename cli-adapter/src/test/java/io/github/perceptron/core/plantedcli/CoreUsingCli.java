package io.github.perceptron.core.plantedcli;

import io.github.perceptron.cli.Main;

/** A planted violation (test sources only): core reaching into the CLI adapter. */
public class CoreUsingCli {
    public Class<?> adapter = Main.class;
}
