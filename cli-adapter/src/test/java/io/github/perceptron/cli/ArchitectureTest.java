package io.github.perceptron.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.io.Serializable;

/**
 * The hexagon's shape across modules, checked at the composition root, which sees every module.
 * Rules fail when they match no classes, so a renamed package cannot make them pass vacuously.
 */
@AnalyzeClasses(packages = "io.github.perceptron", importOptions = ImportOption.DoNotIncludeTests.class)
public class ArchitectureTest {

    @ArchTest
    public static final ArchRule core_never_imports_an_adapter = noClasses()
            .that().resideInAPackage("io.github.perceptron.core..")
            .should().dependOnClassesThat().resideInAnyPackage("io.github.perceptron.dataset..",
                    "io.github.perceptron.persistence..", "io.github.perceptron.serving..", "io.github.perceptron.onnx..", "io.github.perceptron.cli..")
            .allowEmptyShould(false)
            .because("adapters depend on core, never the reverse");

    @ArchTest
    public static final ArchRule dataset_adapter_does_not_depend_on_other_adapters = noClasses()
            .that().resideInAPackage("io.github.perceptron.dataset..")
            .should().dependOnClassesThat().resideInAnyPackage("io.github.perceptron.persistence..",
                    "io.github.perceptron.serving..", "io.github.perceptron.onnx..", "io.github.perceptron.cli..")
            .allowEmptyShould(false)
            .because("adapters are swapped independently");

    @ArchTest
    public static final ArchRule persistence_adapter_does_not_depend_on_other_adapters = noClasses()
            .that().resideInAPackage("io.github.perceptron.persistence..")
            .should().dependOnClassesThat().resideInAnyPackage("io.github.perceptron.dataset..",
                    "io.github.perceptron.serving..", "io.github.perceptron.onnx..", "io.github.perceptron.cli..")
            .allowEmptyShould(false)
            .because("adapters are swapped independently");

    @ArchTest
    public static final ArchRule serving_adapter_does_not_depend_on_other_adapters = noClasses()
            .that().resideInAPackage("io.github.perceptron.serving..")
            .should().dependOnClassesThat().resideInAnyPackage("io.github.perceptron.dataset..",
                    "io.github.perceptron.persistence..", "io.github.perceptron.onnx..", "io.github.perceptron.cli..")
            .allowEmptyShould(false)
            .because("the service reaches models and images through its own ports, which the composition root fills");

    @ArchTest
    public static final ArchRule onnx_adapter_does_not_depend_on_other_adapters = noClasses()
            .that().resideInAPackage("io.github.perceptron.onnx..")
            .should().dependOnClassesThat().resideInAnyPackage("io.github.perceptron.dataset..",
                    "io.github.perceptron.persistence..", "io.github.perceptron.serving..", "io.github.perceptron.cli..")
            .allowEmptyShould(false)
            .because("the ONNX format stands alone: the composition root chooses it by the file's name");

    @ArchTest
    public static final ArchRule only_the_serving_adapter_speaks_http = noClasses()
            .that().resideInAnyPackage("io.github.perceptron.core..", "io.github.perceptron.dataset..",
                    "io.github.perceptron.persistence..", "io.github.perceptron.onnx..", "io.github.perceptron.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.jetty..", "com.sun.net.httpserver..")
            .allowEmptyShould(false)
            .because("the HTTP server is one adapter's business; commands start it through PredictionServer");

