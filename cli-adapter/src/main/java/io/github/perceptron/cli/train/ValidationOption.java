package io.github.perceptron.cli.train;

import io.github.perceptron.cli.common.OptionException;
import io.github.perceptron.core.data.ValidationSplit;

/** {@code --validation}: a count of images ({@code 6000}) or a fraction of them ({@code 0.1}). */
public final class ValidationOption {

    private ValidationOption() {
    }

    /** The stratified split {@code text} asks for, drawn with {@code seed}. */
    public static ValidationSplit parse(String text, long seed) {
        String value = text.strip();
        try {
            if (value.matches("\\d+")) {
                return ValidationSplit.stratified(Integer.parseInt(value), seed);
            }
            if (value.matches("\\d*\\.\\d+")) {
                double fraction = Double.parseDouble(value);
                if (fraction > 0 && fraction < 1) {
                    return ValidationSplit.stratifiedFraction(fraction, seed);
                }
            }
        } catch (NumberFormatException e) {
            // A count beyond int: reported below like any other bad value.
        }
        throw new OptionException("--validation must be a number of images (6000) or a fraction between "
                + "0 and 1 (0.1), was '" + text + "'");
    }
}
