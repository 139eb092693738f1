package io.github.perceptron.cli.planted;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A planted violation (test sources only): JSON handled outside the persistence adapter. */
public class CliUsingJackson {
    public Class<?> json = ObjectMapper.class;
}
