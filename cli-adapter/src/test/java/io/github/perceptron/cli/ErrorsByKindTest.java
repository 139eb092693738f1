package io.github.perceptron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.github.perceptron.cli.train.Interrupts;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.model.ModelStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 29, errors by kind: an {@code Error} from a command (here an ExceptionInInitializerError
 * from the model store) is one line and exit 1, its trace only under --debug; it escaped as a raw
 * stack trace before, since picocli hands its handler exceptions only.
 */
class ErrorsByKindTest {

    /** A store whose class failed to initialise, as a broken dependency would. */
    static final class BrokenStoreModule extends AbstractModule {
        @Provides
        ModelStore modelStore() {
            return new ModelStore() {
                @Override
                public void save(Model model, Path location) {
                    throw new ExceptionInInitializerError("a static initialiser failed");
                }

                @Override
                public Model load(Path location) {
                    throw new ExceptionInInitializerError("a static initialiser failed");
                }
            };
        }
    }

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), Map.of(), false,
                Interrupts::unhandled, new BrokenStoreModule());
        return new String[] {Integer.toString(code), err.toString()};
    }

    @Test
    void an_error_is_one_line_and_exit_1() {
        String[] result = run("info", "--model", "any.json");
        assertThat(result[0]).isEqualTo("1");
        assertThat(result[1].strip()).isEqualTo("perceptron: internal error: java.lang.ExceptionInInitializerError:"
                + " a static initialiser failed (rerun with --debug for details)");
    }

    @Test
    void under_debug_the_trace_follows() {
        String[] result = run("info", "--debug", "--model", "any.json");
        assertThat(result[0]).isEqualTo("1");
        assertThat(result[1]).startsWith("perceptron: internal error: java.lang.ExceptionInInitializerError")
                .contains("\tat ");
    }
}
