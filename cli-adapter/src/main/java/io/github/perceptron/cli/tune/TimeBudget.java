package io.github.perceptron.cli.tune;

import io.github.perceptron.cli.common.OptionException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code --time-budget}: {@code 90s}, {@code 30m}, {@code 1h30m}. */
final class TimeBudget {

    private static final Pattern DURATION = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    private TimeBudget() {
    }

    static Duration parse(String text) {
        Matcher matcher = DURATION.matcher(text.strip());
        if (text.isBlank() || !matcher.matches()) {
            throw new OptionException("--time-budget must be like 90s, 30m or 1h30m, was '" + text + "'");
        }
        Duration budget = Duration.ZERO;
        try {
            if (matcher.group(1) != null) {
                budget = budget.plusHours(Long.parseLong(matcher.group(1)));
            }
            if (matcher.group(2) != null) {
                budget = budget.plusMinutes(Long.parseLong(matcher.group(2)));
            }
            if (matcher.group(3) != null) {
                budget = budget.plusSeconds(Long.parseLong(matcher.group(3)));
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw new OptionException("--time-budget is too long: '" + text + "'");
        }
        if (budget.isZero()) {
            throw new OptionException("--time-budget must be more than zero, was '" + text + "'");
        }
        return budget;
    }
}
