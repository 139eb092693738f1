package io.github.perceptron.cli.common;

import io.github.perceptron.core.model.Model;
import java.io.Serializable;

/**
 * How a model trained elsewhere (a committee's member on a Spark executor) travels back: as the
 * bytes of its model file, written there and saved here. Serializable, so that work shipped
 * elsewhere carries its writer; the composition root chooses the format (the persistence adapter's JSON).
 */
public interface ModelCodec extends Serializable {

    /** The bytes of {@code model}'s file, as the model store would save it. */
    byte[] write(Model model);

    /** The model {@link #write} wrote into {@code document}, read as the model store reads a file. */
    Model read(byte[] document);
}
