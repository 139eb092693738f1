/**
 * Internal (exported to nobody): small helpers for the API's values. Equality, hashing and printing
 * by content for the records whose components are arrays, which Java's records would compare by
 * identity and print as {@code [F@1b6d3586}; and the check that an image's pixels are in [0,1].
 */
package io.github.perceptron.core.values;