    @ArchTest
    public static final ArchRule only_the_cli_knows_guice = noClasses()
            .that().resideInAnyPackage("io.github.perceptron.core..", "io.github.perceptron.dataset..",
                    "io.github.perceptron.persistence..", "io.github.perceptron.serving..", "io.github.perceptron.onnx..")
            .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "jakarta.inject..", "javax.inject..")
            .allowEmptyShould(false)
            .because("core and adapters carry no wiring annotations; the composition root does the wiring");

    @ArchTest
    public static final ArchRule jackson_lives_only_in_persistence_serving_and_json_lines = noClasses()
            .that().resideInAnyPackage("io.github.perceptron.core..", "io.github.perceptron.dataset..",
                    "io.github.perceptron.cli..")
            .and().doNotHaveFullyQualifiedName("io.github.perceptron.cli.console.JsonLine")
            .and().doNotHaveFullyQualifiedName("io.github.perceptron.cli.console.JsonLine$FiniteOrNull")
            .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..")
            .allowEmptyShould(false)
            .because("the model format is the persistence adapter's business and the HTTP API's bodies the serving "
                    + "adapter's (and ONNX metadata the ONNX adapter's); the CLI only writes its one-line outputs");

    @ArchTest
    public static final ArchRule adapters_use_no_internal_core_package = noClasses()
            .that().resideInAnyPackage("io.github.perceptron.dataset..", "io.github.perceptron.persistence..",
                    "io.github.perceptron.serving..", "io.github.perceptron.onnx..", "io.github.perceptron.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("io.github.perceptron.core.kernel..",
                    "io.github.perceptron.core.batch..", "io.github.perceptron.core.values..")
            .allowEmptyShould(false)
            .because("core.kernel, core.batch and core.values are internal (module-info exports them to nobody) and change without "
                    + "notice; adapters choose threads through core.train.Execution");

    /**
     * The class-path build's copy of core's qualified exports: the search, the trainer and
     * data-parallel training, and the generator reach only the adapters module-info names.
     */
    @ArchTest
    public static final ArchRule cores_spi_reaches_only_the_adapters_its_module_names = noClasses()
            .that().resideInAnyPackage("io.github.perceptron.dataset..", "io.github.perceptron.serving..",
                    "io.github.perceptron.onnx..")
            .should().dependOnClassesThat().resideInAnyPackage("io.github.perceptron.core.tune..",
                    "io.github.perceptron.core.trainer..", "io.github.perceptron.core.parallel..",
                    "io.github.perceptron.core.engine..")
            .allowEmptyShould(false)
            .because("module-info exports tune to persistence, the CLI and Spark, trainer and engine to the CLI, and "
                    + "parallel to the CLI and Spark only");

    @ArchTest
    public static final ArchRule only_the_dataset_adapter_uses_cores_generator = noClasses()
            .that().resideInAnyPackage("io.github.perceptron.persistence..", "io.github.perceptron.serving..",
                    "io.github.perceptron.onnx..", "io.github.perceptron.cli..")
            .should().dependOnClassesThat().resideInAPackage("io.github.perceptron.core.random..")
            .allowEmptyShould(false)
            .because("module-info exports random to the dataset adapter (its synthetic digits) only: others give seeds");

    @ArchTest
    public static final ArchRule cli_rooms_are_free_of_cycles = slices()
            .matching("io.github.perceptron.cli.(*)..")
            .should().beFreeOfCycles()
            .allowEmptyShould(false)
            .because("each room of the CLI builds on the ones below it, so it can be read and changed alone");

    @ArchTest
    public static final ArchRule cli_rooms_do_not_reach_back_to_the_composition_root = noClasses()
            .that().resideInAPackage("io.github.perceptron.cli.*..")
            .should().dependOnClassesThat().resideInAPackage("io.github.perceptron.cli")
            .allowEmptyShould(false)
            .because("Main and the Guice module assemble the rooms; the rooms never need them");

    @ArchTest
    public static final ArchRule charts_know_neither_picocli_nor_guice = noClasses()
            .that().resideInAPackage("io.github.perceptron.cli.chart..")
            .should().dependOnClassesThat().resideInAnyPackage("picocli..", "com.google.inject..", "jakarta.inject..")
            .allowEmptyShould(false)
            .because("charts draw data; commands and wiring are other rooms' business");

    /**
     * Adapters are made in one place: the composition roots ({@code cli}'s {@code Main} and Guice
     * module, and {@code sparkcli}'s) construct them and hand them to the commands, so a command
     * never decides which implementation of a port it gets.
     */
    @ArchTest
    public static final ArchRule only_the_composition_roots_construct_adapters = noClasses()
            .that().resideInAnyPackage("io.github.perceptron.cli.*..")
            .should().callConstructorWhere(JavaConstructorCall.Predicates.target(HasOwner.Predicates.With.owner(
                    JavaClass.Predicates.resideInAnyPackage("io.github.perceptron.dataset..",
                            "io.github.perceptron.persistence..", "io.github.perceptron.serving..",
                            "io.github.perceptron.onnx..", "io.github.perceptron.spark.."))))
            .allowEmptyShould(false)
            .because("commands get their adapters injected: only Main, PerceptronModule and SparkModule build them");

    @ArchTest
    public static final ArchRule the_cli_rooms_reach_persistence_only_through_ports = noClasses()
            .that().resideInAnyPackage("io.github.perceptron.cli.*..")
            .should().dependOnClassesThat().resideInAPackage("io.github.perceptron.persistence..")
            .allowEmptyShould(false)
            .because("models, checkpoints, search files and charts are written through ports (ModelStore, CheckpointStore, "
                    + "SearchFiles, FileOutput) that the composition root binds to the persistence adapter");

    /**
     * Commands get core's use cases from the composition root ({@code UseCases}), which knows the
     * clock, the host and the stores. Work shipped to another JVM (serializable: a trial, a
     * comparison's run) has no root there, and makes its own.
     */
    @ArchTest
    public static final ArchRule commands_get_their_use_cases_injected = noClasses()
            .that().resideInAnyPackage("io.github.perceptron.cli.*..")
            .and().areNotAssignableTo(Serializable.class)
            .should().callConstructorWhere(JavaConstructorCall.Predicates.target(HasOwner.Predicates.With.owner(
                    JavaClass.Predicates.resideInAPackage("io.github.perceptron.core.usecase..")
                            .or(JavaClass.Predicates.simpleName("TuneModel")))))
            .allowEmptyShould(false)
            .because("the composition root makes the use cases, so that a command never chooses their clock, host or store");
}
