package io.github.perceptron.core.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A rule over packages that hold no classes must fail, not pass. */
class CoreArchitectureRulesAreNotVacuousTest {

    static Stream<ArchRule> rules() {
        return Stream.of(CoreArchitectureTest.core_depends_only_on_the_jdk,
                CoreArchitectureTest.core_packages_are_free_of_cycles,
                CoreArchitectureTest.core_writes_nothing_to_the_console);
    }

    @ParameterizedTest
    @MethodSource("rules")
    void each_rule_fails_when_its_packages_are_empty(ArchRule rule) {
        JavaClasses nothing = new ClassFileImporter().importPackages("io.github.perceptron.no_such_package");
        assertThatThrownBy(() -> rule.check(nothing)).isInstanceOf(AssertionError.class);
    }
}
