package io.github.perceptron.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Core's promises to the systems that embed it. Every rule fails when it matches no classes
 * ({@code allowEmptyShould(false)}), so a renamed package cannot make a rule pass vacuously;
 * {@link CoreArchitectureRulesAreNotVacuousTest} proves it.
 */
@AnalyzeClasses(packages = "io.github.perceptron.core", importOptions = ImportOption.DoNotIncludeTests.class)
public class CoreArchitectureTest {

    @ArchTest
    public static final ArchRule core_depends_only_on_the_jdk = classes()
            .that().resideInAPackage("io.github.perceptron.core..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "jdk.incubator.vector..",
                    "com.sun.management..", "io.github.perceptron.core..")
            .allowEmptyShould(false)
            .because("core is embedded in other systems and must stay dependency-free (the Vector API, and the"
                    + " HotSpot bean that says whether the CPU fuses multiply-adds, are part of the JDK)");

    @ArchTest
    public static final ArchRule core_packages_are_free_of_cycles = slices()
            .matching("io.github.perceptron.core.(*)..")
            .should().beFreeOfCycles()
            .allowEmptyShould(false)
            .because("each concept builds on the ones below it");

    @ArchTest
    public static final ArchRule core_writes_nothing_to_the_console = noClasses()
            .that().resideInAPackage("io.github.perceptron.core..")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .orShould().callMethod(Throwable.class, "printStackTrace")
            .allowEmptyShould(false)
            .because("core speaks through listeners and exceptions; its embedder owns the console");
}
