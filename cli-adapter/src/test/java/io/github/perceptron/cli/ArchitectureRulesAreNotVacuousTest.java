package io.github.perceptron.cli;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.github.perceptron.cli.chart.PlantedChartUsingPicocliAndMain;
import io.github.perceptron.cli.planted.CliUsingHttpServer;
import io.github.perceptron.cli.planted.CommandBuildingItsAdapters;
import io.github.perceptron.cli.planted.CommandMakingItsUseCase;
import io.github.perceptron.cli.planted.CliUsingJackson;
import io.github.perceptron.cli.planted.CliUsingTheKernel;
import io.github.perceptron.cli.planteda.RoomA;
import io.github.perceptron.cli.plantedb.RoomB;
import io.github.perceptron.core.plantedcli.CoreUsingCli;
import io.github.perceptron.dataset.planted.DatasetUsingPersistence;
import io.github.perceptron.onnx.planted.OnnxUsingPersistence;
import io.github.perceptron.persistence.planted.PersistenceUsingDatasetAndGuice;
import io.github.perceptron.serving.planted.ServingUsingCoresSpi;
import io.github.perceptron.serving.planted.ServingUsingDatasetAndGuice;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule can fail: on packages that hold no classes, and on a violation planted for it in the
 * test sources (which the rules themselves never see).
 */
class ArchitectureRulesAreNotVacuousTest {

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of(ArchitectureTest.core_never_imports_an_adapter, new Class<?>[] {CoreUsingCli.class}),
                Arguments.of(ArchitectureTest.dataset_adapter_does_not_depend_on_other_adapters,
                        new Class<?>[] {DatasetUsingPersistence.class}),
                Arguments.of(ArchitectureTest.persistence_adapter_does_not_depend_on_other_adapters,
                        new Class<?>[] {PersistenceUsingDatasetAndGuice.class}),
                Arguments.of(ArchitectureTest.serving_adapter_does_not_depend_on_other_adapters,
                        new Class<?>[] {ServingUsingDatasetAndGuice.class}),
                Arguments.of(ArchitectureTest.onnx_adapter_does_not_depend_on_other_adapters,
                        new Class<?>[] {OnnxUsingPersistence.class}),
                Arguments.of(ArchitectureTest.only_the_serving_adapter_speaks_http, new Class<?>[] {CliUsingHttpServer.class}),
                Arguments.of(ArchitectureTest.only_the_cli_knows_guice, new Class<?>[] {ServingUsingDatasetAndGuice.class}),
                Arguments.of(ArchitectureTest.only_the_cli_knows_guice,
                        new Class<?>[] {PersistenceUsingDatasetAndGuice.class}),
                Arguments.of(ArchitectureTest.jackson_lives_only_in_persistence_serving_and_json_lines, new Class<?>[] {CliUsingJackson.class}),
                Arguments.of(ArchitectureTest.adapters_use_no_internal_core_package,
                        new Class<?>[] {CliUsingTheKernel.class}),
                Arguments.of(ArchitectureTest.only_the_composition_roots_construct_adapters,
                        new Class<?>[] {CommandBuildingItsAdapters.class}),

                Arguments.of(ArchitectureTest.the_cli_rooms_reach_persistence_only_through_ports,
                        new Class<?>[] {CommandBuildingItsAdapters.class}),
                Arguments.of(ArchitectureTest.cores_spi_reaches_only_the_adapters_its_module_names,
                        new Class<?>[] {ServingUsingCoresSpi.class}),
                Arguments.of(ArchitectureTest.only_the_dataset_adapter_uses_cores_generator,
                        new Class<?>[] {ServingUsingCoresSpi.class}),
                Arguments.of(ArchitectureTest.adapters_use_no_internal_core_package,
                        new Class<?>[] {ServingUsingCoresSpi.class}),
                Arguments.of(ArchitectureTest.commands_get_their_use_cases_injected,
                        new Class<?>[] {CommandMakingItsUseCase.class}),
                Arguments.of(ArchitectureTest.cli_rooms_are_free_of_cycles, new Class<?>[] {RoomA.class, RoomB.class}),
                Arguments.of(ArchitectureTest.cli_rooms_do_not_reach_back_to_the_composition_root,
                        new Class<?>[] {PlantedChartUsingPicocliAndMain.class}),
                Arguments.of(ArchitectureTest.charts_know_neither_picocli_nor_guice,
                        new Class<?>[] {PlantedChartUsingPicocliAndMain.class}));
    }

    @ParameterizedTest
    @MethodSource("rules")
    void each_rule_fails_when_its_packages_are_empty(ArchRule rule, Class<?>[] unused) {
        JavaClasses nothing = new ClassFileImporter().importPackages("io.github.perceptron.no_such_package");
        assertThatThrownBy(() -> rule.check(nothing)).isInstanceOf(AssertionError.class);
    }

    @ParameterizedTest
    @MethodSource("rules")
    void each_rule_catches_the_violation_planted_for_it(ArchRule rule, Class<?>[] planted) {
        JavaClasses classes = new ClassFileImporter().importClasses(planted);
        assertThatThrownBy(() -> rule.check(classes)).isInstanceOf(AssertionError.class)
                .hasMessageContaining(planted[0].getSimpleName());
    }
}
