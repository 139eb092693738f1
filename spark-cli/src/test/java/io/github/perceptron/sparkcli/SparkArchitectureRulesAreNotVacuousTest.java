package io.github.perceptron.sparkcli;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.github.perceptron.cli.plantedspark.CliUsingSpark;
import io.github.perceptron.spark.planted.SparkUsingTheCli;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Spark rule can fail: on empty packages, and on the violation planted for it in the test sources. */
class SparkArchitectureRulesAreNotVacuousTest {

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of(SparkArchitectureTest.spark_adapter_does_not_depend_on_other_adapters, SparkUsingTheCli.class),
                Arguments.of(SparkArchitectureTest.only_the_spark_rooms_know_spark, CliUsingSpark.class));
    }

    @ParameterizedTest
    @MethodSource("rules")
    void each_rule_fails_when_its_packages_are_empty(ArchRule rule, Class<?> unused) {
        JavaClasses nothing = new ClassFileImporter().importPackages("io.github.perceptron.no_such_package");
        assertThatThrownBy(() -> rule.check(nothing)).isInstanceOf(AssertionError.class);
    }

    @ParameterizedTest
    @MethodSource("rules")
    void each_rule_catches_the_violation_planted_for_it(ArchRule rule, Class<?> planted) {
        JavaClasses classes = new ClassFileImporter().importClasses(planted);
        assertThatThrownBy(() -> rule.check(classes)).isInstanceOf(AssertionError.class)
                .hasMessageContaining(planted.getSimpleName());
    }
}
