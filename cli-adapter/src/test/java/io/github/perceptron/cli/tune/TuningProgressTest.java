package io.github.perceptron.cli.tune;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perceptron.cli.console.Console;
import io.github.perceptron.core.tune.TrialResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TuningProgressTest {

    @Test
    void each_line_says_how_many_trials_are_done_and_about_how_long_the_rest_take() {
        StringWriter out = new StringWriter();
        TuningProgress progress = new TuningProgress(new Console(new PrintWriter(out, true), new PrintWriter(new StringWriter()),
                false), false, false);
        progress.trialFinished(new TrialResult(1, Map.of("lr", "0.1"), 0.9, 0.3, 2, 0.5, null), 3, true);
        progress.trialFinished(new TrialResult(2, Map.of("lr", "0.2"), 0.9, 0.3, 2, 30, null), 3, false);
        progress.trialFinished(new TrialResult(3, Map.of("lr", "0.3"), 0.9, 0.3, 2, 30, null), 3, false);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).doesNotContain("done").contains("from the journal");
        // One trial of 30 s ran here and one is left: about 30 s, whatever the journal's trial took.
        assertThat(lines.get(1)).endsWith("; 2 of 3 done, about 30s left");
        assertThat(lines.get(2)).doesNotContain("left");
    }

    @Test
    void durations_read_as_seconds_minutes_or_hours() {
        assertThat(TuningProgress.duration(42.4)).isEqualTo("42s");
        assertThat(TuningProgress.duration(125)).isEqualTo("2m05s");
        assertThat(TuningProgress.duration(3 * 3600 + 7 * 60 + 20)).isEqualTo("3h07m");
    }
}
