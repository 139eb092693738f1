package io.github.perceptron.core.digest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code LabelledImages.contentDigest()} computed piece by piece: the digest of images that come
 * in parts (part files, say) without holding them all, equal to the digest of their concatenation.
 * Feed every part's labels first, then every part's pixels, in the same order.
 */
public final class ContentDigest {

    private final MessageDigest digest;
    private final ByteBuffer label = ByteBuffer.allocate(4);

    /** The digest of {@code count} images of {@code width × height} pixels in {@code classNames}. */
    public ContentDigest(int count, int width, int height, List<String> classNames) {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        digest.update((count + " " + width + "x" + height + " " + classNames + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The next labels, in image order. */
    public ContentDigest labels(int[] labels, int from, int count) {
        for (int i = 0; i < count; i++) {
            digest.update(label.clear().putInt(labels[from + i]).array());
        }
        return this;
    }

    /** The next pixels, {@code width × height} bytes an image, in image order. */
    public ContentDigest pixels(byte[] pixels, int from, int length) {
        digest.update(pixels, from, length);
        return this;
    }

    /** {@code sha256:} and the hex digest. */
    public String finish() {
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }
}
