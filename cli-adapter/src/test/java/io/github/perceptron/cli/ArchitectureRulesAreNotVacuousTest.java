package io.github.perceptron.cli;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ArchitectureRulesAreNotVacuousTest {

    static Stream<ArchRule> rules() {
        return Stream.of(ArchitectureTest.core_never_imports_an_adapter,
                ArchitectureTest.dataset_adapter_does_not_depend_on_other_adapters,
                ArchitectureTest.persistence_adapter_does_not_depend_on_other_adapters,
                ArchitectureTest.only_the_cli_knows_guice,
                ArchitectureTest.jackson_lives_only_in_persistence);
    }

    @ParameterizedTest
    @MethodSource("rules")
    void each_rule_fails_when_its_packages_are_empty(ArchRule rule) {
        JavaClasses nothing = new ClassFileImporter().importPackages("io.github.perceptron.no_such_package");
        assertThatThrownBy(() -> rule.check(nothing)).isInstanceOf(AssertionError.class);
    }
}
