package io.github.perceptron.cli.planted;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A planted violation (test sources only): JSON handled outside the persistence adapter and JsonLine. */
public class CliUsingJackson {
    public Class<?> json = ObjectMapper.class;
}
