package io.github.perceptron.core.train;

/** Why a run ended. */
public enum StopReason {
    /** It ran every epoch of its plan. */
    COMPLETED("completed"),
    /** A listener asked it to stop (a user's interrupt): it can be resumed. */
    REQUESTED("requested"),
    /** Early stopping: the validation figure stopped improving. */
    PATIENCE("patience");

    private final String id;

    StopReason(String id) {
        this.id = id;
    }

    /**
     * The reason's name in events and files.
     *
     * @return {@code completed}, {@code requested} or {@code patience}
     */
    public String id() {
        return id;
    }
}
