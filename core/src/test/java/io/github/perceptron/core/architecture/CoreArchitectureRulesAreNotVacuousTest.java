package io.github.perceptron.core.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.github.perceptron.core.model.PlantedApiLeak;
import io.github.perceptron.core.planteda.PlantedCycleA;
import io.github.perceptron.core.plantedb.PlantedCycleB;
import io.github.perceptron.core.trainer.PlantedTrainingRoomCycle;
import io.github.perceptron.core.trainer.PlantedTrainingRoomPartner;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule can fail: over packages that hold no classes, and on the violation planted for it. */
class CoreArchitectureRulesAreNotVacuousTest {

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of(CoreArchitectureTest.core_depends_only_on_the_jdk, new Class<?>[] {PlantedCycleA.class}),
                Arguments.of(CoreArchitectureTest.core_packages_are_free_of_cycles,
                        new Class<?>[] {PlantedCycleA.class, PlantedCycleB.class}),
                Arguments.of(CoreArchitectureTest.core_writes_nothing_to_the_console, new Class<?>[] {PlantedCycleB.class}),
                Arguments.of(CoreArchitectureTest.the_kernel_stays_out_of_cores_api, new Class<?>[] {PlantedCycleA.class}),
                Arguments.of(CoreArchitectureTest.core_does_no_file_io_outside_its_ports,
                        new Class<?>[] {PlantedTrainingRoomCycle.class}),
                Arguments.of(CoreArchitectureTest.cores_api_mentions_only_its_api, new Class<?>[] {PlantedApiLeak.class}),
                Arguments.of(CoreArchitectureTest.the_training_room_has_no_cycle,
                        new Class<?>[] {PlantedTrainingRoomCycle.class, PlantedTrainingRoomPartner.class}));
    }

    @ParameterizedTest
    @MethodSource("rules")
    void each_rule_fails_when_its_packages_are_empty(ArchRule rule, Class<?>[] unused) {
        JavaClasses nothing = new ClassFileImporter().importPackages("io.github.perceptron.no_such_package");
        assertThatThrownBy(() -> rule.check(nothing)).isInstanceOf(AssertionError.class);
    }

    /** Violations planted in the test sources, which the rules themselves never see. */
    @ParameterizedTest
    @MethodSource("rules")
    void each_rule_catches_the_violation_planted_for_it(ArchRule rule, Class<?>[] planted) {
        JavaClasses classes = new ClassFileImporter().importClasses(planted);
        assertThatThrownBy(() -> rule.check(classes)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Planted");
    }
}
