package io.github.perceptron.cli.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perceptron.cli.common.OptionException;
import io.github.perceptron.core.augment.Augmentation;
import io.github.perceptron.core.optim.OptimizerSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Typed settings are the one way a plan is made: {@code train}'s options through picocli's
 * converters, and a search's or a preset's changes through {@link TrainingSettings#with}, give the
 * same plan for the same options.
 */
class TrainingSettingsTest {

    @CommandLine.Command(name = "train")
    static final class Train {
        @CommandLine.Mixin
        TrainingOptions training;
    }

    private static TrainingOptions parse(String... args) {
        Train train = new Train();
        new CommandLine(train).parseArgs(args);
        return train.training;
    }

    @Test
    void the_options_defaults_are_the_settings_defaults() {
        TrainingOptions none = parse();
        assertThat(none.plan()).isEqualTo(TrainingSettings.DEFAULTS.plan());
        assertThat(none.settings().given()).isEmpty();
    }

    @Test
    void options_typed_and_the_same_changes_made_to_typed_fields_give_the_same_plan() {
        String[] typed = {"--layers", "784,64,32,10", "--activation", "tanh", "--optimizer", "momentum", "--lr", "0.05",
            "--momentum", "0.8", "--l2", "1e-4", "--dropout", "0.1", "--init", "xavier", "--epochs", "7", "--batch", "32",
            "--seed", "9", "--schedule", "step:3:0.5", "--warmup", "1", "--no-shuffle", "--augment", "shift,rotate",
            "--class-weights", "balanced", "--loss", "cross-entropy", "--label-smoothing", "0.1", "--average-last", "3"};
        TrainingOptions options = parse(typed);
        assertThat(TrainingSettings.DEFAULTS.withArguments(List.of(typed)).plan()).isEqualTo(options.plan());
        assertThat(options.settings().arguments()).containsExactlyInAnyOrder(typed);
        assertThat(TrainingSettings.DEFAULTS.withArguments(options.settings().arguments()).plan()).isEqualTo(options.plan());
    }

    /** An optimiser chosen without --lr starts from its own default rate, as train gives it. */
    @Test
    void a_searched_optimizer_without_a_typed_rate_takes_its_own_default() {
        OptimizerSpec adam = TrainingSettings.DEFAULTS.with(Map.of("optimizer", "adam")).plan().optimizer();
        assertThat(adam).isEqualTo(new OptimizerSpec.Adam(0.001));
        assertThat(parse("--optimizer", "adam").plan().optimizer()).isEqualTo(adam);
    }

    @Test
    void a_bad_value_is_refused_naming_the_option_whichever_way_it_comes() {
        assertThatThrownBy(() -> TrainingSettings.DEFAULTS.with("schedule", "linear"))
                .isInstanceOf(OptionException.class).hasMessageContaining("bad schedule 'linear'");
        assertThatThrownBy(() -> parse("--schedule", "linear")).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("bad schedule 'linear'");
        assertThatThrownBy(() -> TrainingSettings.DEFAULTS.with("dropout", "1.5"))
                .isInstanceOf(OptionException.class).hasMessage("--dropout must be a rate in [0, 1), was 1.5");
        assertThatThrownBy(() -> TrainingSettings.DEFAULTS.with("threads", "2"))
                .isInstanceOf(OptionException.class).hasMessageContaining("unknown training option '--threads'");
        assertThatThrownBy(() -> TrainingSettings.DEFAULTS.withArguments(List.of("lr", "0.1")))
                .isInstanceOf(OptionException.class).hasMessage("'lr' is not a training option");
    }

    /** A distortion's numbers follow its name; without them it keeps the default the help names. */
    @Test
    void each_distortion_takes_its_own_sizes_or_its_default() {
        assertThat(parse("--augment", "elastic:37:5.5,shift:1.5,rotate:7.5,scale:0.15").plan().augmentation())
                .isEqualTo(new Augmentation(1.5, 7.5, 0.15, 37, 5.5));
        assertThat(parse("--augment", "elastic,shift,rotate,scale").plan().augmentation())
                .isEqualTo(new Augmentation(2, 15, 0.1, 34, 4));
        assertThat(TrainingSettings.DEFAULTS.with("augment", "elastic:36:6").plan().augmentation())
                .isEqualTo(new Augmentation(0, 0, 0, 36, 6));
    }

    @Test
    void a_distortion_with_the_wrong_numbers_is_refused_in_one_line_naming_it() {
        assertThatThrownBy(() -> parse("--augment", "elastic:36")).hasMessageContaining(
                "--augment: 'elastic:36' takes two numbers or none, elastic:ALPHA:SIGMA");
        assertThatThrownBy(() -> parse("--augment", "shift:1:2")).hasMessageContaining(
                "--augment: 'shift:1:2' takes at most one number, shift:PIXELS");
        assertThatThrownBy(() -> parse("--augment", "rotate:x")).hasMessageContaining(
                "--augment: bad number 'x' in 'rotate:x'");
        assertThatThrownBy(() -> parse("--augment", "scale:1e999")).hasMessageContaining(
                "--augment: '1e999' in 'scale:1e999' is not a finite number");
        assertThatThrownBy(() -> parse("--augment", "none:1")).hasMessageContaining("--augment: 'none:1' takes no number");
        assertThatThrownBy(() -> parse("--augment", "elastic:36:0.1")).hasMessageContaining(
                "--augment: elastic sigma must be >= 0.5 pixels, was 0.1");
        assertThatThrownBy(() -> parse("--augment", "flip:1")).hasMessageContaining(
                "unknown augmentation 'flip:1', expected none or a comma-separated list of shift, rotate, scale, elastic");
    }
}
