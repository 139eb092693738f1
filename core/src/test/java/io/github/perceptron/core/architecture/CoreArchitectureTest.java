package io.github.perceptron.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * The module descriptor does not export {@code kernel}; on the class path, where descriptors
     * are ignored, this keeps the same boundary: no public method or constructor of core's API
     * takes or returns a kernel type (LayerSpec.build took a MatrixKernel).
     */
    @ArchTest
    public static final ArchRule the_kernel_stays_out_of_cores_api = codeUnits()
            .that().arePublic().and().areDeclaredInClassesThat().arePublic()
            .and().areDeclaredInClassesThat().resideOutsideOfPackage("io.github.perceptron.core.kernel..")
            .should(new ArchCondition<JavaCodeUnit>("not take or return a type of core's kernel") {
                @Override
                public void check(JavaCodeUnit unit, ConditionEvents events) {
                    List<JavaClass> types = new ArrayList<>(unit.getRawParameterTypes());
                    types.add(unit.getRawReturnType());
                    for (JavaClass type : types) {
                        if (type.getPackageName().startsWith("io.github.perceptron.core.kernel")) {
                            events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " exposes " + type.getName()));
                        }
                    }
                }
            })
            .allowEmptyShould(false)
            .because("the kernel is core's internal: module-info does not export it");

    /**
     * Core reaches files only through its ports ({@code ModelStore}, {@code CheckpointStore},
     * {@code DatasetSource}, ...), which adapters implement: a {@link java.nio.file.Path} may pass
     * through, but nothing in core opens, reads, writes or lists one.
     */
    @ArchTest
    public static final ArchRule core_does_no_file_io_outside_its_ports = noClasses()
            .that().resideInAPackage("io.github.perceptron.core..")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.nio.file.Files")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.file.FileSystems")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.channels.FileChannel")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.channels.AsynchronousFileChannel")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileOutputStream")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileReader")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileWriter")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.RandomAccessFile")
            .orShould().callMethod(java.nio.file.Path.class, "toRealPath", java.nio.file.LinkOption[].class)
            .allowEmptyShould(false)
            .because("core is the domain: files are the adapters' business, reached through core's ports");

    /**
     * The training room ({@code train}, {@code trainer}, {@code parallel}, {@code checkpoint}, {@code run}) has no cycle between its
     * classes, not only between its packages: each class can be read knowing only those it uses.
     */
    @ArchTest
    public static final ArchRule the_training_room_has_no_cycle = slices()
            .assignedFrom(new SliceAssignment() {
                @Override
                public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                    if (!javaClass.getPackageName().matches("io\\.github\\.perceptron\\.core\\.(train|trainer|parallel|checkpoint|run)")) {
                        return SliceIdentifier.ignore();
                    }
                    return SliceIdentifier.of(javaClass.getName().replaceFirst("\\$.*", ""));
                }

                @Override
                public String getDescription() {
                    return "the classes of the training room";
                }
            })
            .should().beFreeOfCycles()
            .allowEmptyShould(false)
            .because("the trainer is split by job so that each job reads alone: state, step, epoch loop, checkpoints, shards");

    /** The packages module-info exports to everyone: core's API. */
    private static final List<String> API = List.of("augment", "data", "eval", "layer", "loss", "model",
            "network", "optim", "train", "usecase");

    /**
     * What module-info exports to everyone mentions only what it exports to everyone and the JDK:
     * no public method or constructor of the API takes or returns a type of the SPI ({@code run},
     * {@code checkpoint}, {@code tune}, {@code parallel}, {@code trainer}, {@code engine},
     * {@code random}, {@code digest}) or of the internals
     * ({@code kernel}, {@code batch}), which an embedder's module could not name.
     */
    @ArchTest
    public static final ArchRule cores_api_mentions_only_its_api = codeUnits()
            .that().arePublic().and().areDeclaredInClassesThat().arePublic()
            .and().areDeclaredInClassesThat(new DescribedPredicate<JavaClass>("in an API package") {
                @Override
                public boolean test(JavaClass owner) {
                    return API.stream().anyMatch(p -> owner.getPackageName().equals("io.github.perceptron.core." + p));
                }
            })
            .should(new ArchCondition<JavaCodeUnit>("take and return only types of core's API or the JDK") {
                @Override
                public void check(JavaCodeUnit unit, ConditionEvents events) {
                    List<JavaClass> types = new ArrayList<>(unit.getRawParameterTypes());
                    types.add(unit.getRawReturnType());
                    for (JavaClass type : types) {
                        JavaClass base = type.isArray() ? type.getBaseComponentType() : type;
                        String name = base.getPackageName();
                        boolean api = !name.startsWith("io.github.perceptron.core")
                                || API.stream().anyMatch(p -> name.equals("io.github.perceptron.core." + p));
                        if (!api) {
                            events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " exposes " + base.getName()));
                        }
                    }
                }
            })
            .allowEmptyShould(false)
            .because("module-info exports the SPI only to the adapters and the internals to nobody: an API signature that "
                    + "names them is one an embedder cannot use");
}
