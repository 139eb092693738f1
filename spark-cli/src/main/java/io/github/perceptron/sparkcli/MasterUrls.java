package io.github.perceptron.sparkcli;

import io.github.perceptron.cli.common.CommandFailure;
import io.github.perceptron.cli.common.OptionException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** {@code --master} URLs: the forms Spark takes, and a standalone master checked by connecting to it. */
final class MasterUrls {

    /** The master URLs Spark itself takes; anything else is a usage error before any data is read. */
    private static final Pattern MASTER = Pattern.compile(
            "local(\\[(\\*|\\d+)(,\\d+)?])?|local-cluster\\[\\d+,\\d+,\\d+]|(spark|mesos)://.+|yarn|k8s://.+");

    private MasterUrls() {
    }

    /**
     * The master to run on: {@code --master}, else the {@code spark.master} that spark-submit set
     * (its own {@code --master}); null for this machine alone.
     */
    static String effective(String master) {
        return master != null ? master : System.getProperty("spark.master");
    }

    /**
     * Refuses a URL Spark would not take (a usage error), and a standalone master that accepts no
     * connection (a failed run, at once: Spark itself retries one for a minute).
     */
    static void check(String given) {
        String master = effective(given);
        if (master == null) {
            return;
        }
        if (!MASTER.matcher(master).matches()) {
            throw new OptionException("--master must be local[*], local[N], spark://HOST:PORT, yarn or "
                    + "k8s://URL, was '" + master + "'");
        }
        if (master.startsWith("spark://")) {
            checkReachable(master, SparkContexts.connectTimeoutMillis());
        }
    }

    /** Fails at once, in one line, when no master of {@code url} accepts a connection. */
    private static void checkReachable(String url, int timeoutMillis) {
        List<String> failures = new ArrayList<>();
        for (String address : url.substring("spark://".length()).split(",")) {
            int colon = address.lastIndexOf(':');
            String host = colon < 0 ? address : address.substring(0, colon);
            int port;
            try {
                port = colon < 0 ? 7077 : Integer.parseInt(address.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new OptionException("--master " + url + ": '" + address + "' is not host:port");
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), timeoutMillis);
                return;
            } catch (IOException | IllegalArgumentException e) {
                failures.add(address + " (" + e.getMessage() + ")");
            }
        }
        throw unreachable(url, "cannot connect to " + String.join(", ", failures));
    }

    /** Thrown where the cluster cannot be used at all. */
    static CommandFailure unreachable(String master, String why) {
        return new CommandFailure("--master " + master + ": " + why);
    }
}
