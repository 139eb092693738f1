package io.github.perceptron.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perceptron.core.eval.Evaluation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A run's history travels (to a Spark driver, say) and comes back equal, with or without an evaluation. */
class EpochReportSerializationTest {

    @Test
    void an_epoch_report_survives_java_serialization_with_and_without_its_evaluation() throws Exception {
        Evaluation evaluation = new Evaluation(0.25, new int[][] {{3, 1}, {0, 4}}, List.of("cat", "dog"));
        EpochReport evaluated = new EpochReport(2, 0.5, 0.75, Optional.of(evaluation), 1.5, 0.1);
        EpochReport bare = new EpochReport(3, 0.4, 0.8, Optional.empty(), 1.25, 0.05);

        EpochReport back = (EpochReport) roundTrip(evaluated);
        assertThat(back).usingRecursiveComparison().isEqualTo(evaluated);
        assertThat(back.evaluation().orElseThrow().confusion()).isEqualTo(new int[][] {{3, 1}, {0, 4}});
        assertThat(roundTrip(bare)).isEqualTo(bare);
    }

    private static Object roundTrip(Object value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
