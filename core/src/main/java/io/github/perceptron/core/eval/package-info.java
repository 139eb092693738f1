/**
 * <b>Public API.</b> {@link io.github.perceptron.core.eval.Evaluation}: accuracy, loss and the
 * confusion matrix of a model on labelled images.
 */
package io.github.perceptron.core.eval;
