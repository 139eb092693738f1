/**
 * <b>Public API.</b> {@link io.github.perceptron.core.loss.Loss}: softmax with cross-entropy, or half
 * squared error on an element-wise output.
 */
package io.github.perceptron.core.loss;
