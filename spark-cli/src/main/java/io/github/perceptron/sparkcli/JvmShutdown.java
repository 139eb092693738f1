package io.github.perceptron.sparkcli;

/** Whether the JVM is shutting down (a signal, or an exit elsewhere), asked of the runtime itself. */
final class JvmShutdown {

    private JvmShutdown() {
    }

    /** @return true once shutdown has begun: the runtime then refuses new shutdown hooks */
    static boolean inProgress() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
