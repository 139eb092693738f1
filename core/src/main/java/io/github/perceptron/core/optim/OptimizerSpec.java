package io.github.perceptron.core.optim;

import io.github.perceptron.core.trainer.Optimizer;
import java.util.List;

/**
 * An update rule and its hyper-parameters. Each rule reads the plain gradient {@code g} of the
 * mean batch loss; L2 weight decay is applied by {@link Optimizer} outside this state, so it never
 * enters momentum or the Adagrad/RMSProp/Adam accumulators.
 */
public sealed interface OptimizerSpec
        permits OptimizerSpec.Sgd, OptimizerSpec.Momentum, OptimizerSpec.Nesterov, OptimizerSpec.Adagrad,
        OptimizerSpec.RmsProp, OptimizerSpec.Adam {

    /**
     * The base learning rate, which a schedule scales.
     *
     * @return the rate, positive
     */
    double learningRate();

    /**
     * The name used on the command line and in model files: one of {@link #ids()}.
     *
     * @return the id
     */
    String id();

    /**
     * Every rule's id, in the order the command line lists them.
     *
     * @return {@code sgd}, {@code momentum}, {@code nesterov}, {@code adagrad}, {@code rmsprop}, {@code adam}
     */
    static List<String> ids() {
        return List.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam");
    }

    /**
     * The rule {@code id} names, at {@code learningRate} (its {@link #defaultLearningRate} when
     * null), with {@code momentum} for the two momentum rules and the other rules' usual constants.
     *
     * @throws IllegalArgumentException for an unknown id or a value out of range
     * @param id           one of {@link #ids()}
     * @param learningRate the base rate, or null for the rule's default
     * @param momentum     μ for momentum and Nesterov, in [0, 1); ignored by the others
     * @return the rule
     */
    static OptimizerSpec of(String id, Double learningRate, double momentum) {
        double rate = learningRate != null ? learningRate : defaultLearningRate(id);
        return switch (id) {
            case "sgd" -> new Sgd(rate);
            case "momentum" -> new Momentum(rate, momentum);
            case "nesterov" -> new Nesterov(rate, momentum);
            case "adagrad" -> new Adagrad(rate);
            case "rmsprop" -> new RmsProp(rate);
            case "adam" -> new Adam(rate);
            default -> throw new IllegalArgumentException("unknown optimizer '" + id + "', expected one of "
                    + String.join(", ", ids()));
        };
    }

    /**
     * The learning rate a rule starts from when none is given: 0.1 for SGD and momentum, 0.01 Adagrad, 0.001 RMSProp and Adam.
     *
     * @param id one of {@link #ids()}
     * @return the rate
     * @throws IllegalArgumentException for an unknown id
     */
    static double defaultLearningRate(String id) {
        return switch (id) {
            case "sgd", "momentum", "nesterov" -> 0.1;
            case "adagrad" -> 0.01;
            case "rmsprop", "adam" -> 0.001;
            default -> throw new IllegalArgumentException("unknown optimizer '" + id + "', expected one of "
                    + String.join(", ", ids()));
        };
    }

    /**
     * How many state arrays, each as long as the parameter, the rule keeps.
     *
     * @return 0 for SGD, 1 for the momentum rules, Adagrad and RMSProp, 2 for Adam
     */
    int stateSlots();

    /**
     * Updates elements {@code [from, to)} of {@code w} in place from {@code g}, with step size
     * {@code lr} on the {@code step}-th update (counting from 1) and the rule's
     * {@code state[stateSlots()][w.length]}. Each element's update reads only that element, so
     * disjoint ranges may be updated by different threads.
     *
     * @param w     the parameter's values, updated in place
     * @param g     its gradient, as long as {@code w}
     * @param state the rule's state arrays, updated in place
     * @param lr    this step's learning rate
     * @param step  the update's number, from 1 (Adam's bias correction uses it)
     * @param from  the first element, inclusive
     * @param to    the last element, exclusive
     */
    void update(float[] w, float[] g, float[][] state, float lr, long step, int from, int to);

    /** Plain gradient descent: {@code w -= lr·g}. */
    record Sgd(double learningRate) implements OptimizerSpec {
        /**
         * Checks the rate.
         *
         * @param learningRate the base rate, positive
         * @throws IllegalArgumentException if {@code learningRate} is not positive and finite
         */
        public Sgd {
            Checks.positive("learning rate", learningRate);
        }

        @Override
        public String id() {
            return "sgd";
        }

        @Override
        public int stateSlots() {
            return 0;
        }

        @Override
        public void update(float[] w, float[] g, float[][] state, float lr, long step, int from, int to) {
            for (int i = from; i < to; i++) {
                w[i] -= lr * g[i];
            }
        }
    }

    /** Classical momentum: {@code v = μv - lr·g; w += v}. */
    record Momentum(double learningRate, double momentum) implements OptimizerSpec {
        /**
         * Checks the components.
         *
         * @param learningRate the base rate, positive
         * @param momentum μ, in [0, 1)
         * @throws IllegalArgumentException if {@code learningRate} is not positive and finite, or {@code momentum} outside [0, 1)
         */
        public Momentum {
            Checks.positive("learning rate", learningRate);
            Checks.fraction("momentum", momentum);
        }

        @Override
        public String id() {
            return "momentum";
        }

        @Override
        public int stateSlots() {
            return 1;
        }

        @Override
        public void update(float[] w, float[] g, float[][] state, float lr, long step, int from, int to) {
            float[] v = state[0];
            float mu = (float) momentum;
            for (int i = from; i < to; i++) {
                v[i] = mu * v[i] - lr * g[i];
                w[i] += v[i];
            }
        }
    }

    /** Nesterov momentum (Sutskever et al. 2013, in the look-ahead form): {@code v = μv - lr·g; w += μv - lr·g}. */
    record Nesterov(double learningRate, double momentum) implements OptimizerSpec {
        /**
         * Checks the components.
         *
         * @param learningRate the base rate, positive
         * @param momentum μ, in [0, 1)
         * @throws IllegalArgumentException if {@code learningRate} is not positive and finite, or {@code momentum} outside [0, 1)
         */
        public Nesterov {
            Checks.positive("learning rate", learningRate);
            Checks.fraction("momentum", momentum);
        }

        @Override
        public String id() {
            return "nesterov";
        }

        @Override
        public int stateSlots() {
            return 1;
        }

        @Override
        public void update(float[] w, float[] g, float[][] state, float lr, long step, int from, int to) {
            float[] v = state[0];
            float mu = (float) momentum;
            for (int i = from; i < to; i++) {
                v[i] = mu * v[i] - lr * g[i];
                w[i] += mu * v[i] - lr * g[i];
            }
        }
    }

    /** Adagrad (Duchi et al. 2011): {@code G += g²; w -= lr·g/(√G + ε)}. */
    record Adagrad(double learningRate, double epsilon) implements OptimizerSpec {
        /**
         * Checks the components.
         *
         * @param learningRate the base rate, positive
         * @param epsilon ε, positive
         * @throws IllegalArgumentException if {@code learningRate} or {@code epsilon} is not positive and finite
         */
        public Adagrad {
            Checks.positive("learning rate", learningRate);
            Checks.positive("epsilon", epsilon);
        }

        /**
         * Adagrad with ε = 1e-8.
         *
         * @param learningRate the base rate, positive
         */
        public Adagrad(double learningRate) {
            this(learningRate, 1e-8);
        }

        @Override
        public String id() {
            return "adagrad";
        }

        @Override
        public int stateSlots() {
            return 1;
        }

        @Override
        public void update(float[] w, float[] g, float[][] state, float lr, long step, int from, int to) {
            float[] sum = state[0];
            float eps = (float) epsilon;
            for (int i = from; i < to; i++) {
                sum[i] += g[i] * g[i];
                w[i] -= lr * g[i] / ((float) Math.sqrt(sum[i]) + eps);
            }
        }
    }

    /** RMSProp (Tieleman and Hinton 2012): {@code E = ρE + (1-ρ)g²; w -= lr·g/(√E + ε)}. */
    record RmsProp(double learningRate, double decay, double epsilon) implements OptimizerSpec {
        /**
         * Checks the components.
         *
         * @param learningRate the base rate, positive
         * @param decay ρ, in [0, 1)
         * @param epsilon ε, positive
         * @throws IllegalArgumentException if {@code learningRate} or {@code epsilon} is not positive and finite, or
         *                                  {@code decay} outside [0, 1)
         */
        public RmsProp {
            Checks.positive("learning rate", learningRate);
            Checks.fraction("decay", decay);
            Checks.positive("epsilon", epsilon);
        }

        /**
         * RMSProp with ρ = 0.9 and ε = 1e-8.
         *
         * @param learningRate the base rate, positive
         */
        public RmsProp(double learningRate) {
            this(learningRate, 0.9, 1e-8);
        }

        @Override
        public String id() {
            return "rmsprop";
        }

        @Override
        public int stateSlots() {
            return 1;
        }

        @Override
        public void update(float[] w, float[] g, float[][] state, float lr, long step, int from, int to) {
            float[] mean = state[0];
            float rho = (float) decay;
            float eps = (float) epsilon;
            for (int i = from; i < to; i++) {
                mean[i] = rho * mean[i] + (1 - rho) * g[i] * g[i];
                w[i] -= lr * g[i] / ((float) Math.sqrt(mean[i]) + eps);
            }
        }
    }

    /** Adam (Kingma and Ba 2015) with bias correction. */
    record Adam(double learningRate, double beta1, double beta2, double epsilon) implements OptimizerSpec {
        /**
         * Checks the components.
         *
         * @param learningRate the base rate, positive
         * @param beta1 β₁, in [0, 1)
         * @param beta2 β₂, in [0, 1)
         * @param epsilon ε, positive
         * @throws IllegalArgumentException if {@code learningRate} or {@code epsilon} is not positive and finite, or a
         *                                  β outside [0, 1)
         */
        public Adam {
            Checks.positive("learning rate", learningRate);
            Checks.fraction("beta1", beta1);
            Checks.fraction("beta2", beta2);
            Checks.positive("epsilon", epsilon);
        }

        /**
         * Adam with β₁ = 0.9, β₂ = 0.999 and ε = 1e-8, as its authors suggest.
         *
         * @param learningRate the base rate, positive (0.001 is usual)
         */
        public Adam(double learningRate) {
            this(learningRate, 0.9, 0.999, 1e-8);
        }

        @Override
        public String id() {
            return "adam";
        }

        @Override
        public int stateSlots() {
            return 2;
        }

        @Override
        public void update(float[] w, float[] g, float[][] state, float lr, long step, int from, int to) {
            float[] m = state[0];
            float[] v = state[1];
            float b1 = (float) beta1;
            float b2 = (float) beta2;
            float correctedLr = (float) (lr * Math.sqrt(1 - StrictMath.pow(beta2, step)) / (1 - StrictMath.pow(beta1, step)));
            float eps = (float) (epsilon * Math.sqrt(1 - StrictMath.pow(beta2, step)));
            for (int i = from; i < to; i++) {
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                w[i] -= correctedLr * m[i] / ((float) Math.sqrt(v[i]) + eps);
            }
        }
    }
}
