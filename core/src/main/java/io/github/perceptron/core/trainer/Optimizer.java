package io.github.perceptron.core.trainer;

import io.github.perceptron.core.kernel.Parallel;
import io.github.perceptron.core.engine.Parameter;
import io.github.perceptron.core.engine.ParameterUpdate;
import io.github.perceptron.core.optim.OptimizerSpec;
import java.util.List;

/**
 * Applies an {@link OptimizerSpec}'s rule to a network's parameters and owns the rule's state.
 *
 * <p>L2 regularisation ({@code L + λ/2·‖w‖²}) is applied as {@code w ← w - lr·λ·w} on weights
 * only, before the rule's update and outside its state: Adagrad, RMSProp and Adam accumulate plain
 * gradients, and momentum does not amplify the decay by {@code 1/(1-μ)}. For SGD this is exactly
 * the gradient of the L2 term.
 */
public final class Optimizer implements ParameterUpdate {

    private final OptimizerSpec spec;
    private final List<Parameter> parameters;
    private final float[][][] state;
    private final int threads;
    private long steps;
    /** The step {@link #prepare} set up, for {@link #update(int, int, int)}. */
    private float preparedRate;
    private float preparedKeep;
    private boolean preparedDecay;

    /** An optimizer updating on the calling thread. */
    public Optimizer(OptimizerSpec spec, List<Parameter> parameters) {
        this(spec, parameters, 1);
    }

    /**
     * An optimizer splitting each update over {@code threads} threads (the products' workers).
     * Every element is updated on its own, so the thread count changes no result.
     */
    public Optimizer(OptimizerSpec spec, List<Parameter> parameters, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        this.threads = threads;
        this.spec = spec;
        this.parameters = List.copyOf(parameters);
        this.state = new float[parameters.size()][spec.stateSlots()][];
        for (int p = 0; p < parameters.size(); p++) {
            for (int s = 0; s < spec.stateSlots(); s++) {
                state[p][s] = new float[parameters.get(p).size()];
            }
        }
    }

    /** One update of every parameter from its current gradient, with step size {@code learningRate}. */
    public void step(double learningRate, double l2) {
        steps++;
        float lr = (float) learningRate;
        float keep = (float) (1 - learningRate * l2);
        long step = steps;
        // One hand-off for the whole update, each thread taking the same share of every tensor: on
        // two cores the share of a weight gradient a thread computed is then the share it updates,
        // where a single-threaded update pulled half of every gradient from the other core's cache
        // (11% of the calling thread's samples in a two-thread [784,30,10] epoch).
        Parallel.forEachShare(threads, share -> updateShare(share, threads, lr, keep, l2 > 0, step));
    }

    private void updateShare(int share, int shares, float lr, float keep, boolean decay, long step) {
        for (int p = 0; p < parameters.size(); p++) {
            int length = parameters.get(p).size();
            updateRange(p, (int) ((long) length * share / shares), (int) ((long) length * (share + 1) / shares), lr, keep,
                    decay, step);
        }
    }

    private void updateRange(int p, int from, int to, float lr, float keep, boolean decay, long step) {
        Parameter parameter = parameters.get(p);
        float[] w = parameter.values();
        if (decay && parameter.decays()) {
            for (int i = from; i < to; i++) {
                w[i] *= keep;
            }
        }
        spec.update(w, parameter.gradient(), state[p], lr, step, from, to);
    }

    /**
     * Sets up the next update, made part by part by {@link #update(int, int, int)} inside a
     * training step's region (each element as {@link #step} would update it); it counts once
     * {@link #commitStep} is called, after the step, so a step that diverged is not counted.
     */
    public void prepare(double learningRate, double l2) {
        preparedRate = (float) learningRate;
        preparedKeep = (float) (1 - learningRate * l2);
        preparedDecay = l2 > 0;
    }

    /** Elements {@code [from, to)} of parameter {@code parameter}, by the rule {@link #prepare} set up. */
    @Override
    public void update(int parameter, int from, int to) {
        updateRange(parameter, from, to, preparedRate, preparedKeep, preparedDecay, steps + 1);
    }

    /** Counts the update {@link #prepare} set up, once all its parts are made. */
    public void commitStep() {
        steps++;
    }

    /** How many updates have been applied. */
    public long steps() {
        return steps;
    }

    public OptimizerSpec spec() {
        return spec;
    }

    /** The rule's state for parameter {@code p}: {@code stateSlots()} live arrays, for checkpoints. */
    public float[][] state(int p) {
        return state[p];
    }

    /** Continues from a saved step count (the arrays are restored through {@link #state(int)}). */
    public void restoreSteps(long savedSteps) {
        this.steps = savedSteps;
    }
}
