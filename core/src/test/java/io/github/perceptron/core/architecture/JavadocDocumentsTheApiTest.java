package io.github.perceptron.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The javadoc jar documents exactly the packages module-info exports to everyone, so that doclint
 * (which fails the build on a missing comment, {@code @param}, {@code @return} or {@code @throws})
 * holds the whole API and nothing but it. javadoc runs without module-info (see core/pom.xml), so
 * the pom names the packages to leave out, and this keeps that list in step with module-info.
 */
class JavadocDocumentsTheApiTest {

    @Test
    void the_packages_javadoc_leaves_out_are_those_module_info_does_not_export_to_everyone() throws IOException {
        Set<String> all;
        Path sources = Path.of("src", "main", "java");
        try (Stream<Path> files = Files.walk(sources)) {
            all = files.filter(file -> file.toString().endsWith(".java") && file.getParent() != null
                            && !file.getParent().equals(sources))
                    .map(file -> sources.relativize(file.getParent()).toString().replace('/', '.'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        String moduleInfo = Files.readString(sources.resolve("module-info.java"));
        Set<String> exportedToEveryone = new TreeSet<>();
        Matcher export = Pattern.compile("exports\\s+([\\w.]+)\\s*;").matcher(moduleInfo);
        while (export.find()) {
            exportedToEveryone.add(export.group(1));
        }
        Matcher excluded = Pattern.compile("<excludePackageNames>([^<]+)</excludePackageNames>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(excluded.find()).as("core/pom.xml names the packages javadoc leaves out").isTrue();
        List<String> leftOut = Arrays.stream(excluded.group(1).split(":")).map(String::strip).toList();

        assertThat(exportedToEveryone).hasSize(10);
        Set<String> documented = new TreeSet<>(all);
        documented.removeAll(leftOut);
        assertThat(documented).isEqualTo(exportedToEveryone);
        assertThat(all).containsAll(leftOut);
    }
}
