/**
 * <b>Internal.</b> The matrix kernel, its row products (Vector API or portable), the shared worker
 * pool and the parallel helpers. Types here are public only because layers, the network, the
 * optimisers and the trainer, in other core packages, use them; adapters must not (an ArchUnit rule
 * checks it), and they change without notice. Embedders choose threads through
 * {@code io.github.perceptron.core.train.Threads}.
 */
package io.github.perceptron.core.kernel;
