package io.github.perceptron.sparkcli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The build's own Spark class path (what ./perceptron-spark runs on without SPARK_HOME), for child JVMs. */
final class SparkClassPath {

    /** The JDK internals Spark opens on Java 17, as the launcher passes them. */
    static final String[] OPENS = {"--add-opens=java.base/java.lang=ALL-UNNAMED",
        "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
        "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.net=ALL-UNNAMED",
        "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
        "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
        "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
        "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED", "-Djdk.reflect.useDirectMethodHandle=false"};

    private SparkClassPath() {
    }

    static List<String> entries() {
        List<String> entries = new ArrayList<>();
        for (String file : List.of("spark-classpath.txt", "spark-jackson-classpath.txt")) {
            try {
                for (String entry : Files.readString(Path.of("target", file)).strip().split(":")) {
                    if (!entry.isBlank()) {
                        entries.add(entry);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("target/" + file + " is written by the build (generate-resources)", e);
            }
        }
        return entries;
    }
}
