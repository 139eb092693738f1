/**
 * <b>Public API.</b> Accuracy, loss and the confusion matrix of a network on labelled images.
 */
package io.github.perceptron.core.eval;
