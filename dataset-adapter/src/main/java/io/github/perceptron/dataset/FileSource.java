package io.github.perceptron.dataset;

import java.io.IOException;
import java.io.InputStream;

/** One place a dataset's files can come from. */
interface FileSource {

    /** A short name for messages, e.g. {@code "mirror https://…/mnist/"}. */
    String describe();

    /**
     * Opens {@code file}'s content, uncompressed, reporting the transfer to {@code progress}.
     *
     * @throws IOException when this source cannot supply the file, with the reason as message
     */
    InputStream open(String file, FetchProgress progress) throws IOException;
}
