package io.github.perceptron.core.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.github.perceptron.core.planteda.PlantedCycleA;
import io.github.perceptron.core.plantedb.PlantedCycleB;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule can fail: over packages that hold no classes, and on a planted violation. */
class CoreArchitectureRulesAreNotVacuousTest {

    static Stream<ArchRule> rules() {
        return Stream.of(CoreArchitectureTest.core_depends_only_on_the_jdk,
                CoreArchitectureTest.core_packages_are_free_of_cycles,
                CoreArchitectureTest.core_writes_nothing_to_the_console,
                CoreArchitectureTest.the_kernel_stays_out_of_cores_api);
    }

    @ParameterizedTest
    @MethodSource("rules")
    void each_rule_fails_when_its_packages_are_empty(ArchRule rule) {
        JavaClasses nothing = new ClassFileImporter().importPackages("io.github.perceptron.no_such_package");
        assertThatThrownBy(() -> rule.check(nothing)).isInstanceOf(AssertionError.class);
    }

    /** Violations planted in the test sources, which the rules themselves never see. */
    @ParameterizedTest
    @MethodSource("rules")
    void each_rule_catches_a_planted_violation(ArchRule rule) {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedCycleA.class, PlantedCycleB.class);
        assertThatThrownBy(() -> rule.check(planted)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("PlantedCycle");
    }
}
