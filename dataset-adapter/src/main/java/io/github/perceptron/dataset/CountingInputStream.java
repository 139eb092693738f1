package io.github.perceptron.dataset;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reports the bytes read through it, so progress follows the transfer rather than the decompression. */
final class CountingInputStream extends FilterInputStream {

    private final FetchProgress progress;
    private long count;

    CountingInputStream(InputStream in, FetchProgress progress) {
        super(in);
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            progress.advanced(++count);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count += n;
            progress.advanced(count);
        }
        return n;
    }
}
