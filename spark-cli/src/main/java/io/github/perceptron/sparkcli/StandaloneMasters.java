package io.github.perceptron.sparkcli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/** A standalone master URL ({@code spark://host:port}, or several for high availability) checked by connecting. */
final class StandaloneMasters {

    private StandaloneMasters() {
    }

    /** Fails at once, in one line, when no master of {@code url} accepts a connection. */
    static void checkReachable(String url, int timeoutMillis) {
        List<String> failures = new ArrayList<>();
        for (String address : url.substring("spark://".length()).split(",")) {
            int colon = address.lastIndexOf(':');
            String host = colon < 0 ? address : address.substring(0, colon);
            int port;
            try {
                port = colon < 0 ? 7077 : Integer.parseInt(address.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--master " + url + ": '" + address + "' is not host:port");
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), timeoutMillis);
                return;
            } catch (IOException | IllegalArgumentException e) {
                failures.add(address + " (" + e.getMessage() + ")");
            }
        }
        throw SparkTrialPlaces.unreachable(url, "cannot connect to " + String.join(", ", failures));
    }
}
