package io.github.perceptron.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;

/**
 * The caller's stderr when the {@code perceptron} launcher hands it over as another descriptor
 * ({@code -Dperceptron.stderr.fd=N}): the launcher filters the JVM's own stderr (to drop the
 * incubator module's warning), and messages written straight to the caller's stderr cannot be
 * lost or reordered by that filter. Without the property, or where the JDK will not wrap a raw
 * descriptor, {@link System#err} as it is.
 */
final class LauncherStreams {

    static final String STDERR_FD_PROPERTY = "perceptron.stderr.fd";

    private LauncherStreams() {
    }

    static PrintStream stderr() {
        String property = System.getProperty(STDERR_FD_PROPERTY);
        if (property == null) {
            return System.err;
        }
        try {
            FileDescriptor descriptor = new FileDescriptor();
            Field fd = FileDescriptor.class.getDeclaredField("fd");
            fd.setAccessible(true);
            fd.setInt(descriptor, Integer.parseInt(property));
            return new PrintStream(new FileOutputStream(descriptor), true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Not opened to us (a JVM run without the launcher's --add-opens): the filtered stderr still works.
            return System.err;
        }
    }
}
