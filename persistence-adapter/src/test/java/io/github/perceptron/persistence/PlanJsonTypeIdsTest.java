package io.github.perceptron.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.perceptron.core.network.NetworkSpec;
import io.github.perceptron.core.optim.LearningRateSchedule;
import io.github.perceptron.core.optim.OptimizerSpec;
import io.github.perceptron.core.train.TrainingPlan;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The plan's type ids are the names the command line uses, and files from earlier versions still read. */
class PlanJsonTypeIdsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static java.util.stream.Stream<OptimizerSpec> optimizers() {
        return java.util.stream.Stream.of(new OptimizerSpec.Sgd(0.1), new OptimizerSpec.Momentum(0.1, 0.9),
                new OptimizerSpec.Nesterov(0.1, 0.9), new OptimizerSpec.Adagrad(0.1, 1e-8),
                new OptimizerSpec.RmsProp(0.01, 0.9, 1e-8), new OptimizerSpec.Adam(0.001, 0.9, 0.999, 1e-8));
    }

    @ParameterizedTest
    @MethodSource("optimizers")
    void each_optimizer_is_written_under_its_command_line_id_and_reads_back(OptimizerSpec optimizer) throws Exception {
        JsonNode training = written(plan(optimizer));
        assertThat(training.at("/plan/optimizer/type").asText()).isEqualTo(optimizer.id());
        assertThat(read(training).optimizer()).isEqualTo(optimizer);
    }

    @ParameterizedTest
    @MethodSource("optimizers")
    void the_rms_prop_id_of_earlier_files_still_reads(OptimizerSpec optimizer) throws Exception {
        JsonNode training = written(plan(optimizer));
        if (optimizer instanceof OptimizerSpec.RmsProp) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) training.at("/plan/optimizer")).put("type", "rms-prop");
            assertThat(read(training).optimizer()).isEqualTo(optimizer);
        }
        assertThat(read(training).schedule()).isEqualTo(new LearningRateSchedule.Cosine(0.01));
    }

    private static TrainingPlan plan(OptimizerSpec optimizer) {
        return TrainingPlan.builder().layers(4, 3, 2).optimizer(optimizer)
                .schedule(new LearningRateSchedule.Cosine(0.01)).build();
    }

    private static JsonNode written(TrainingPlan plan) throws Exception {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = MAPPER.getFactory().createGenerator(text)) {
            json.writeStartObject();
            PlanJson.write(json, plan);
            json.writeEndObject();
        }
        return MAPPER.readTree(text.toString());
    }

    private static TrainingPlan read(JsonNode training) {
        NetworkSpec network = TrainingPlan.builder().layers(4, 3, 2).build().network();
        return PlanJson.read(new JsonFields(Path.of("plan.json")), training, network);
    }
}
