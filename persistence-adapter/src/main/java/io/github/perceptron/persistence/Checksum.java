package io.github.perceptron.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A document's {@code checksum} field: {@code "sha256:<hex>"} of the document's bytes from its
 * first byte up to the end of the value before the checksum field, which is always the last field.
 * It proves the file is byte for byte what perceptron wrote, so any edit, even of one weight, shows.
 */
final class Checksum {

    static final String FIELD = "checksum";
    static final String PREFIX = "sha256:";

    private Checksum() {
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    static String format(MessageDigest digest) {
        return PREFIX + HexFormat.of().formatHex(digest.digest());
    }

    /** The bare hex SHA-256 of {@code text}'s UTF-8 bytes (64 characters): a journal line's seal. */
    static String sha256Hex(String text) {
        return HexFormat.of().formatHex(newDigest().digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** The checksum of {@code file}'s first {@code length} bytes. */
    static String ofPrefix(Path file, long length) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            long left = length;
            while (left > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    break;
                }
                digest.update(buffer, 0, read);
                left -= read;
            }
        }
        return format(digest);
    }
}
