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

    private static final Pattern LOCAL_ZERO = Pattern.compile("local\\[0+(,\\d+)?]");

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
            throw new OptionException("--master must be local[*], local[N] or spark://HOST:PORT (yarn and k8s://URL "
                    + "through your cluster's spark-submit), was '" + master + "'");
        }
        if (given != null) {
            refuseWhatThisBuildCannotRun(given);
        }
        if (master.startsWith("spark://")) {
            checkReachable(master, SparkContexts.connectTimeoutMillis());
        }
    }

    /**
     * Refuses, as a usage error, the masters Spark knows but this jar cannot start itself: YARN and
     * Kubernetes need Spark's cluster modules, which a cluster's own {@code spark-submit} brings (a
     * master it sets is taken as it is); Mesos left Spark in 4.0; {@code local-cluster} is Spark's
     * test mode and needs an installation's scripts; {@code local[0]} has no thread to run on.
     */
    private static void refuseWhatThisBuildCannotRun(String master) {
        String submit = ": submit perceptron-spark.jar with your cluster's own spark-submit --master " + master
                + " (docs/scale-out.md)";
        if (master.equals("yarn")) {
            throw new OptionException("--master yarn: this jar carries no YARN support" + submit);
        }
        if (master.startsWith("k8s://")) {
            throw new OptionException("--master " + master + ": this jar carries no Kubernetes support" + submit);
        }
        if (master.startsWith("mesos://")) {
            throw new OptionException("--master " + master + ": Spark 4 no longer runs on Mesos; use a standalone "
                    + "master (spark://HOST:PORT)");
        }
        if (master.startsWith("local-cluster[")) {
            throw new OptionException("--master " + master + ": local-cluster is Spark's own test mode and needs a "
                    + "Spark installation's scripts; use local[N] or a standalone master (spark://HOST:PORT)");
        }
        if (LOCAL_ZERO.matcher(master).matches()) {
            throw new OptionException("--master " + master + ": local[N] needs N >= 1 threads");
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
