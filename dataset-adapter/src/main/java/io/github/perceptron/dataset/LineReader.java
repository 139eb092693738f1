package io.github.perceptron.dataset;

import io.github.perceptron.core.data.DatasetException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;

/**
 * Lines of a text file, each at most {@code maxChars} long: {@link java.io.BufferedReader#readLine}
 * would gather a file without line breaks (a sparse file, {@code /dev/zero}) into one string
 * until memory runs out. Ends a line at {@code \n}, {@code \r\n} or {@code \r}.
 */
final class LineReader {

    private final Reader reader;
    private final Path file;
    private final int maxChars;
    private final StringBuilder line = new StringBuilder();
    private int lineNumber;
    private int pushedBack = -1;

    LineReader(Reader reader, Path file, int maxChars) {
        this.reader = reader;
        this.file = file;
        this.maxChars = maxChars;
    }

    /** The next line without its end, or null at the end of the file. */
    String next() throws IOException {
        line.setLength(0);
        lineNumber++;
        int c = read();
        if (c < 0) {
            return null;
        }
        while (c >= 0 && c != '\n' && c != '\r') {
            if (line.length() == maxChars) {
                throw new DatasetException(file + ":" + lineNumber + ": a line longer than " + maxChars
                        + " characters; no image needs one this long");
            }
            line.append((char) c);
            c = reader.read();
        }
        if (c == '\r') {
            int after = reader.read();
            if (after != '\n') {
                pushedBack = after;
            }
        }
        return line.toString();
    }

    private int read() throws IOException {
        if (pushedBack != -1) {
            int c = pushedBack;
            pushedBack = -1;
            return c;
        }
        return reader.read();
    }
}
