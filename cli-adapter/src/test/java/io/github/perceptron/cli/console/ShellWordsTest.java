package io.github.perceptron.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellWordsTest {

    @Test
    void plain_paths_stay_as_they_are() {
        assertThat(ShellWords.quote("/data/mnist-2/model.json")).isEqualTo("/data/mnist-2/model.json");
    }

    @Test
    void spaces_quotes_and_shell_characters_are_quoted_so_that_bash_gives_back_the_same_word() throws Exception {
        for (String word : List.of("my runs/model.json", "it's", "$HOME", "a;b", "*", "", "tab\there")) {
            Process echo = new ProcessBuilder("bash", "-c", "printf '%s' " + ShellWords.quote(word)).start();
            assertThat(new String(echo.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(word);
            assertThat(echo.waitFor()).isZero();
        }
    }
}
