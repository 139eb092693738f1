/**
 * The prediction service: an HTTP JSON API and a draw-a-digit page over a saved model, on the
 * JDK's own HTTP server. {@link io.github.perceptron.serving.PredictionServer} is the entry point;
 * it reaches models and images through two small ports the caller supplies
 * ({@link io.github.perceptron.serving.ModelLoader} and {@link io.github.perceptron.serving.ImageDecoder}),
 * so this adapter depends on core alone.
 */
package io.github.perceptron.serving;
