package io.github.perceptron.serving;

import io.github.perceptron.core.model.Model;
import java.time.Instant;
import java.util.Map;

/** One loaded model, never changed: a request takes one and uses it throughout, so it never sees half of a reload. */
record ServedModel(Model model, Map<String, Object> description, long generation, Instant loaded) {
}
