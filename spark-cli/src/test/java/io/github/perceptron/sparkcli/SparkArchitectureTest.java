package io.github.perceptron.sparkcli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The Spark rooms of the hexagon, checked here, the one module that sees them all: the Spark
 * adapter depends on core alone, and Spark stays in the Spark adapter and this composition root.
 */
@AnalyzeClasses(packages = "io.github.perceptron", importOptions = ImportOption.DoNotIncludeTests.class)
public class SparkArchitectureTest {

    @ArchTest
    public static final ArchRule spark_adapter_does_not_depend_on_other_adapters = noClasses()
            .that().resideInAPackage("io.github.perceptron.spark..")
            .should().dependOnClassesThat().resideInAnyPackage("io.github.perceptron.dataset..",
                    "io.github.perceptron.persistence..", "io.github.perceptron.serving..", "io.github.perceptron.onnx..",
                    "io.github.perceptron.cli..", "io.github.perceptron.sparkcli..", "io.github.perceptron.core.kernel..")
            .allowEmptyShould(false)
            .because("the Spark adapter runs core's ports on a cluster; the composition root gives it the recipes");

    @ArchTest
    public static final ArchRule only_the_spark_rooms_know_spark = noClasses()
            .that().resideInAnyPackage("io.github.perceptron.core..", "io.github.perceptron.dataset..",
                    "io.github.perceptron.persistence..", "io.github.perceptron.serving..", "io.github.perceptron.onnx..",
                    "io.github.perceptron.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..")
            .allowEmptyShould(false)
            .because("the default command line and jar carry no Spark: only spark-adapter and spark-cli do");
}
