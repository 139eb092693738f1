/**
 * Internal (exported to nobody): equality, hashing and printing by content for the records whose
 * components are arrays, which Java's records would compare by identity and print as {@code [F@1b6d3586}.
 */
package io.github.perceptron.core.values;
