package io.github.perceptron.serving;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request counts and latency histograms, in Prometheus' text format. Labels come from a fixed set
 * (known routes, "unmatched" for the rest), so that no client can grow the series without bound.
 */
final class Metrics {

    /** Upper bounds of the latency buckets, in seconds. */
    private static final double[] BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, Histogram> latencies = new ConcurrentHashMap<>();
    private final LongAdder images = new LongAdder();
    private final LongAdder reloads = new LongAdder();
    private final LongAdder failedReloads = new LongAdder();

    /** @param status the answer's status, or -1 when the client left before any answer ("aborted") */
    void request(String route, String method, int status, long nanos) {
        String labels = "route=\"" + route + "\",method=\"" + method + "\"";
        String answered = status < 0 ? "aborted" : Integer.toString(status);
        requests.computeIfAbsent(labels + ",status=\"" + answered + "\"", k -> new LongAdder()).increment();
        latencies.computeIfAbsent(labels, k -> new Histogram()).observe(nanos / 1e9);
    }

    void classified(int count) {
        images.add(count);
    }

    void reloaded(boolean ok) {
        (ok ? reloads : failedReloads).increment();
    }

    String render(long modelGeneration, int inFlight) {
        StringBuilder out = new StringBuilder(4096);
        out.append("# HELP perceptron_http_requests_total HTTP requests answered, by route, method and status.\n");
        out.append("# TYPE perceptron_http_requests_total counter\n");
        new TreeMap<>(requests).forEach((labels, count) ->
                out.append("perceptron_http_requests_total{").append(labels).append("} ").append(count.sum()).append('\n'));
        out.append("# HELP perceptron_http_request_duration_seconds Time from a request's arrival to its answer.\n");
        out.append("# TYPE perceptron_http_request_duration_seconds histogram\n");
        new TreeMap<>(latencies).forEach((labels, histogram) -> histogram.render(out, labels));
        out.append("# HELP perceptron_images_classified_total Images the model classified.\n");
        out.append("# TYPE perceptron_images_classified_total counter\n");
        out.append("perceptron_images_classified_total ").append(images.sum()).append('\n');
        out.append("# HELP perceptron_model_reloads_total Reloads of the model file, by outcome.\n");
        out.append("# TYPE perceptron_model_reloads_total counter\n");
        out.append("perceptron_model_reloads_total{result=\"ok\"} ").append(reloads.sum()).append('\n');
        out.append("perceptron_model_reloads_total{result=\"failed\"} ").append(failedReloads.sum()).append('\n');
        out.append("# HELP perceptron_model_generation How many times the served model was loaded (1 at start).\n");
        out.append("# TYPE perceptron_model_generation gauge\n");
        out.append("perceptron_model_generation ").append(modelGeneration).append('\n');
        out.append("# HELP perceptron_http_requests_in_flight Requests being answered now.\n");
        out.append("# TYPE perceptron_http_requests_in_flight gauge\n");
        out.append("perceptron_http_requests_in_flight ").append(inFlight).append('\n');
        return out.toString();
    }

    /** Counts per bucket (not cumulative until rendered), their sum and count. */
    private static final class Histogram {
        private final LongAdder[] counts = new LongAdder[BUCKETS.length + 1];
        private final DoubleAdder sum = new DoubleAdder();

        Histogram() {
            for (int i = 0; i < counts.length; i++) {
                counts[i] = new LongAdder();
            }
        }

        void observe(double seconds) {
            int bucket = 0;
            while (bucket < BUCKETS.length && seconds > BUCKETS[bucket]) {
                bucket++;
            }
            counts[bucket].increment();
            sum.add(seconds);
        }

        void render(StringBuilder out, String labels) {
            long cumulative = 0;
            for (int i = 0; i < counts.length; i++) {
                cumulative += counts[i].sum();
                String le = i < BUCKETS.length ? trim(BUCKETS[i]) : "+Inf";
                out.append("perceptron_http_request_duration_seconds_bucket{").append(labels).append(",le=\"").append(le)
                        .append("\"} ").append(cumulative).append('\n');
            }
            out.append("perceptron_http_request_duration_seconds_sum{").append(labels).append("} ")
                    .append(String.format(Locale.ROOT, "%.6f", sum.sum())).append('\n');
            out.append("perceptron_http_request_duration_seconds_count{").append(labels).append("} ").append(cumulative).append('\n');
        }

        private static String trim(double bound) {
            return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
        }
    }
}
