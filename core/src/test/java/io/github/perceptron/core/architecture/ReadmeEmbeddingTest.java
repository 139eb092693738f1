package io.github.perceptron.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's embedding section shows the code {@code examples/embedding} compiles and runs in
 * the build, character for character, and the steps it gives fit that project: an example that
 * stops compiling fails the build, and so does a README that no longer shows it.
 */
class ReadmeEmbeddingTest {

    private static final Path ROOT = Path.of("..");
    private static final Path EXAMPLE = ROOT.resolve("examples/embedding");

    private static String section() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf("## Embedding the core");
        assertThat(start).as("README.md has an embedding section").isNotNegative();
        return readme.substring(start, readme.indexOf("\n## ", start + 1));
    }

    private static List<String> blocks(String section, String language) {
        List<String> blocks = new ArrayList<>();
        Matcher block = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(section);
        while (block.find()) {
            blocks.add(block.group(1));
        }
        return blocks;
    }

    @Test
    void every_java_block_is_a_file_of_the_example_project_as_it_is() throws IOException {
        List<String> java = blocks(section(), "java");
        assertThat(java).hasSize(2);
        for (String block : java) {
            Matcher name = Pattern.compile("public final class (\\w+)").matcher(block);
            assertThat(name.find()).as("a README block declares a class:%n%s", block).isTrue();
            Path file = EXAMPLE.resolve("src/main/java/example/" + name.group(1) + ".java");
            assertThat(file).as("the example project has the README's %s", name.group(1)).isRegularFile();
            assertThat(block).as("README's %s is the example's file", name.group(1)).isEqualTo(Files.readString(file));
        }
    }

    @Test
    void the_steps_install_what_the_example_depends_on_at_the_builds_version() throws IOException {
        String section = section();
        String examplePom = Files.readString(EXAMPLE.resolve("pom.xml"));
        String rootPom = Files.readString(ROOT.resolve("pom.xml"));
        Matcher rootVersion = Pattern.compile("<artifactId>perceptron</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(rootPom);
        assertThat(rootVersion.find()).isTrue();
        assertThat(examplePom).contains("<perceptron.version>" + rootVersion.group(1) + "</perceptron.version>");
        assertThat(section).contains("<version>" + rootVersion.group(1) + "</version>");

        Matcher install = Pattern.compile("mvn -B install -DskipTests -pl ([\\w,-]+) -am").matcher(section);
        assertThat(install.find()).as("the section gives the install command").isTrue();
        List<String> installed = List.of(install.group(1).split(","));
        Matcher dependency = Pattern.compile(
                "<groupId>io.github.perceptron</groupId>\\s*<artifactId>perceptron-([\\w-]+)</artifactId>").matcher(examplePom);
        List<String> needed = new ArrayList<>();
        while (dependency.find()) {
            needed.add(dependency.group(1));
        }
        assertThat(needed).isNotEmpty();
        assertThat(installed).containsAll(needed);
        for (String module : needed) {
            assertThat(section).contains("<artifactId>perceptron-" + module + "</artifactId>");
        }
        assertThat(section).contains("java --add-modules jdk.incubator.vector -cp 'target/classes:target/lib/*' example.TrainAndSave",
                "example.Classify models/embedded.json digit.png");
        assertThat(EXAMPLE.resolve("digit.png")).isRegularFile();
    }
}
