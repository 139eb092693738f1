package io.github.perceptron.cli.console;

import java.util.regex.Pattern;

/** Words for a command the user is told to run: quoted for a POSIX shell when they need it. */
public final class ShellWords {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./=:,+@%-]+");

    private ShellWords() {
    }

    /** {@code word} as is when the shell keeps it whole, else in single quotes ({@code '} as {@code '\''}). */
    public static String quote(Object word) {
        String text = String.valueOf(word);
        if (SAFE.matcher(text).matches()) {
            return text;
        }
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
